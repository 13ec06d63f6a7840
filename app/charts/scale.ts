// The arithmetic behind the SVG charts: scales, "nice" axis maxima, ticks and path data. Pure
// functions, so the geometry is unit-tested without rendering anything.

export type Domain = readonly [number, number];
export type Range = readonly [number, number];

/** Maps a value in `domain` linearly onto `range`; values outside are clamped to the range. */
export function linearScale(domain: Domain, range: Range): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => {
    if (span === 0) return (r0 + r1) / 2;
    const t = Math.min(1, Math.max(0, (value - d0) / span));
    return round(r0 + t * (r1 - r0));
  };
}

/** x positions for `count` evenly spaced points across [left, right]; one point sits in the middle. */
export function indexScale(count: number, range: Range): (index: number) => number {
  const [r0, r1] = range;
  if (count <= 1) return () => round((r0 + r1) / 2);
  const step = (r1 - r0) / (count - 1);
  return (index) => round(r0 + index * step);
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ value, so axis labels are round numbers. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) return round(step * magnitude);
  }
  return round(10 * magnitude);
}

/** `count + 1` evenly spaced tick values from min to max (inclusive). */
export function ticks([min, max]: Domain, count = 4): number[] {
  if (count < 1 || max === min) return [min];
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => round(min + i * step));
}

export type Point = { x: number; y: number };

/**
 * SVG path data through the points. A null y leaves a gap (a day without a snapshot), so the line
 * never pretends to know a value it does not have.
 */
export function linePath(points: ReadonlyArray<Point | null>): string {
  let d = "";
  let penDown = false;
  for (const point of points) {
    if (!point) {
      penDown = false;
      continue;
    }
    d += `${penDown ? "L" : "M"}${point.x} ${point.y}`;
    penDown = true;
  }
  return d;
}

/** Indexes of evenly spread x-axis labels, always including the first and the last. */
export function labelIndexes(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  if (count <= maxLabels) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (maxLabels - 1);
  return [...new Set(Array.from({ length: maxLabels }, (_, i) => Math.round(i * step)))];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
