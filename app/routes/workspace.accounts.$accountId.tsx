import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { stageLabel } from "~/accounts/lifecycle";
import { inviteUser } from "~/auth/auth.server";
import { accountChampions } from "~/champions/account.server";
import { AccountChampions } from "~/champions/ui";
import { inviteMemberSchema } from "~/auth/forms.server";
import { FormError, TextAreaField, TextField } from "~/components/form";
import { MarkdownHtml } from "~/components/markdown-html";
import { db } from "~/db.server";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatNumber, formatYen } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { accountActiveUsers, activeGroupChoices, articleChoices, getAccountOverview, membersWithActivity } from "~/workspace/account.server";
import { dailyActivity } from "~/workspace/activity.server";
import { safeTimeZone } from "~/utils/zone-clock";
import { lastLocalDays } from "~/workspace/days";
import { addAccountNote, listAccountNotes, noteSchema } from "~/workspace/notes.server";
import { accountRecommendations, recommendContent, recommendContentSchema, recommendGroup, recommendGroupSchema } from "~/workspace/recommendations.server";
import { loadTimeline, timelineFilterFromUrl } from "~/workspace/timeline.server";
import { ActivityChart, activitySummary, ContentRecStatus, Timeline } from "~/workspace/ui";
import { LifecyclePanel } from "~/lifecycle/ui";
import { HealthTrend } from "~/workspace/health-trend";
import { handleAccountScoringAction, isScoringIntent, loadAccountScoring } from "~/scoring/account-page.server";
import { AlertList, HealthPanel, LevelBadge } from "~/scoring/ui";
import { alertsActionableBy } from "~/workspace/alerts-inbox.server";
import scoringStyles from "~/styles/scoring.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.account.name ?? ""} · Kizuna` }];

