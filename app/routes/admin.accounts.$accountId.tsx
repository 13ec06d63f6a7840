import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getAccountForEdit, listStaff, saveAccountForm } from "~/accounts/account-admin.server";
import { AccountForm } from "~/accounts/account-form";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { db } from "~/db.server";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Edit account · Admin · Kizuna" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [account, staff] = await Promise.all([getAccountForEdit(params.accountId ?? ""), listStaff()]);
  if (!account) throw new Response("Account not found", { status: 404 });
  return { account, staff };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const exists = await db.account.findUnique({ where: { id: params.accountId ?? "" }, select: { id: true } });
  if (!exists) throw new Response("Account not found", { status: 404 });
  const result = await saveAccountForm(await readFormData(request), t, exists.id, admin.id);
  if (!result.ok) return formFailure({ errors: result.errors, values: result.values, formError: t("error.form") }, 400);
  return redirectWithToast(`/admin/accounts/${exists.id}`, {
    type: "success",
    key: "admin.accounts.saved",
    params: { name: result.account.name },
  });
}

export default function EditAccountPage() {
  const { account, staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = actionData?.values ?? {
    name: account.name,
    domains: account.domains,
    plan: account.plan,
    seatsLicensed: String(account.seatsLicensed),
    arr: String(account.arr),
    renewalDate: account.renewalDate,
    lifecycleStage: account.lifecycleStage,
    ownerId: account.ownerId ?? "",
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/accounts">{t("admin.accounts")}</Link> · <Link to={`/workspace/accounts/${account.id}`}>{t("workspace.title")}</Link>
      </p>
      <h1>{account.name}</h1>
      <FormError message={actionData?.formError} />
      {/* key: a saved form remounts with the stored values */}
      <AccountForm key={JSON.stringify(values)} values={values} errors={actionData?.errors} staff={staff} submitLabel={t("common.save")} />
    </>
  );
}
