import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComponentBars } from "~/charts/component-bars";
import { useTranslation } from "~/i18n/use-translation";
import { getMemberEngagement } from "~/scoring/read.server";
import { LevelBadge } from "~/scoring/ui";
import scoringStyles from "~/styles/scoring.css";
import { formatDate, formatNumber } from "~/utils/format";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { dailyActivity } from "~/workspace/activity.server";
import { safeTimeZone } from "~/utils/zone-clock";
import { lastLocalDays } from "~/workspace/days";
import { championTerms, getMemberProfile, lastActiveAt, memberGroups, memberLearning, memberQa } from "~/workspace/member.server";
import { recommendationsFor } from "~/workspace/recommendations.server";
import { loadTimeline, timelineFilterFromUrl } from "~/workspace/timeline.server";
import { ActivityChart, activitySummary, ContentRecStatus, Timeline } from "~/workspace/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.member.name ?? ""} · Kizuna` }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const member = await getMemberProfile(params.userId ?? "");
  if (!member) throw new Response("Member not found", { status: 404 });
  const timeZone = safeTimeZone(staff.timeZone);
  const now = new Date();
  const [activity, timeline, learning, groups, qa, champion, recommendations, lastActive, engagement] = await Promise.all([
    dailyActivity({ actorId: member.id }, lastLocalDays(90, timeZone, now)),
    loadTimeline({ actorId: member.id }, timelineFilterFromUrl(new URL(request.url))),
    memberLearning(member.id, member.locale),
    memberGroups(member.id),
    memberQa(member.id),
    championTerms(member.id, now),
    recommendationsFor(member.id),
    lastActiveAt(member.id),
    getMemberEngagement([member.id]),
  ]);
  return {
    member: { ...member, createdAt: member.createdAt.toISOString() },
    activity,
    timeline,
    learning,
    groups,
    qa,
    champion,
    recommendations,
    lastActiveAt: lastActive,
    // People without a row yet are explorers at 0 (getMemberEngagement's rule).
    engagement: engagement.get(member.id) ?? { score: 0, level: "explorer" as const, lastEventAt: null },
    timeZone,
  };
}

