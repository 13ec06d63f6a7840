// Pieces shared by the champion pages and by the places that show champions (Q&A posts, group
// discussions, the staff account page): the badge, state badges, the staff links and the record
// snapshot attached to a nomination.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";
import type { EvidenceSnapshot } from "./evidence.server";
import { LEFT_REASONS, type LeftReason, type NominationState } from "./model";

/** The badge beside a champion's name; with `times` above one it says how many terms they served. */
export function ChampionBadge({ times = 1 }: { times?: number }) {
  const { t } = useTranslation();
  const label = times > 1 ? t("champions.badge.times", { count: times }) : t("champions.badge");
  return (
    <span className="badge badge--champion" title={t("champions.badge.title")}>
      <span aria-hidden="true">✦ </span>
      {label}
    </span>
  );
}

export function NominationStateBadge({ state }: { state: NominationState }) {
  const { t } = useTranslation();
  return <span className={`badge badge--nomination-${state}`}>{t(`champions.state.${state}`)}</span>;
}

/** Links between the staff champion pages (also shown in the CS workspace). */
export function StaffChampionLinks({ current, admin }: { current?: "nominations" | "candidates" | "review"; admin: boolean }) {
  const { t } = useTranslation();
  const link = (to: string, key: "nominations" | "candidates" | "review", label: string) => (
    <Link to={to} className="button button--secondary button--small" aria-current={current === key ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className="toolbar champion-staff-links" aria-label={t("champions.staff.nav")}>
      {link("/champions/candidates", "candidates", t("champions.candidates.title"))}
      {link("/champions/nominations", "nominations", t("champions.nominations.title"))}
      {admin ? link("/champions/review", "review", t("champions.review.title")) : null}
    </nav>
  );
}

/** The nominee's record as it stood when they were nominated. */
export function SnapshotFacts({ snapshot }: { snapshot: EvidenceSnapshot }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [
      t("champions.snapshot.content"),
      t("champions.snapshot.contentValue", {
        total: snapshot.content.total,
        beginner: snapshot.content.beginner,
        intermediate: snapshot.content.intermediate,
        advanced: snapshot.content.advanced,
      }),
    ],
    [t("champions.snapshot.qa"), t("champions.snapshot.qaValue", { answers: snapshot.qa.answers, accepted: snapshot.qa.acceptedAnswers, questions: snapshot.qa.questions })],
    [t("champions.snapshot.groups"), t("champions.snapshot.groupsValue", { joined: snapshot.groups.joined, led: snapshot.groups.led })],
    [t("champions.snapshot.meetings"), t("champions.snapshot.meetingsValue", { count: snapshot.meetings.attended })],
    [t("champions.snapshot.reputation"), String(snapshot.reputation)],
    [t("champions.snapshot.engagement"), t("champions.snapshot.engagementValue", { events: snapshot.engagement.recentEvents, days: snapshot.engagement.days })],
    [t("champions.snapshot.terms"), snapshot.championCohorts.length ? snapshot.championCohorts.join(", ") : t("champions.snapshot.noTerms")],
  ];
  return (
    <dl className="champion-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {snapshot.groups.names.length ? (
        <div>
          <dt>{t("champions.snapshot.groupNames")}</dt>
          <dd>{snapshot.groups.names.join("、")}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function leftReasonKey(detail: string) {
  const reason = (LEFT_REASONS as readonly string[]).includes(detail) ? (detail as LeftReason) : "expired";
  return `champions.watch.reason.${reason}` as const;
}

type AccountChampionsData = {
  current: Array<{ userId: string; name: string; title: string; cohort: number; endsAt: Date; times: number }>;
  upcoming: Array<{ userId: string; name: string; startsAt: Date | null }>;
  former: Array<{ userId: string; name: string; cohort: number; endsAt: Date; status: string; inAccount: boolean; times: number }>;
  watch: { condition: "champion_inactive" | "champion_left"; championName: string | null; since: Date; detail: string } | null;
};

/** The staff account page's champion section: current champions, former ones, and the watch flag. */
export function AccountChampions({ data, timeZone }: { data: AccountChampionsData; timeZone: string }) {
  const { t, locale } = useTranslation();
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const watch = data.watch;
  return (
    <section aria-labelledby="account-champions-title" className="section">
      <h2 id="account-champions-title">{t("champions.account.title")}</h2>
      {watch ? (
        <p className="alert alert--error" role="status">
          {watch.condition === "champion_inactive"
            ? t("champions.watch.inactive", { name: watch.championName ?? t("champions.formerMember"), date: date(watch.since) })
            : t("champions.watch.left", { name: watch.championName ?? t("champions.formerMember"), date: date(watch.since), reason: t(leftReasonKey(watch.detail)) })}
        </p>
      ) : null}
      {data.current.length === 0 ? (
        <p className="empty">{t("champions.account.none")}</p>
      ) : (
        <ul className="plain-list stack">
          {data.current.map((c) => (
            <li key={c.userId}>
              <Link to={`/champions/${c.userId}`}>{c.name}</Link> <ChampionBadge times={c.times} />{" "}
              <span className="muted">{t("champions.account.until", { year: c.cohort, date: date(c.endsAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      {data.upcoming.length ? (
        <ul className="plain-list">
          {data.upcoming.map((c) => (
            <li key={c.userId}>
              <Link to={`/champions/${c.userId}`}>{c.name}</Link> <span className="muted">{t("champions.account.starts", { date: c.startsAt ? date(c.startsAt) : "" })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {data.former.length ? (
        <>
          <h3>{t("champions.account.former")}</h3>
          <ul className="plain-list">
            {data.former.map((c) => (
              <li key={c.userId}>
                {c.name}{" "}
                <span className="muted">
                  {t("champions.account.formerLine", { year: c.cohort, date: date(c.endsAt) })}
                  {!c.inAccount ? ` · ${t("champions.account.moved")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
