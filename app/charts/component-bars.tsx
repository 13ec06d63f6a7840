// Horizontal bars with their labels, e.g. the components of a health score or progress per tier.
// Labels and explanations are HTML text (they wrap in Japanese and English alike); only the bar
// itself is SVG with a fixed viewBox, hidden from screen readers because the text says it all.

export type BarItem = {
  id: string;
  label: string;
  value: number;
  /** Defaults to the chart's max (100 for scores). */
  max?: number;
  /** Shown under the bar, e.g. why a component scores what it does. */
  detail?: string;
  tone?: "primary" | "success" | "warning" | "danger" | "muted";
};

export type ComponentBarsProps = {
  items: readonly BarItem[];
  max?: number;
  /** How the value is written beside the bar, e.g. (v, max) => `${v} / ${max}`. */
  formatValue?: (value: number, max: number) => string;
  /** Accessible name of the list. */
  label: string;
};

/** The filled share of the bar in percent, clamped to 0–100. */
export function barPercent(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value / max)) * 1000) / 10;
}

export function ComponentBars({ items, max = 100, formatValue = (value) => String(value), label }: ComponentBarsProps) {
  return (
    <ul className="bars" aria-label={label} data-chart="bars">
      {items.map((item) => {
        const itemMax = item.max ?? max;
        const percent = barPercent(item.value, itemMax);
        return (
          <li key={item.id} className={`bars__item bars__item--${item.tone ?? "primary"}`} data-bar={item.id} data-value={item.value}>
            <span className="bars__label">{item.label}</span>
            <svg className="bars__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
              <rect className="bars__track" x={0} y={0} width={100} height={8} rx={4} />
              <rect className="bars__fill" x={0} y={0} width={percent} height={8} rx={4} />
            </svg>
            <span className="bars__value">{formatValue(item.value, itemMax)}</span>
            {item.detail ? <p className="bars__detail">{item.detail}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
