import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageFromUrl } from "~/accounts/portfolio.server";
import { requireRole } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useTranslation } from "~/i18n/use-translation";
import { listUsers } from "~/users/user-admin.server";
import { ROLES } from "~/users/roles";

export const meta: MetaFunction = () => [{ title: "People · Admin · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const role = url.searchParams.get("role");
  const page = pageFromUrl(url);
  return { ...(await listUsers({ q, role, page })), q, role: role ?? "", page };
}

export default function AdminUsersPage() {
  const { users, total, pages, page, q, role } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t("admin.users")}</h1>
      </div>
      <div className="toolbar">
        <SearchBox defaultValue={q} placeholder={t("common.search")}>
          <label className="visually-hidden" htmlFor="user-role">
            {t("admin.users.filterRole")}
          </label>
          <select id="user-role" name="role" defaultValue={role} className="field__input">
            <option value="">{t("common.all")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </SearchBox>
        <span className="muted">{t("common.results", { count: total })}</span>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("field.email")}</th>
              <th scope="col">{t("field.role")}</th>
              <th scope="col">{t("field.account")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </th>
                <td>{user.email}</td>
                <td>
                  <span className={`badge badge--role-${user.role}`}>{t(`role.${user.role as "member" | "cs" | "admin"}`)}</span>
                </td>
                <td>{user.account ? <Link to={`/admin/accounts/${user.account.id}`}>{user.account.name}</Link> : t("common.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} />
    </>
  );
}
