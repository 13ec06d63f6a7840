// Layout of one study group: its header, who you are in it, and tabs for overview, meetings and
// discussion. Child routes authorise themselves again with app/groups/access.server.ts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { getCatalog } from "~/content/catalog.server";
import { TierBadge } from "~/content/ui";
import { requireGroup } from "~/groups/access.server";
import { seatsTaken } from "~/groups/membership.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.group.name} · Kizuna` : "Kizuna" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, membership, permissions, user } = await requireGroup(request, params.groupId);
  const locale = await resolveLocale(request, user?.locale);
  const topics = getCatalog().topics;
  return {
    group: {
      id: group.id,
      name: group.name,
      challenge: group.challenge,
      level: group.level as "beginner" | "intermediate" | "advanced",
      state: group.state,
      visibility: group.visibility,
      capacityPeople: group.capacityPeople,
      capacityCompanies: group.capacityCompanies,
      declineReason: permissions.staff || group.proposedById === user?.id ? group.declineReason : null,
      liaison: group.liaison?.name ?? null,
      topics: group.topics.map(({ topic }) => topics[topic]?.[locale] ?? topic),
    },
    seats: await seatsTaken(group.id),
    membership,
    permissions,
    viewer: user ? { id: user.id, timeZone: user.timeZone, locale } : null,
  };
}

export type GroupLayoutData = Awaited<ReturnType<typeof loader>>;

export default function GroupLayout() {
  const { group, seats, permissions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/groups/${group.id}`;
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <NavLink to="/groups">{t("nav.groups")}</NavLink>
      </nav>
      <header className="group-header card">
        <p className="article-facts">
          <TierBadge tier={group.level} />
          <span className={`badge badge--state-${group.state}`}>{t(`groups.state.${group.state}` as "groups.state.active")}</span>
          {group.visibility === "request" ? <span className="badge badge--muted">{t("groups.visibility.request")}</span> : null}
          <span>{t("groups.seats", { people: seats.people, capacity: group.capacityPeople, companies: seats.companies, companyCapacity: group.capacityCompanies })}</span>
        </p>
        <h1>{group.name}</h1>
        <p className="lead">{group.challenge}</p>
        <p className="article-card__footer">
          {group.topics.map((topic) => (
            <span key={topic} className="tag">
              {topic}
            </span>
          ))}
          {group.liaison ? <span className="muted">{t("groups.liaison", { name: group.liaison })}</span> : null}
        </p>
        <nav className="tabs" aria-label={t("groups.sections")}>
          <NavLink to={base} end className="tabs__link">
            {t("groups.tab.overview")}
          </NavLink>
          <NavLink to={`${base}/meetings`} className="tabs__link">
            {t("groups.tab.meetings")}
          </NavLink>
          {permissions.canSeeInside ? (
            <NavLink to={`${base}/discussion`} className="tabs__link">
              {t("groups.tab.discussion")}
            </NavLink>
          ) : null}
        </nav>
      </header>
      <Outlet />
    </>
  );
}
