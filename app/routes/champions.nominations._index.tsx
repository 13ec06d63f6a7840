// Nominations: every one for staff (filter by state and cohort); a member's own when peer
// nominations are on. Members otherwise get a 403.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { NOMINATION_STATES, nominationHref } from "~/champions/model";
import { listNominations, nominationFiltersFromUrl } from "~/champions/nominations.server";
import { getProgram, mayNominate } from "~/champions/program.server";
import { NominationStateBadge, StaffChampionLinks } from "~/champions/ui";
import { Pagination } from "~/components/pagination";
import { useTranslation } from "~/i18n/use-translation";
import { isStaff } from "~/users/roles";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Champion nominations · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const program = await getProgram();
  if (!mayNominate(user.role, program)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  const filters = nominationFiltersFromUrl(new URL(request.url));
  const list = await listNominations(user, filters);
  return { ...list, filters, program, staff: isStaff(user.role), admin: user.role === "admin", timeZone: user.timeZone };
}

export default function NominationsPage() {
  const { nominations, total, pages, filters, cohorts, program, staff, admin, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions">{t("nav.champions")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t("champions.nominations.title")}</h1>
          <p className="lead">{staff ? t("champions.nominations.lead") : t("champions.nominations.leadPeer")}</p>
        </div>
        {program.nominationsOpen ? (
          <Link to="/champions/nominations/new" className="button button--primary">
            {t("champions.nominate.cta")}
          </Link>
        ) : null}
      </header>
      {staff ? <StaffChampionLinks current="nominations" admin={admin} /> : null}
      <p className={program.nominationsOpen ? "alert alert--info" : "alert alert--error"}>
        {program.nominationsOpen ? t("champions.window.open", { year: program.cohortYear }) : t("champions.window.closed", { year: program.cohortYear })}
      </p>

      <Form method="get" className="toolbar champion-filters" aria-label={t("champions.nominations.filters")}>
        <label className="field__label" htmlFor="filter-state">
          {t("champions.nominations.col.state")}
        </label>
        <select id="filter-state" name="state" defaultValue={filters.state ?? ""} className="field__input">
          <option value="">{t("champions.filter.any")}</option>
          {NOMINATION_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`champions.state.${state}`)}
            </option>
          ))}
        </select>
        <label className="field__label" htmlFor="filter-cohort">
          {t("champions.nominations.col.cohort")}
        </label>
        <select id="filter-cohort" name="cohort" defaultValue={filters.cohort ?? ""} className="field__input">
          <option value="">{t("champions.filter.any")}</option>
          {cohorts.map((cohort) => (
            <option key={cohort} value={cohort}>
              {cohort}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary button--small">
          {t("champions.filter.apply")}
        </button>
        <span className="muted">{t("common.results", { count: total })}</span>
      </Form>

      {nominations.length === 0 ? (
        <p className="empty">{t("champions.nominations.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("champions.nominations.col.nominee")}</th>
                {staff ? <th scope="col">{t("champions.nominations.col.company")}</th> : null}
                <th scope="col">{t("champions.nominations.col.cohort")}</th>
                <th scope="col">{t("champions.nominations.col.state")}</th>
                <th scope="col">{t("champions.nominations.col.nominator")}</th>
                {staff ? <th scope="col" className="num">{t("champions.nominations.col.endorsements")}</th> : null}
                {staff ? <th scope="col" className="num">{t("champions.nominations.col.score")}</th> : null}
                <th scope="col">{t("champions.nominations.col.date")}</th>
              </tr>
            </thead>
            <tbody>
              {nominations.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to={nominationHref(n.id)}>{n.nominee.name}</Link>
                  </th>
                  {staff ? <td>{n.account?.name ?? t("common.none")}</td> : null}
                  <td>{n.cohort}</td>
                  <td>
                    <NominationStateBadge state={n.state} />
                  </td>
                  <td>{n.nominator?.name ?? t("champions.formerStaff")}</td>
                  {staff ? <td className="num">{n.endorsements}</td> : null}
                  {staff ? <td className="num">{n.averageTotal === null ? t("common.none") : t("champions.score.ofMax", { score: n.averageTotal, max: n.maxTotal })}</td> : null}
                  <td>{formatDate(n.createdAt, locale, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pages={pages} />
    </>
  );
}
