// The outcome report: a cohort's accounts against all others, as the activity → output →
// outcome → impact funnel plus the chain's numbers. Staff only; the cohort and period live in the
// URL (app/workspace/outcomes.ts), and an unknown one answers 400 with what to choose instead.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FunnelChart } from "~/charts/funnel-chart";
import { getCatalog } from "~/content/catalog.server";
import { getTranslator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { contentIndexFromCatalog } from "~/scoring/facts.server";
import { outcomeReport, type OutcomeFigures } from "~/scoring/outcomes.server";
import scoringStyles from "~/styles/scoring.css";
import { formatDate, formatNumber, formatYen } from "~/utils/format";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { OUTCOME_COHORTS, OUTCOME_PERIODS, OUTCOME_STEPS, outcomeParamsFromUrl, outcomesHref, percentOf } from "~/workspace/outcomes";

export const meta: MetaFunction = () => [{ title: "Outcome report · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const params = outcomeParamsFromUrl(new URL(request.url));
  if (!params.ok) {
    const { t } = await getTranslator(request, staff.locale);
    const message =
      params.error === "cohort"
        ? t("workspace.outcomes.badCohort", { value: params.value, choices: OUTCOME_COHORTS.map((c) => t(`workspace.outcomes.cohort.${c}`)).join(" / ") })
        : t("workspace.outcomes.badPeriod", { value: params.value });
    throw new Response(message, { status: 400, statusText: "Bad Request" });
  }
  const report = await outcomeReport(params.cohort, { content: contentIndexFromCatalog(getCatalog()), periodDays: params.periodDays });
  return { report, timeZone: staff.timeZone };
}

type Side = { key: "inCohort" | "others"; title: string; figures: OutcomeFigures };

function SideFunnel({ side, days }: { side: Side; days: number }) {
  const { t, locale } = useTranslation();
  const { figures } = side;
  const stages = OUTCOME_STEPS.map((step) => ({ id: step, label: t(`workspace.outcomes.step.${step}`), value: figures.funnel[step] }));
  return (
    <section className="card outcome-side" aria-labelledby={`outcome-${side.key}`} data-testid={`outcome-${side.key}`}>
      <h2 id={`outcome-${side.key}`} className="h3">
        {t("workspace.outcomes.sideTitle", { side: side.title, count: formatNumber(figures.accounts, locale) })}
      </h2>
      {figures.accounts === 0 ? <p className="empty">{t("workspace.outcomes.emptySide")}</p> : null}
      <FunnelChart
        title={t("workspace.outcomes.chartTitle", { side: side.title })}
        description={t("workspace.outcomes.chartDesc", { total: figures.accounts, days, ...figures.funnel })}
        stages={stages}
        stageTitle={t("workspace.outcomes.stepTitle")}
        valueTitle={t("workspace.outcomes.accountsTitle")}
        conversionTitle={t("workspace.outcomes.keptTitle")}
        formatValue={(value) => t("workspace.outcomes.value", { count: formatNumber(value, locale), percent: percentOf(value, figures.accounts) })}
      />
    </section>
  );
}

export default function OutcomeReportPage() {
  const { report, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const cohortName = t(`workspace.outcomes.cohort.${report.cohort}`);
  const sides: Side[] = [
    { key: "inCohort", title: cohortName, figures: report.inCohort },
    { key: "others", title: t("workspace.outcomes.others"), figures: report.others },
  ];
  const perAccount = (value: number) => formatNumber(value, locale);
  const change = (value: number | null) => (value === null ? t("workspace.outcomes.notMeasured") : `${value > 0 ? "+" : ""}${formatNumber(value, locale)}%`);
  const share = (count: number, total: number) => t("workspace.outcomes.value", { count: formatNumber(count, locale), percent: percentOf(count, total) });
  const rows: Array<[MessageKey, (f: OutcomeFigures) => string]> = [
    ["workspace.outcomes.row.events", (f) => perAccount(f.activity.eventsPerAccount)],
    ["workspace.outcomes.row.people", (f) => perAccount(f.activity.engagedPeoplePerAccount)],
    ["workspace.outcomes.row.completions", (f) => perAccount(f.output.completionsPerAccount)],
    ["workspace.outcomes.row.answers", (f) => perAccount(f.output.answersPerAccount)],
    ["workspace.outcomes.row.attendances", (f) => perAccount(f.output.attendancesPerAccount)],
    ["workspace.outcomes.row.usageChange", (f) => change(f.outcome.usageChangePercent)],
    ["workspace.outcomes.row.movedForward", (f) => share(f.impact.movedForward, f.accounts)],
    ["workspace.outcomes.row.expansionReady", (f) => share(f.impact.expansionReady, f.accounts)],
    ["workspace.outcomes.row.renewalsDue", (f) => share(f.impact.renewalsDue90, f.accounts)],
    ["workspace.outcomes.row.arr", (f) => formatYen(f.impact.arrPerAccount, locale)],
  ];

  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/workspace">{t("workspace.title")}</Link>
          </p>
          <h1>{t("workspace.outcomes.title")}</h1>
          <p className="lead">{t("workspace.outcomes.lead")}</p>
        </div>
      </div>

      <div className="outcome-pickers">
        <nav className="segmented" aria-label={t("workspace.outcomes.cohort")}>
          {OUTCOME_COHORTS.map((cohort) => (
            <Link
              key={cohort}
              to={outcomesHref({ cohort, periodDays: report.periodDays as (typeof OUTCOME_PERIODS)[number] })}
              className={cohort === report.cohort ? "segmented__item is-active" : "segmented__item"}
              aria-current={cohort === report.cohort ? "page" : undefined}
            >
              {t(`workspace.outcomes.cohort.${cohort}`)}
            </Link>
          ))}
        </nav>
        <nav className="segmented" aria-label={t("workspace.outcomes.period")}>
          {OUTCOME_PERIODS.map((days) => (
            <Link
              key={days}
              to={outcomesHref({ cohort: report.cohort, periodDays: days })}
              className={days === report.periodDays ? "segmented__item is-active" : "segmented__item"}
              aria-current={days === report.periodDays ? "page" : undefined}
            >
              {t("workspace.outcomes.periodDays", { days })}
            </Link>
          ))}
        </nav>
        <p className="muted">{t("workspace.outcomes.range", { from: formatDate(report.from, locale, timeZone), to: formatDate(report.to, locale, timeZone) })}</p>
      </div>

      <div className="workspace-grid outcome-sides">
        {sides.map((side) => (
          <SideFunnel key={side.key} side={side} days={report.periodDays} />
        ))}
      </div>

      <section className="section card" aria-labelledby="outcome-definitions">
        <h2 id="outcome-definitions" className="h3">{t("workspace.outcomes.definitions")}</h2>
        <p className="muted">{t("workspace.outcomes.definitionsLead")}</p>
        <dl className="outcome-definitions">
          {OUTCOME_STEPS.map((step) => (
            <div key={step}>
              <dt>{t(`workspace.outcomes.step.${step}`)}</dt>
              <dd>{t(`workspace.outcomes.define.${step}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="section" aria-labelledby="outcome-details">
        <h2 id="outcome-details" className="h3">{t("workspace.outcomes.details")}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="outcome-details">
            <thead>
              <tr>
                <th scope="col">{t("workspace.outcomes.measure")}</th>
                {sides.map((side) => (
                  <th key={side.key} scope="col" className="num">{side.title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{t(label)}</th>
                  {sides.map((side) => (
                    <td key={side.key} className="num">{value(side.figures)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
