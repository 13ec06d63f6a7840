// The reviewers' queue (admins): open nominations, oldest first, with their rubric totals so far.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { nominationHref } from "~/champions/model";
import { reviewQueue } from "~/champions/nomination-page.server";
import { NominationStateBadge, StaffChampionLinks } from "~/champions/ui";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Champion review · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const reviewer = await requireRole(request, "admin");
  return { queue: await reviewQueue(), timeZone: reviewer.timeZone };
}

export default function ReviewQueuePage() {
  const { queue, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions">{t("nav.champions")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t("champions.review.title")}</h1>
          <p className="lead">{t("champions.review.lead")}</p>
        </div>
      </header>
      <StaffChampionLinks current="review" admin />
      {queue.length === 0 ? (
        <p className="empty">{t("champions.review.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("champions.nominations.col.nominee")}</th>
                <th scope="col">{t("champions.nominations.col.company")}</th>
                <th scope="col">{t("champions.nominations.col.cohort")}</th>
                <th scope="col">{t("champions.nominations.col.state")}</th>
                <th scope="col">{t("champions.nominations.col.nominator")}</th>
                <th scope="col" className="num">{t("champions.nominations.col.endorsements")}</th>
                <th scope="col" className="num">{t("champions.nominations.col.score")}</th>
                <th scope="col">{t("champions.nominations.col.date")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to={nominationHref(n.id)}>{n.nominee}</Link>
                  </th>
                  <td>{n.company ?? t("common.none")}</td>
                  <td>{n.cohort}</td>
                  <td>
                    <NominationStateBadge state={n.state} />
                  </td>
                  <td>{n.nominator ?? t("champions.formerStaff")}</td>
                  <td className="num">{n.endorsements}</td>
                  <td className="num">
                    {n.summary.averageTotal === null ? t("champions.review.notYet") : t("champions.score.ofMax", { score: n.summary.averageTotal, max: n.summary.maxTotal })}
                    {n.summary.reviews ? <span className="muted"> ({t("champions.review.count", { count: n.summary.reviews })})</span> : null}
                  </td>
                  <td>{formatDate(n.createdAt, locale, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