export default function MemberPage() {
  const { member, activity, timeline, learning, groups, qa, champion, recommendations, lastActiveAt, engagement, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const summary = activitySummary(activity);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace">{t("workspace.title")}</Link>
        {member.account ? (
          <>
            {" / "}
            <Link to={`/workspace/accounts/${member.account.id}`}>{member.account.name}</Link>
          </>
        ) : null}
      </p>
      <div className="page-header">
        <div>
          <h1>
            {member.name}{" "}
            {champion.current ? <span className="badge badge--champion">{t("workspace.members.championBadge")}</span> : null}
          </h1>
          <p className="muted">{member.title || t("common.none")}</p>
        </div>
      </div>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title" className="visually-hidden">{t("workspace.member.profile")}</h2>
        <dl className="stats">
          <div className="stat">
            <dt>{t("workspace.member.account")}</dt>
            <dd>{member.account ? <Link to={`/workspace/accounts/${member.account.id}`}>{member.account.name}</Link> : t("common.none")}</dd>
          </div>
          <div className="stat">
            <dt>{t("field.persona")}</dt>
            <dd>{t(`persona.${member.persona as "practitioner" | "manager" | "executive"}`)}</dd>
          </div>
          <div className="stat">
            <dt>{t("field.level")}</dt>
            <dd>{t(`level.${member.level as "beginner" | "intermediate" | "advanced"}`)}</dd>
          </div>
          <div className="stat" data-testid="member-engagement">
            <dt>{t("workspace.member.engagement")}</dt>
            <dd>
              <LevelBadge level={engagement.level} /> {t("workspace.member.engagementScore", { score: formatNumber(engagement.score, locale) })}
            </dd>
          </div>
          <div className="stat">
            <dt>{t("workspace.members.lastActive")}</dt>
            <dd>{lastActiveAt ? formatDate(lastActiveAt, locale, timeZone) : t("workspace.members.never")}</dd>
          </div>
          <div className="stat">
            <dt>{t("workspace.members.events90")}</dt>
            <dd>{formatNumber(summary.events, locale)}</dd>
          </div>
          <div className="stat">
            <dt>{t("workspace.member.joined")}</dt>
            <dd>{formatDate(member.createdAt, locale, timeZone)}</dd>
          </div>
          <div className="stat">
            <dt>{t("field.email")}</dt>
            <dd className="stat__text">{member.email}</dd>
          </div>
          <div className="stat">
            <dt>{t("field.locale")}</dt>
            <dd>{t(`locale.${member.locale as "ja" | "en"}`)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="activity-title" className="section card">
        <h2 id="activity-title">{t("workspace.member.activity.title")}</h2>
        <ActivityChart
          activity={activity}
          withPeople={false}
          title={t("workspace.member.activity.title")}
          description={t("workspace.member.activity.desc", { name: member.name, events: summary.events, peak: summary.peak })}
        />
      </section>

      <div className="workspace-grid section">
        <section aria-labelledby="learning-title" className="card">
          <h2 id="learning-title">{t("workspace.member.learning")}</h2>
          <h3>{t("workspace.member.tierProgress")}</h3>
          <ComponentBars
            label={t("workspace.member.tierProgress")}
            items={learning.tiers.map((tier) => ({ id: tier.tier, label: t(`level.${tier.tier}`), value: tier.done, max: Math.max(1, tier.total), tone: "success" as const }))}
            formatValue={(value, max) => t("workspace.member.completedOf", { done: value, total: max })}
          />
          <h3>{t("workspace.member.paths")}</h3>
          <ComponentBars
            label={t("workspace.member.paths")}
            items={learning.paths.map((path) => ({ id: path.id, label: path.title, value: path.progress.done, max: Math.max(1, path.progress.total) }))}
            formatValue={(value, max) => t("workspace.member.completedOf", { done: value, total: max })}
          />
          <h3>{t("workspace.member.recentCompletions")}</h3>
          {learning.recent.length === 0 ? (
            <p className="muted">{t("workspace.member.noCompletions")}</p>
          ) : (
            <ul className="rec-list">
              {learning.recent.map((item) => (
                <li key={item.id} className="rec-list__item">
                  <Link to={item.href}>{item.title}</Link>
                  <span className="rec-list__meta">
                    <span className="badge">{t(`level.${item.tier}`)}</span>
                    {formatDate(item.completedAt, locale, timeZone)}
                    {item.via === "video" ? ` · ${t("workspace.member.viaVideo")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className="stack">
          <section aria-labelledby="champion-title" className="card">
            <h2 id="champion-title">{t("workspace.member.champion")}</h2>
            <p>{champion.current ? t("workspace.member.championNow", { cohort: champion.current.cohort }) : t("workspace.member.notChampion")}</p>
            {champion.terms.length ? (
              <ul className="term-list">
                {champion.terms.map((term) => (
                  <li key={term.id}>
                    {t("workspace.member.termRange", { cohort: term.cohort, from: formatDate(term.startsAt, locale, timeZone), to: formatDate(term.endsAt, locale, timeZone) })}
                    {term.revokedAt ? <span className="muted"> · {t("workspace.member.termRevoked", { date: formatDate(term.revokedAt, locale, timeZone) })}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby="groups-title" className="card">
            <h2 id="groups-title">{t("workspace.member.groups")}</h2>
            {groups.length === 0 ? (
              <p className="muted">{t("workspace.member.noGroups")}</p>
            ) : (
              <ul className="rec-list">
                {groups.map((membership) => (
                  <li key={membership.id} className="rec-list__item">
                    <Link to={`/groups/${membership.group.id}`}>{membership.group.name}</Link>
                    <span className="rec-list__meta">
                      <span className="badge">{t(`workspace.member.groupStatus.${membership.status as "active" | "waitlisted" | "requested" | "left" | "rejected"}`)}</span>
                      {membership.role === "leader" ? <span className="badge badge--champion">{t("workspace.member.groupLeader")}</span> : null}
                      {membership.joinedAt ? formatDate(membership.joinedAt, locale, timeZone) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="qa-title" className="card">
            <h2 id="qa-title">{t("workspace.member.qa")}</h2>
            <dl className="facts">
              <div>
                <dt>{t("workspace.member.reputation")}</dt>
                <dd>{formatNumber(member.reputation, locale)}</dd>
              </div>
              <div>
                <dt>{t("workspace.member.questions")}</dt>
                <dd>{formatNumber(qa.questionCount, locale)}</dd>
              </div>
              <div>
                <dt>{t("workspace.member.answers")}</dt>
                <dd>{formatNumber(qa.answerCount, locale)}</dd>
              </div>
              <div>
                <dt>{t("workspace.member.acceptedAnswers")}</dt>
                <dd>{formatNumber(qa.acceptedCount, locale)}</dd>
              </div>
            </dl>
            <h3>{t("workspace.member.recentQuestions")}</h3>
            {qa.questions.length === 0 ? (
              <p className="muted">{t("workspace.member.noQuestions")}</p>
            ) : (
              <ul className="rec-list">
                {qa.questions.map((q) => (
                  <li key={q.id} className="rec-list__item">
                    <Link to={`/questions/${q.id}`}>{q.title}</Link>
                    <span className="rec-list__meta">
                      {formatDate(q.createdAt, locale, timeZone)} · {t("workspace.member.answerCount", { count: q.answerCount })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t("workspace.member.recentAnswers")}</h3>
            {qa.answers.length === 0 ? (
              <p className="muted">{t("workspace.member.noAnswers")}</p>
            ) : (
              <ul className="rec-list">
                {qa.answers.map((a) => (
                  <li key={a.id} className="rec-list__item">
                    <Link to={`/questions/${a.question.id}`}>{a.question.title}</Link>
                    <span className="rec-list__meta">
                      {formatDate(a.createdAt, locale, timeZone)}
                      {a.accepted ? <span className="badge badge--ok">{t("workspace.member.accepted")}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="recs-title" className="card">
            <h2 id="recs-title">{t("workspace.member.recommendations")}</h2>
            {recommendations.length === 0 ? (
              <p className="muted">{t("workspace.member.noRecommendations")}</p>
            ) : (
              <ul className="rec-list">
                {recommendations.map((rec) => (
                  <li key={rec.id} className="rec-list__item">
                    {rec.href ? <Link to={rec.href}>{rec.title}</Link> : rec.title}
                    <span className="rec-list__meta">
                      {rec.by ?? t("common.none")} · {formatDate(rec.createdAt, locale, timeZone)}
                      <ContentRecStatus openedAt={rec.openedAt} dismissedAt={rec.dismissedAt} timeZone={timeZone} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="timeline-title" className="section" id="timeline">
        <h2 id="timeline-title">{t("workspace.timeline.title")}</h2>
        <Timeline timeline={timeline} showActor={false} timeZone={timeZone} />
      </section>
    </>
  );
}
