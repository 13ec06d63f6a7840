// The account page's health trend: overall score and each component per day with a snapshot
// (last 90 days), over shaded red / yellow bands. One point per snapshot day per series.
import { LineChart, type ChartSeries, type SeriesTone } from "~/charts/line-chart";
import { useTranslation } from "~/i18n/use-translation";
import { COMPONENTS, DEFAULT_MODEL } from "~/scoring/model";
import type { TrendPoint } from "~/scoring/read.server";
import { formatDate } from "~/utils/format";

const COMPONENT_TONES: readonly SeriesTone[] = ["accent", "success", "danger", "muted", "muted"];

export function HealthTrend({ trend, bands = DEFAULT_MODEL.bands }: { trend: readonly TrendPoint[]; bands?: { green: number; yellow: number } }) {
  const { t, locale } = useTranslation();
  if (trend.length === 0) return <p className="empty">{t("workspace.trend.empty")}</p>;
  const series: ChartSeries[] = [
    { id: "overall", label: t("workspace.trend.overall"), values: trend.map((p) => p.overall), tone: "primary" },
    ...COMPONENTS.filter((key) => trend.some((p) => p.components[key] !== null)).map((key, index) => ({
      id: key,
      label: t(`scoring.component.${key}`),
      values: trend.map((p) => p.components[key]),
      tone: COMPONENT_TONES[index],
    })),
  ];
  return (
    <section className="section card" aria-labelledby="health-trend-title" data-testid="health-trend">
      <h2 id="health-trend-title">{t("workspace.trend.title")}</h2>
      <LineChart
        title={t("workspace.trend.title")}
        description={t("workspace.trend.desc", { count: trend.length })}
        xLabels={trend.map((p) => formatDate(p.day, locale))}
        xTitle={t("workspace.chart.date")}
        series={series}
        bands={[
          { from: 0, to: bands.yellow, tone: "red" },
          { from: bands.yellow, to: bands.green, tone: "yellow" },
        ]}
      />
    </section>
  );
}
