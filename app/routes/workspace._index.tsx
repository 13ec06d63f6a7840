import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { stageLabel } from "~/accounts/lifecycle";
import { listAccounts, pageFromUrl } from "~/accounts/portfolio.server";
import { requireRole } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useTranslation } from "~/i18n/use-translation";
import { StaffChampionLinks } from "~/champions/ui";
import { StaffQaLinks } from "~/qa/staff-ui";
import { formatDate, formatNumber, formatYen } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "CS workspace · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const url = new URL(request.url);
  const mine = url.searchParams.get("owner") !== "all";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = pageFromUrl(url);
  const result = await listAccounts({ q, ownerId: mine ? staff.id : null, page });
  return { ...result, page, mine, q, admin: staff.role === "admin" };
}

export default function WorkspacePage() {
  const { accounts, total, pages, page, mine, q, admin } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const [searchParams] = useSearchParams();
  const ownerHref = (owner: "mine" | "all") => {
    const params = new URLSearchParams(searchParams);
    params.set("owner", owner);
    params.delete("page");
    return `?${params}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("workspace.title")}</h1>
          <p className="lead">{t("workspace.lead")}</p>
        </div>
        <div className="stack">
          <StaffQaLinks />
          <StaffChampionLinks admin={admin} />
        </div>
      </div>
      <div className="toolbar">
        <div className="segmented" role="group">
          <Link to={ownerHref("mine")} className={mine ? "segmented__item is-active" : "segmented__item"} aria-current={mine ? "true" : undefined}>
            {t("workspace.mine")}
          </Link>
          <Link to={ownerHref("all")} className={!mine ? "segmented__item is-active" : "segmented__item"} aria-current={!mine ? "true" : undefined}>
            {t("workspace.allAccounts")}
          </Link>
        </div>
        <SearchBox defaultValue={q} placeholder={t("workspace.searchPlaceholder")} hidden={{ owner: mine ? "mine" : "all" }} />
        <span className="muted">{t("common.results", { count: total })}</span>
      </div>
      {accounts.length === 0 ? (
        <p className="empty">{t("workspace.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("workspace.col.account")}</th>
                <th scope="col">{t("workspace.col.plan")}</th>
                <th scope="col" className="num">{t("workspace.col.seats")}</th>
                <th scope="col" className="num">{t("workspace.col.members")}</th>
                <th scope="col" className="num">{t("workspace.col.arr")}</th>
                <th scope="col">{t("workspace.col.stage")}</th>
                <th scope="col">{t("workspace.col.renewal")}</th>
                <th scope="col">{t("workspace.col.owner")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    <Link to={`/workspace/accounts/${account.id}`}>{account.name}</Link>
                  </th>
                  <td>{t(`plan.${account.plan as "starter" | "growth" | "enterprise"}`)}</td>
                  <td className="num">{formatNumber(account.seatsLicensed, locale)}</td>
                  <td className="num">{formatNumber(account.memberCount, locale)}</td>
                  <td className="num">{formatYen(account.arr, locale)}</td>
                  <td>
                    <span className="badge">{stageLabel(account.lifecycleStage, locale)}</span>
                  </td>
                  <td>{account.renewalDate ? formatDate(account.renewalDate, locale) : t("common.none")}</td>
                  <td>{account.ownerName ?? t("field.noOwner")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
