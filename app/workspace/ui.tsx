// Pieces shared by the workspace pages: the activity chart, the engagement timeline with its type
// filter, and the status line of a recommendation.
import { Form, Link } from "@remix-run/react";
import { LineChart } from "~/charts/line-chart";
import { niceMax } from "~/charts/scale";
import { Pagination } from "~/components/pagination";
import { EVENT_TYPES } from "~/engagement/events";
import { isMessageKey, type Translate } from "~/i18n/messages";
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import type { DailyActivity } from "./activity.server";
import type { ChampionPipeline as PipelineData } from "./pipeline.server";
import { championHref } from "~/champions/model";
import type { TimelineEntry } from "./timeline.server";

const monthDay = new Map<Locale, Intl.DateTimeFormat>();
/** "6月15日" / "Jun 15" for a YYYY-MM-DD day. */
export function formatMonthDay(day: string, locale: Locale): string {
  let formatter = monthDay.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { month: "short", day: "numeric", timeZone: "UTC" });
    monthDay.set(locale, formatter);
  }
  return formatter.format(new Date(`${day}T00:00:00Z`));
}

/** The human label of an event type in the reader's language; unknown types show as recorded. */
export function eventLabel(type: string, t: Translate): string {
  const key = `workspace.event.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

export function ActivityChart({
  activity,
  title,
  description,
  withPeople,
}: {
  activity: DailyActivity;
  title: string;
  description: string;
  withPeople: boolean;
}) {
  const { t, locale } = useTranslation();
  const max = Math.max(0, ...activity.events);
  return (
    <LineChart
      title={title}
      description={description}
      xTitle={t("workspace.chart.date")}
      xLabels={activity.days.map((day) => formatMonthDay(day, locale))}
      yDomain={[0, niceMax(Math.max(4, max))]}
      formatValue={(value) => formatNumber(value, locale)}
      series={[
        { id: "events", label: t("workspace.series.events"), values: activity.events, tone: "primary" },
        ...(withPeople ? [{ id: "people", label: t("workspace.series.people"), values: activity.people, tone: "accent" as const }] : []),
      ]}
    />
  );
}

export function activitySummary(activity: DailyActivity) {
  return { events: activity.events.reduce((sum, n) => sum + n, 0), peak: Math.max(0, ...activity.events) };
}

type TimelineData = { entries: TimelineEntry[]; total: number; page: number; pages: number; type: string | null };

export function Timeline({ timeline, showActor, timeZone }: { timeline: TimelineData; showActor: boolean; timeZone: string }) {
  const { t, locale } = useTranslation();
  return (
    <>
      <Form method="get" className="toolbar" preventScrollReset>
        <label className="field__label" htmlFor="timeline-type">
          {t("workspace.timeline.type")}
        </label>
        <select id="timeline-type" name="type" defaultValue={timeline.type ?? ""} className="field__input">
          <option value="">{t("workspace.timeline.allTypes")}</option>
          {Object.keys(EVENT_TYPES).map((type) => (
            <option key={type} value={type}>
              {eventLabel(type, t)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary button--small">
          {t("workspace.timeline.filter")}
        </button>
        <span className="muted">{t("common.results", { count: formatNumber(timeline.total, locale) })}</span>
      </Form>
      {timeline.entries.length === 0 ? (
        <p className="empty">{t("workspace.timeline.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table timeline" data-testid="timeline">
            <thead>
              <tr>
                <th scope="col">{t("workspace.timeline.when")}</th>
                {showActor ? <th scope="col">{t("workspace.timeline.who")}</th> : null}
                <th scope="col">{t("workspace.timeline.what")}</th>
                <th scope="col">{t("workspace.timeline.about")}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.entries.map((entry) => (
                <tr key={entry.id} data-event-type={entry.type}>
                  <td>
                    <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale, timeZone)}</time>
                  </td>
                  {showActor ? (
                    <td>
                      {entry.actor ? (
                        entry.actor.role === "member" ? (
                          <Link to={`/workspace/members/${entry.actor.id}`}>{entry.actor.name}</Link>
                        ) : (
                          <>
                            {entry.actor.name} <span className="badge">CS</span>
                          </>
                        )
                      ) : (
                        t("common.none")
                      )}
                    </td>
                  ) : null}
                  <td>
                    {eventLabel(entry.type, t)}
                    {entry.recipient ? (
                      <>
                        {" "}
                        <Link to={`/workspace/members/${entry.recipient.id}`}>{t("workspace.timeline.to", { name: entry.recipient.name })}</Link>
                      </>
                    ) : null}
                  </td>
                  <td className="timeline__subject">
                    {entry.subject ? entry.subject.href ? <Link to={entry.subject.href}>{entry.subject.label}</Link> : entry.subject.label : t("common.none")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={timeline.page} pages={timeline.pages} param="tpage" hash="#timeline" label={t("workspace.timeline.title")} />
    </>
  );
}

export function ContentRecStatus({ openedAt, dismissedAt, timeZone }: { openedAt: string | null; dismissedAt: string | null; timeZone: string }) {
  const { t, locale } = useTranslation();
  if (openedAt) return <span className="badge badge--ok">{t("workspace.recommend.status.opened", { date: formatDate(openedAt, locale, timeZone) })}</span>;
  if (dismissedAt) return <span className="badge">{t("workspace.recommend.status.dismissed", { date: formatDate(dismissedAt, locale, timeZone) })}</span>;
  return <span className="badge badge--pending">{t("workspace.recommend.status.sent")}</span>;
}

const PIPELINE_LABEL = {
  submitted: "workspace.pipeline.submitted",
  in_review: "workspace.pipeline.inReview",
  approved: "workspace.pipeline.approved",
  declined: "workspace.pipeline.declined",
} as const;

/** Nominations by state and champions needing attention, each a link into the champion program. */
export function ChampionPipeline({ pipeline, admin }: { pipeline: PipelineData; admin: boolean }) {
  const { t, locale } = useTranslation();
  const year = pipeline.cohortYear;
  return (
    <section className="card pipeline" aria-labelledby="pipeline-title" data-testid="champion-pipeline">
      <div className="section__header">
        <h2 id="pipeline-title" className="h3">{t("workspace.pipeline.title")}</h2>
        <nav className="inline-links" aria-label={t("workspace.pipeline.title")}>
          <Link to="/champions/candidates">{t("workspace.pipeline.candidates")}</Link>
          {admin ? <Link to="/champions/review">{t("workspace.pipeline.reviewQueue")}</Link> : null}
        </nav>
      </div>
      <p className="muted">{t("workspace.pipeline.lead", { year })}</p>
      <ul className="pipeline__counts">
        {pipeline.counts.map((entry) => (
          <li key={entry.state}>
            <Link to={entry.href} className="pipeline__count" data-state={entry.state}>
              <span className="pipeline__number">{formatNumber(entry.count, locale)}</span>
              <span className="pipeline__label">{t(PIPELINE_LABEL[entry.state], { year })}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h3 className="h4">{t("workspace.pipeline.attention")}</h3>
      {pipeline.watches.length === 0 ? (
        <p className="muted">{t("workspace.pipeline.attentionNone")}</p>
      ) : (
        <ul className="pipeline__watch" data-testid="champion-watches">
          {pipeline.watches.map((watch) => {
            const name = watch.championName ?? "—";
            const params = { name, account: watch.accountName, date: formatDate(watch.since, locale) };
            return (
              <li key={watch.id}>
                <Link to={`/workspace/accounts/${watch.accountId}`}>
                  {t(watch.condition === "champion_left" ? "workspace.pipeline.left" : "workspace.pipeline.inactive", params)}
                </Link>
                {watch.championId ? (
                  <>
                    {" · "}
                    <Link to={championHref(watch.championId)}>{name}</Link>
                  </>
                ) : null}
              </li>
            );
          })}
          {pipeline.watchTotal > pipeline.watches.length ? (
            <li className="muted">{t("workspace.pipeline.more", { count: formatNumber(pipeline.watchTotal - pipeline.watches.length, locale) })}</li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

