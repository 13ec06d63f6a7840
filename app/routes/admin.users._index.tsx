import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { inviteUser } from "~/auth/auth.server";
import { adminInviteSchema } from "~/auth/forms.server";
import { EmailField } from "~/components/auth-fields";
import { FormError, SelectField, TextField } from "~/components/form";
import { db } from "~/db.server";
import { getTranslator } from "~/i18n/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";
import { pageFromUrl } from "~/accounts/portfolio.server";
import { requireRole } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useTranslation } from "~/i18n/use-translation";
import { accountOptions, listUsers } from "~/users/user-admin.server";
import { ROLES } from "~/users/roles";

export const meta: MetaFunction = () => [{ title: "People · Admin · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const role = url.searchParams.get("role");
  const page = pageFromUrl(url);
  const [result, accounts] = await Promise.all([listUsers({ q, role, page }), accountOptions()]);
  return { ...result, accounts, q, role: role ?? "", page };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const formData = await readFormData(request);
  const form = parseForm(formData, adminInviteSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") });
  const { email, name, role, accountId } = form.data;
  if (accountId && !(await db.account.findUnique({ where: { id: accountId }, select: { id: true } }))) {
    return formFailure({ errors: { accountId: t("error.invalidChoice") }, values: formValues(formData), formError: t("error.form") });
  }
  const result = await inviteUser({ email, name, role, accountId: accountId || null, invitedById: admin.id, baseUrl: appBaseUrl(request) });
  if (result === "exists") {
    return formFailure({ errors: { email: t("account.invite.exists", { email }) }, values: formValues(formData) }, 409);
  }
  return redirectWithToast("/admin/users", { type: "success", key: "account.invite.sent", params: { email } });
}

export default function AdminUsersPage() {
  const { users, accounts, total, pages, page, q, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
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

      <section className="section card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t("admin.users.new")}</h2>
        <p className="muted">{t("account.invite.lead")}</p>
        <FormError message={actionData?.formError} />
        <Form method="post" className="stack" noValidate>
          <div className="grid-2">
            <EmailField defaultValue={actionData?.values.email} error={actionData?.errors.email} />
            <TextField label={`${t("field.name")} (${t("common.optional")})`} name="name" maxLength={80} defaultValue={actionData?.values.name} error={actionData?.errors.name} />
            <SelectField label={t("field.role")} name="role" defaultValue={actionData?.values.role ?? "cs"} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} error={actionData?.errors.role} />
            <SelectField
              label={t("field.account")}
              name="accountId"
              defaultValue={actionData?.values.accountId ?? ""}
              hint={t("admin.users.accountRequired")}
              options={[{ value: "", label: t("field.noAccount") }, ...accounts.map((a) => ({ value: a.id, label: a.name }))]}
              error={actionData?.errors.accountId}
            />
          </div>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("account.invite.submit")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