const ACTIVITY_DAYS = 90;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const account = await getAccountOverview(params.accountId ?? "");
  if (!account) throw new Response("Account not found", { status: 404 });
  const url = new URL(request.url);
  const timeZone = safeTimeZone(staff.timeZone);
  const now = new Date();
  const members = await membersWithActivity(account.id, now);
  const [activeUsers, activity, timeline, recommendations, notes, groups, champions, scoring] = await Promise.all([
    accountActiveUsers(account.id, now),
    dailyActivity({ accountId: account.id }, lastLocalDays(ACTIVITY_DAYS, timeZone, now)),
    loadTimeline({ accountId: account.id }, timelineFilterFromUrl(url)),
    accountRecommendations(account.id),
    listAccountNotes(staff, account.id),
    activeGroupChoices(),
    accountChampions(account.id),
    loadAccountScoring({ id: account.id, lifecycleStage: account.lifecycleStage, memberIds: members.map((m) => m.id) }),
  ]);
  const actionableAlertIds = await alertsActionableBy(staff, scoring.alerts.unresolved.map((a) => a.id));
  return {
    account: { ...account, renewalDate: account.renewalDate?.toISOString().slice(0, 10) ?? null },
    members,
    headline: { activeUsers, champions: members.filter((m) => m.champion).length },
    activity,
    timeline,
    recommendations,
    notes,
    articles: articleChoices(),
    groups,
    champions,
    scoring,
    actionableAlertIds,
    timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const { t, locale } = await getTranslator(request, staff.locale);
  const account = await db.account.findUnique({ where: { id: params.accountId ?? "" }, select: { id: true } });
  if (!account) throw new Response("Account not found", { status: 404 });
  const formData = await readFormData(request);
  if (isScoringIntent(formData.get("intent"))) return handleAccountScoringAction(formData, { staff, accountId: account.id, t, locale });
  const back = `/workspace/accounts/${account.id}`;
  switch (formData.get("intent")) {
    case "add-note": {
      const form = parseForm(formData, noteSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, values: form.values }, 400);
      await addAccountNote(staff, account.id, form.data.body);
      return redirectWithToast(`${back}#notes`, { type: "success", key: "workspace.notes.added" });
    }
    case "recommend-content":
    case "recommend-group": {
      const content = formData.get("intent") === "recommend-content";
      const values = { ...formValues(formData), memberIds: formData.getAll("memberIds").map(String).join(",") };
      const form = content
        ? parseForm(formData, recommendContentSchema, t, { arrays: ["memberIds"] })
        : parseForm(formData, recommendGroupSchema, t, { arrays: ["memberIds"] });
      if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values }, 400);
      const input = { accountId: account.id, memberIds: form.data.memberIds, note: form.data.note };
      const result =
        form.data.intent === "recommend-content"
          ? await recommendContent(staff, { ...input, articleId: form.data.articleId })
          : await recommendGroup(staff, { ...input, groupId: form.data.groupId });
      if (!result.ok) {
        const message = t(result.key, result.params);
        return formFailure({ errors: result.field ? { [result.field]: message } : {}, formError: message, values }, result.status);
      }
      return redirectWithToast(`${back}#recommendations`, {
        type: "success",
        key: content ? "workspace.recommend.sent" : "workspace.recommendGroup.sent",
        params: { count: result.sent },
      });
    }
    case "invite": {
      const form = parseForm(formData, inviteMemberSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);
      const result = await inviteUser({
        email: form.data.email,
        name: form.data.name,
        role: "member",
        accountId: account.id,
        invitedById: staff.id,
        baseUrl: appBaseUrl(request),
      });
      if (result === "exists") {
        return formFailure({ errors: { email: t("account.invite.exists", { email: form.data.email }) }, values: formValues(formData) }, 409);
      }
      return redirectWithToast(back, { type: "success", key: "account.invite.sent", params: { email: form.data.email } });
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function AccountPage() {
  const { account, members, headline, activity, timeline, recommendations, notes, articles, groups, champions, scoring, actionableAlertIds, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failed = (intent: string) => (actionData?.values.intent === intent ? actionData : undefined);
  const summary = activitySummary(activity);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace">{t("workspace.title")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{account.name}</h1>
          <p className="muted">
            {t("account.domains")}: {account.domains.map((d) => d.domain).join(", ") || t("common.none")}
          </p>
        </div>
        <span className="badge badge--large">{stageLabel(account.lifecycleStage, locale)}</span>
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>{t("workspace.col.plan")}</dt>
          <dd>{t(`plan.${account.plan as "starter" | "growth" | "enterprise"}`)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.stat.active")}</dt>
          <dd>{t("workspace.activeOfSeats", { active: formatNumber(headline.activeUsers, locale), seats: formatNumber(account.seatsLicensed, locale) })}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.members")}</dt>
          <dd>{formatNumber(members.length, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.stat.champions")}</dt>
          <dd>{formatNumber(headline.champions, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.arr")}</dt>
          <dd>{formatYen(account.arr, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.renewal")}</dt>
          <dd>{account.renewalDate ? formatDate(account.renewalDate, locale) : t("common.none")}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.owner")}</dt>
          <dd>{account.owner?.name ?? t("field.noOwner")}</dd>
        </div>
      </dl>

      <HealthPanel health={scoring.health} />
      {scoring.health ? <HealthTrend trend={scoring.health.trend} /> : null}
      <AlertList unresolved={scoring.alerts.unresolved} resolved={scoring.alerts.resolved} actionable={actionableAlertIds} errors={actionData?.errors} busy={busy} />
      <LifecyclePanel data={scoring.lifecycle} errors={actionData?.errors} values={actionData?.values} busy={busy} />

      <section aria-labelledby="activity-title" className="section card" id="activity">
        <h2 id="activity-title">{t("workspace.account.activity.title")}</h2>
        <ActivityChart
          activity={activity}
          withPeople
          title={t("workspace.account.activity.title")}
          description={t("workspace.account.activity.desc", { account: account.name, events: summary.events, peak: summary.peak })}
        />
      </section>

      <section aria-labelledby="members-title" className="section" id="members">
        <div className="section__header">
          <h2 id="members-title">{t("account.members")}</h2>
          {members.length > 0 ? (
            <a href={`/workspace/accounts/${account.id}/members.csv`} className="button button--secondary button--small" download>
              {t("workspace.members.export")}
            </a>
          ) : null}
        </div>
        {members.length === 0 ? (
          <p className="empty">{t("account.noMembers")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="members">
              <thead>
                <tr>
                  <th scope="col">{t("field.name")}</th>
                  <th scope="col">{t("field.title")}</th>
                  <th scope="col">{t("field.persona")}</th>
                  <th scope="col">{t("field.level")}</th>
                  <th scope="col">{t("workspace.members.lastActive")}</th>
                  <th scope="col" className="num">{t("workspace.members.events90")}</th>
                  <th scope="col">{t("field.email")}</th>
                  <th scope="col" className="num">{t("scoring.member.engagement")}</th>
                  <th scope="col">{t("scoring.member.level")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      <Link to={`/workspace/members/${member.id}`}>{member.name}</Link>
                      {member.champion ? <> <span className="badge badge--champion">{t("workspace.members.championBadge")}</span></> : null}
                    </th>
                    <td>{member.title || t("common.none")}</td>
                    <td>{t(`persona.${member.persona as "practitioner" | "manager" | "executive"}`)}</td>
                    <td>{t(`level.${member.level as "beginner" | "intermediate" | "advanced"}`)}</td>
                    <td>{member.lastActiveAt ? formatDate(member.lastActiveAt, locale, timeZone) : t("workspace.members.never")}</td>
                    <td className="num">{formatNumber(member.events90, locale)}</td>
                    <td>{member.email}</td>
                    <td className="num">{formatNumber(scoring.engagement[member.id]?.score ?? 0, locale)}</td>
                    <td>
                      <LevelBadge level={scoring.engagement[member.id]?.level ?? "explorer"} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AccountChampions data={champions} timeZone={timeZone} />

      <section aria-labelledby="timeline-title" className="section" id="timeline">
        <h2 id="timeline-title">{t("workspace.timeline.title")}</h2>
        <Timeline timeline={timeline} showActor timeZone={timeZone} />
      </section>

      <div className="workspace-grid section" id="recommendations">
        <section aria-labelledby="recommend-title" className="card">
          <h2 id="recommend-title">{t("workspace.recommend.title")}</h2>
          <p className="muted">{t("workspace.recommend.lead")}</p>
          {members.length === 0 ? (
            <p className="empty">{t("account.noMembers")}</p>
          ) : (
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="recommend-content" />
              <FormError message={failed("recommend-content")?.formError} />
              <div className={failed("recommend-content")?.errors.articleId ? "field field--invalid" : "field"}>
                <label className="field__label" htmlFor="rec-article">{t("workspace.recommend.article")}</label>
                <select id="rec-article" name="articleId" className="field__input" required defaultValue={failed("recommend-content")?.values.articleId ?? ""}>
                  <option value="" disabled>—</option>
                  {articles.map((article) => (
                    <option key={article.id} value={article.id}>
                      {`[${article.locale}] ${t(`level.${article.tier}`)} · ${article.title}${article.championsOnly ? ` (${t("workspace.recommend.championsOnly")})` : ""}`}
                    </option>
                  ))}
                </select>
              </div>
              <MemberPicker members={members} name="rec" selected={failed("recommend-content")?.values.memberIds} error={failed("recommend-content")?.errors.memberIds} />
              <TextField label={`${t("workspace.recommend.note")} (${t("common.optional")})`} name="note" maxLength={300} defaultValue={failed("recommend-content")?.values.note} error={failed("recommend-content")?.errors.note} />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("workspace.recommend.submit")}
              </button>
            </Form>
          )}
          <h3>{t("workspace.recommend.history")}</h3>
          {recommendations.content.length === 0 ? (
            <p className="muted">{t("workspace.recommend.none")}</p>
          ) : (
            <ul className="rec-list" data-testid="content-recommendations">
              {recommendations.content.map((rec) => (
                <li key={rec.id} className="rec-list__item">
                  <span>{rec.href ? <Link to={rec.href}>{rec.title}</Link> : rec.title}</span>
                  <span className="rec-list__meta">
                    {t("workspace.recommend.byTo", { by: rec.by ?? t("common.none"), to: rec.to.name })}
                    <span>{formatDate(rec.createdAt, locale, timeZone)}</span>
                    <ContentRecStatus openedAt={rec.openedAt} dismissedAt={rec.dismissedAt} timeZone={timeZone} />
                  </span>
                  {rec.note ? <span className="muted">“{rec.note}”</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="recommend-group-title" className="card">
          <h2 id="recommend-group-title">{t("workspace.recommendGroup.title")}</h2>
          <p className="muted">{t("workspace.recommendGroup.lead")}</p>
          {groups.length === 0 ? (
            <p className="empty">{t("workspace.recommendGroup.noGroups")}</p>
          ) : members.length === 0 ? (
            <p className="empty">{t("account.noMembers")}</p>
          ) : (
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="recommend-group" />
              <FormError message={failed("recommend-group")?.formError} />
              <div className={failed("recommend-group")?.errors.groupId ? "field field--invalid" : "field"}>
                <label className="field__label" htmlFor="rec-group">{t("workspace.recommendGroup.group")}</label>
                <select id="rec-group" name="groupId" className="field__input" required defaultValue={failed("recommend-group")?.values.groupId ?? ""}>
                  <option value="" disabled>—</option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>{`${t(`level.${group.level as "beginner" | "intermediate" | "advanced"}`)} · ${group.name}`}</option>
                  ))}
                </select>
              </div>
              <MemberPicker members={members} name="grp" selected={failed("recommend-group")?.values.memberIds} error={failed("recommend-group")?.errors.memberIds} />
              <TextField label={`${t("workspace.recommend.note")} (${t("common.optional")})`} name="note" maxLength={300} defaultValue={failed("recommend-group")?.values.note} error={failed("recommend-group")?.errors.note} />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("workspace.recommendGroup.submit")}
              </button>
            </Form>
          )}
          <h3>{t("workspace.recommend.history")}</h3>
          {recommendations.groups.length === 0 ? (
            <p className="muted">{t("workspace.recommend.none")}</p>
          ) : (
            <ul className="rec-list">
              {recommendations.groups.map((rec) => (
                <li key={rec.id} className="rec-list__item">
                  <Link to={`/groups/${rec.group.id}`}>{rec.group.name}</Link>
                  <span className="rec-list__meta">
                    {t("workspace.recommend.byTo", { by: rec.by ?? t("common.none"), to: rec.to.name })}
                    <span>{formatDate(rec.createdAt, locale, timeZone)}</span>
                    {rec.response === "accepted" && rec.respondedAt ? (
                      <span className="badge badge--ok">{t("workspace.recommendGroup.status.accepted", { date: formatDate(rec.respondedAt, locale, timeZone) })}</span>
                    ) : rec.response === "dismissed" && rec.respondedAt ? (
                      <span className="badge">{t("workspace.recommendGroup.status.dismissed", { date: formatDate(rec.respondedAt, locale, timeZone) })}</span>
                    ) : (
                      <span className="badge badge--pending">{t("workspace.recommendGroup.status.pending")}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="notes-title" className="section card" id="notes">
        <h2 id="notes-title">{t("workspace.notes.title")}</h2>
        <p className="muted">{t("workspace.notes.private")}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add-note" />
          <TextAreaField label={t("workspace.notes.body")} name="body" rows={4} maxLength={5000} hint={t("workspace.notes.hint")} defaultValue={failed("add-note")?.values.body} error={failed("add-note")?.errors.body} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("workspace.notes.submit")}
          </button>
        </Form>
        {notes.length === 0 ? (
          <p className="muted">{t("workspace.notes.none")}</p>
        ) : (
          <ul className="note-list" data-testid="notes">
            {notes.map((note) => (
              <li key={note.id} className="note-list__item">
                <p className="note-list__meta">{t("workspace.notes.by", { name: note.authorName ?? t("common.none"), date: formatDate(note.createdAt, locale, timeZone) })}</p>
                <MarkdownHtml html={note.bodyHtml} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-title" className="section card">
        <h2 id="invite-title">{t("account.invite.title")}</h2>
        <p className="muted">{t("account.invite.lead")}</p>
        <FormError message={failed("invite")?.formError} />
        <Form method="post" className="inline-fields" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <TextField label={t("field.email")} name="email" type="email" required maxLength={254} defaultValue={failed("invite")?.values.email} error={failed("invite")?.errors.email} />
          <TextField label={`${t("field.name")} (${t("common.optional")})`} name="name" maxLength={80} defaultValue={failed("invite")?.values.name} error={failed("invite")?.errors.name} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("account.invite.submit")}
          </button>
        </Form>
        {account.invitations.length > 0 ? (
          <>
            <h3>{t("account.invite.pending")}</h3>
            <ul className="plain-list">
              {account.invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} <span className="muted">({t("account.invite.expires", { date: formatDate(invitation.expiresAt, locale, timeZone) })})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

function MemberPicker({
  members,
  name,
  selected,
  error,
}: {
  members: Array<{ id: string; name: string; persona: string; champion: boolean }>;
  name: string;
  selected?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const chosen = new Set((selected ?? "").split(",").filter(Boolean));
  return (
    <fieldset className="member-picker" aria-describedby={error ? `${name}-members-error` : undefined}>
      <legend>{t("workspace.recommend.members")}</legend>
      {members.map((member) => (
        <label key={member.id}>
          <input type="checkbox" name="memberIds" value={member.id} defaultChecked={chosen.has(member.id)} />
          {member.name}
          <span className="muted">{t(`persona.${member.persona as "practitioner" | "manager" | "executive"}`)}</span>
        </label>
      ))}
      {error ? (
        <p id={`${name}-members-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
