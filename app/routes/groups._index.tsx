import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { getOptionalUser, requireUser } from "~/auth/session.server";
import { getCatalog } from "~/content/catalog.server";
import { TierBadge } from "~/content/ui";
import { directoryFiltersFromUrl, listDirectory, myGroups, pendingProposals, pendingRecommendations, suggestGroups, type GroupCard } from "~/groups/directory.server";
import { answerRecommendation } from "~/groups/overview.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { LEVELS, isStaff } from "~/users/roles";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Study groups · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const topics = getCatalog().topics;
  const filters = directoryFiltersFromUrl(new URL(request.url), Object.keys(topics));
  const staff = user !== null && isStaff(user.role);
  const [groups, mine, suggestions, recommendations, proposals] = await Promise.all([
    listDirectory(filters, locale),
    user ? myGroups(user.id) : null,
    user && !staff ? suggestGroups(user, locale) : [],
    user && !staff ? pendingRecommendations(user.id) : [],
    staff ? pendingProposals() : [],
  ]);
  return {
    filters,
    topics: Object.entries(topics).map(([id, labels]) => ({ id, label: labels[locale] })),
    groups,
    mine,
    suggestions,
    recommendations,
    proposals,
    signedIn: user !== null,
    staff,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const id = String(form.get("recommendationId") ?? "");
  if ((intent !== "accept" && intent !== "dismiss") || !id || id.length > 40) throw new Response("Bad request", { status: 400 });
  const result = await answerRecommendation(user, id, intent === "accept");
  if (!result.ok) throw new Response("Not found", { status: 404 });
  if (result.outcome === "dismissed") return redirectWithToast("/groups", { type: "info", key: "groups.recommendation.dismissed" });
  if (result.outcome === "closed") return redirectWithToast("/groups", { type: "error", key: "groups.error.closed" });
  return redirectWithToast(`/groups/${result.groupId}`, { type: "success", key: `groups.join.${result.outcome}` });
}

export default function GroupsDirectory() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const { filters } = data;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t("nav.groups")}</h1>
          <p className="lead">{t("groups.lead")}</p>
        </div>
        {data.signedIn ? (
          <Link to="/groups/new" className="button button--primary">
            {data.staff ? t("groups.create") : t("groups.propose")}
          </Link>
        ) : null}
      </header>

      {data.recommendations.length ? (
        <section className="section" aria-labelledby="recs-title">
          <h2 id="recs-title">{t("groups.recommendedByStaff")}</h2>
          <ul className="card-grid card-grid--wide">
            {data.recommendations.map((rec) => (
              <li key={rec.id} className="card stack">
                <p className="muted">{t("groups.recommendedBy", { name: rec.recommendedBy?.name ?? "CS" })}</p>
                <h3 className="article-card__title">
                  <Link to={`/groups/${rec.group.id}`}>{rec.group.name}</Link>
                </h3>
                <p className="article-card__summary">{rec.group.challenge}</p>
                {rec.note ? <blockquote className="muted">{rec.note}</blockquote> : null}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="recommendationId" value={rec.id} />
                  <button type="submit" name="intent" value="accept" className="button button--primary button--small" disabled={busy}>
                    {t("groups.recommendation.accept")}
                  </button>
                  <button type="submit" name="intent" value="dismiss" className="button button--ghost button--small" disabled={busy}>
                    {t("groups.recommendation.dismiss")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.mine && (data.mine.memberships.length || data.mine.proposals.length) ? (
        <section className="section" aria-labelledby="mine-title">
          <h2 id="mine-title">{t("groups.mine")}</h2>
          <ul className="my-groups">
            {data.mine.memberships.map((m) => (
              <li key={m.group.id} className="my-groups__item card">
                <Link to={`/groups/${m.group.id}`}>{m.group.name}</Link>
                <span className="badge badge--muted">{t(`groups.status.${m.status}` as "groups.status.active")}</span>
                {m.role === "leader" ? <span className="badge badge--leader">{t("groups.leader")}</span> : null}
              </li>
            ))}
            {data.mine.proposals.map((p) => (
              <li key={p.id} className="my-groups__item card">
                <Link to={`/groups/${p.id}`}>{p.name}</Link>
                <span className={`badge badge--state-${p.state}`}>{t(`groups.state.${p.state}` as "groups.state.proposed")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.staff && data.proposals.length ? (
        <section className="section" aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t("groups.proposals", { count: data.proposals.length })}</h2>
          <ul className="my-groups">
            {data.proposals.map((p) => (
              <li key={p.id} className="my-groups__item card">
                <Link to={`/groups/${p.id}`}>{p.name}</Link>
                <span className="muted">
                  {p.proposedBy?.name}
                  {p.proposedBy?.account ? ` · ${p.proposedBy.account.name}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.suggestions.length ? (
        <section className="section" aria-labelledby="suggest-title">
          <h2 id="suggest-title">{t("groups.suggested")}</h2>
          <p className="muted">{t("groups.suggestedLead")}</p>
          <GroupGrid groups={data.suggestions} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="directory-title">
        <h2 id="directory-title">{t("groups.directory")}</h2>
        <Form key={JSON.stringify(filters)} method="get" className="filters card" aria-label={t("groups.filters")}>
          <div className="field">
            <label htmlFor="filter-level" className="field__label">
              {t("learn.filter.tier")}
            </label>
            <select id="filter-level" name="level" defaultValue={filters.level ?? ""} className="field__input">
              <option value="">{t("learn.filter.any")}</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`tier.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-topic" className="field__label">
              {t("learn.filter.topic")}
            </label>
            <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""} className="field__input">
              <option value="">{t("learn.filter.any")}</option>
              {data.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.label}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="seats" value="1" defaultChecked={filters.hasSeats} /> {t("groups.filter.hasSeats")}
          </label>
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t("groups.filter.apply")}
            </button>
          </div>
        </Form>
        {data.groups.length ? <GroupGrid groups={data.groups} /> : <p className="empty">{t("groups.none")}</p>}
      </section>
    </>
  );
}

function GroupGrid({ groups }: { groups: GroupCard[] }) {
  const { t } = useTranslation();
  return (
    <ul className="card-grid">
      {groups.map((group) => (
        <li key={group.id} className="article-card card">
          <p className="article-facts">
            <TierBadge tier={group.level} />
            {group.visibility === "request" ? <span className="badge badge--muted">{t("groups.visibility.request")}</span> : null}
            <span className={group.hasSeats ? "seats" : "seats seats--full"}>
              {group.hasSeats ? t("groups.seatsLeft", { count: group.capacityPeople - group.people }) : t("groups.full")}
            </span>
          </p>
          <h3 className="article-card__title">
            <Link to={`/groups/${group.id}`}>{group.name}</Link>
          </h3>
          <p className="article-card__summary">{group.challenge}</p>
          <p className="article-card__footer">
            {group.topics.map((topic) => (
              <span key={topic} className="tag">
                {topic}
              </span>
            ))}
            <span className="muted">{t("groups.companies", { count: group.companies, capacity: group.capacityCompanies })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
