// A server-rendered SVG line chart for daily trends (health scores, engagement activity). The
// viewBox is fixed, so the chart takes its final size before any script runs (no layout shift);
// the text stays HTML where it must wrap (legend) and a visually hidden table carries every value
// for screen readers. Each point is a <circle data-series data-index data-value>, which tests count.
import { useId } from "react";
import { indexScale, labelIndexes, linePath, linearScale, ticks, type Domain } from "./scale";

export const LINE_CHART_SIZE = { width: 720, height: 260 } as const;
const MARGIN = { top: 12, right: 14, bottom: 30, left: 46 } as const;

export type SeriesTone = "primary" | "accent" | "success" | "danger" | "muted";

export type ChartSeries = {
  id: string;
  label: string;
  /** One value per x label; null where there is no value (drawn as a gap). */
  values: ReadonlyArray<number | null>;
  tone?: SeriesTone;
};

/** A shaded horizontal band behind the lines, e.g. the red/yellow/green health thresholds. */
export type ChartBand = { from: number; to: number; tone: "red" | "yellow" | "green" };

export type LineChartProps = {
  title: string;
  description: string;
  /** One label per x position (days, already formatted for the reader). */
  xLabels: readonly string[];
  /** Header of the first column of the data table, e.g. "Date". */
  xTitle: string;
  series: readonly ChartSeries[];
  /** Defaults to 0–100, the range of every score. */
  yDomain?: Domain;
  bands?: readonly ChartBand[];
  maxXLabels?: number;
  formatValue?: (value: number) => string;
};

const TONES: readonly SeriesTone[] = ["primary", "accent", "success", "danger", "muted"];

export function LineChart({
  title,
  description,
  xLabels,
  xTitle,
  series,
  yDomain = [0, 100],
  bands = [],
  maxXLabels = 7,
  formatValue = String,
}: LineChartProps) {
  const id = useId();
  const { width, height } = LINE_CHART_SIZE;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const x = indexScale(xLabels.length, [plot.left, plot.right]);
  const y = linearScale(yDomain, [plot.bottom, plot.top]);
  const yTicks = ticks(yDomain, 4);
  const xTicks = labelIndexes(xLabels.length, maxXLabels);
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        style={{ aspectRatio: `${width} / ${height}` }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-chart="line"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bands.map((band) => (
          <rect
            key={`${band.tone}-${band.from}`}
            className={`chart__band chart__band--${band.tone}`}
            x={plot.left}
            width={plot.right - plot.left}
            y={y(band.to)}
            height={Math.max(0, y(band.from) - y(band.to))}
          />
        ))}
        <g className="chart__grid" aria-hidden="true">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
              <text x={plot.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="chart__tick">
                {formatValue(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((index) => (
            <text key={index} x={x(index)} y={height - 8} textAnchor={index === 0 ? "start" : index === xLabels.length - 1 ? "end" : "middle"} className="chart__tick">
              {xLabels[index]}
            </text>
          ))}
        </g>
        {series.map((s, seriesIndex) => {
          const tone = s.tone ?? TONES[seriesIndex % TONES.length]!;
          const points = s.values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
          return (
            <g key={s.id} className={`chart__series chart__series--${tone}`} data-series-group={s.id}>
              <path className="chart__line" d={linePath(points)} />
              {points.map((point, index) =>
                point ? (
                  <circle
                    key={index}
                    className="chart__point"
                    cx={point.x}
                    cy={point.y}
                    r={2.5}
                    data-series={s.id}
                    data-index={index}
                    data-value={s.values[index]!}
                  >
                    <title>{`${xLabels[index]} · ${s.label}: ${formatValue(s.values[index]!)}`}</title>
                  </circle>
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((s, seriesIndex) => (
            <li key={s.id} className={`chart__legend-item chart__series--${s.tone ?? TONES[seriesIndex % TONES.length]}`}>
              <span className="chart__swatch" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xTitle}</th>
            {series.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {xLabels.map((label, index) => (
            <tr key={index}>
              <th scope="row">{label}</th>
              {series.map((s) => {
                const value = s.values[index];
                return <td key={s.id}>{value === null || value === undefined ? "—" : formatValue(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
