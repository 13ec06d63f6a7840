// The activity → output → outcome → impact funnel: one centred bar per stage, its width
// proportional to the stage's value, with the share kept from the stage before. Server-rendered
// SVG with a fixed viewBox, plus a visually hidden table with the same numbers.
import { useId } from "react";

export type FunnelStage = { id: string; label: string; value: number };

export type FunnelChartProps = {
  title: string;
  description: string;
  stages: readonly FunnelStage[];
  /** Column headers of the data table. */
  stageTitle: string;
  valueTitle: string;
  conversionTitle: string;
  formatValue?: (value: number) => string;
  formatPercent?: (ratio: number) => string;
};

export const FUNNEL_SIZE = { width: 640, rowHeight: 52, labelWidth: 150, valueWidth: 110 } as const;

export type FunnelRow = FunnelStage & { x: number; y: number; width: number; conversion: number | null };

/** Bar geometry per stage: widths relative to the largest stage, centred in the bar area. */
export function funnelRows(stages: readonly FunnelStage[]): FunnelRow[] {
  const { width, rowHeight, labelWidth, valueWidth } = FUNNEL_SIZE;
  const area = width - labelWidth - valueWidth;
  const max = Math.max(0, ...stages.map((s) => s.value));
  return stages.map((stage, index) => {
    const barWidth = max > 0 ? Math.max(2, Math.round((Math.max(0, stage.value) / max) * area * 100) / 100) : 2;
    const previous = index > 0 ? stages[index - 1]!.value : null;
    return {
      ...stage,
      width: barWidth,
      x: Math.round((labelWidth + (area - barWidth) / 2) * 100) / 100,
      y: index * rowHeight + 8,
      conversion: previous === null ? null : previous > 0 ? stage.value / previous : 0,
    };
  });
}

export function FunnelChart({
  title,
  description,
  stages,
  stageTitle,
  valueTitle,
  conversionTitle,
  formatValue = String,
  formatPercent = (ratio) => `${Math.round(ratio * 100)}%`,
}: FunnelChartProps) {
  const id = useId();
  const { width, rowHeight, labelWidth, valueWidth } = FUNNEL_SIZE;
  const rows = funnelRows(stages);
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const barHeight = rowHeight - 18;
  return (
    <figure className="chart chart--funnel">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        style={{ aspectRatio: `${width} / ${height}` }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-chart="funnel"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, index) => (
          <g key={row.id} className={`funnel__stage funnel__stage--${index}`} data-stage={row.id} data-value={row.value}>
            <text x={0} y={row.y + barHeight / 2} dy="0.32em" className="funnel__label">
              {row.label}
            </text>
            <rect className="funnel__bar" x={row.x} y={row.y} width={row.width} height={barHeight} rx={6} />
            <text x={width - valueWidth + 8} y={row.y + barHeight / 2} dy="0.32em" className="funnel__value">
              {formatValue(row.value)}
            </text>
            {row.conversion !== null ? (
              <text x={labelWidth + (width - labelWidth - valueWidth) / 2} y={row.y - 1} textAnchor="middle" className="funnel__conversion">
                {`↓ ${formatPercent(row.conversion)}`}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{stageTitle}</th>
            <th scope="col">{valueTitle}</th>
            <th scope="col">{conversionTitle}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>{formatValue(row.value)}</td>
              <td>{row.conversion === null ? "—" : formatPercent(row.conversion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
