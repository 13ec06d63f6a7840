// A word-sized trend line for table cells (e.g. 90 days of an account's score). The label says in
// words what the line shows, since a sparkline has no axes.
import { indexScale, linePath, linearScale, type Domain } from "./scale";

export const SPARKLINE_SIZE = { width: 100, height: 24 } as const;

export type SparklineProps = {
  values: ReadonlyArray<number | null>;
  /** Read out instead of the picture, e.g. "Score over 90 days: 48 → 62". */
  label: string;
  yDomain?: Domain;
  tone?: "primary" | "success" | "danger" | "muted";
};

export function Sparkline({ values, label, yDomain = [0, 100], tone = "primary" }: SparklineProps) {
  const { width, height } = SPARKLINE_SIZE;
  const x = indexScale(values.length, [2, width - 2]);
  const y = linearScale(yDomain, [height - 2, 2]);
  const points = values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
  const last = [...points].reverse().find((p) => p !== null) ?? null;
  return (
    <svg
      className={`sparkline sparkline--${tone}`}
      viewBox={`0 0 ${width} ${height}`}
      style={{ aspectRatio: `${width} / ${height}` }}
      role="img"
      aria-label={label}
      data-chart="sparkline"
      data-points={points.filter((p) => p !== null).length}
    >
      <path className="sparkline__line" d={linePath(points)} />
      {last ? <circle className="sparkline__last" cx={last.x} cy={last.y} r={2} /> : null}
    </svg>
  );
}
