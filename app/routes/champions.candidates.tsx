// Candidates for staff: members who are not champions yet, ranked by their contributions over the
// last year, with the reasons, and one click to start a nomination.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { CANDIDATE_WINDOW_DAYS, rankCandidates } from "~/champions/candidates.server";
import { nominationHref } from "~/champions/model";
import { getProgram } from "~/champions/program.server";
import { NominationStateBadge, StaffChampionLinks } from "~/champions/ui";
import { useTranslation } from "~/i18n/use-translation";
import { formatNumber } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Champion candidates · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const [candidates, program] = await Promise.all([rankCandidates(), getProgram()]);
  return { candidates, program, admin: staff.role === "admin", windowDays: CANDIDATE_WINDOW_DAYS };
}

export default function CandidatesPage() {
  const { candidates, program, admin, windowDays } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions">{t("nav.champions")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t("champions.candidates.title")}</h1>
          <p className="lead">{t("champions.candidates.lead", { days: windowDays })}</p>
        </div>
      </header>
      <StaffChampionLinks current="candidates" admin={admin} />
      {!program.nominationsOpen ? <p className="alert alert--error">{t("champions.window.closed", { year: program.cohortYear })}</p> : null}
      {candidates.length === 0 ? (
        <p className="empty">{t("champions.candidates.empty")}</p>
      ) : (
        <ol className="plain-list stack champion-candidates">
          {candidates.map((c, index) => (
            <li key={c.userId} className="card champion-candidate" aria-labelledby={`candidate-${c.userId}`}>
              <span className="champion-candidate__rank" aria-hidden="true">
                {index + 1}
              </span>
              <div className="champion-candidate__main">
                <h2 id={`candidate-${c.userId}`} className="champion-candidate__name">
                  {c.name}
                </h2>
                <p className="muted">
                  {c.title ? `${c.title} · ` : ""}
                  {c.account ? <Link to={`/workspace/accounts/${c.account.id}`}>{c.account.name}</Link> : t("common.none")}
                </p>
                <ul className="champion-reasons" aria-label={t("champions.candidates.reasons")}>
                  {c.reasons.map((reason) => (
                    <li key={reason.signal}>{t(`champions.signal.${reason.signal}`, { count: reason.count })}</li>
                  ))}
                  <li>{t("champions.candidates.reputation", { count: formatNumber(c.reputation, locale) })}</li>
                  {c.formerCohorts.length ? <li>{t("champions.candidates.former", { years: c.formerCohorts.join(", ") })}</li> : null}
                </ul>
              </div>
              <div className="champion-candidate__action">
                <p className="champion-candidate__score">
                  <span className="visually-hidden">{t("champions.candidates.score")} </span>
                  {formatNumber(c.score, locale)}
                </p>
                {c.nomination ? (
                  <Link to={nominationHref(c.nomination.id)} className="champion-candidate__nominated">
                    <NominationStateBadge state={c.nomination.state} />
                  </Link>
                ) : program.nominationsOpen ? (
                  <Link to={`/champions/nominations/new?nominee=${c.userId}`} className="button button--primary button--small" aria-label={t("champions.candidates.nominateNamed", { name: c.name })}>
                    {t("champions.candidates.nominate")}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
