import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { stageLabel } from "~/accounts/lifecycle";
import { listAccounts, pageFromUrl } from "~/accounts/portfolio.server";
import { requireRole } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useTranslation } from "~/i18n/use-translation";
import { formatNumber } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Accounts · Admin · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = pageFromUrl(url);
  return { ...(await listAccounts({ q, page })), q, page };
}

export default function AdminAccountsPage() {
  const { accounts, total, pages, page, q } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t("admin.accounts")}</h1>
        <Link to="/admin/accounts/new" className="button button--primary">
          {t("admin.accounts.new")}
        </Link>
      </div>
      <div className="toolbar">
        <SearchBox defaultValue={q} placeholder={t("workspace.searchPlaceholder")} />
        <span className="muted">{t("common.results", { count: total })}</span>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("workspace.col.account")}</th>
              <th scope="col">{t("workspace.col.plan")}</th>
              <th scope="col" className="num">{t("workspace.col.members")}</th>
              <th scope="col">{t("workspace.col.stage")}</th>
              <th scope="col">{t("workspace.col.owner")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">
                  <Link to={`/admin/accounts/${account.id}`}>{account.name}</Link>
                </th>
                <td>{t(`plan.${account.plan as "starter" | "growth" | "enterprise"}`)}</td>
                <td className="num">{formatNumber(account.memberCount, locale)}</td>
                <td>{stageLabel(account.lifecycleStage, locale)}</td>
                <td>{account.ownerName ?? t("field.noOwner")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} />
    </>
  );
}
