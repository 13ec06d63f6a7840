import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listStaff, saveAccountForm } from "~/accounts/account-admin.server";
import { AccountForm } from "~/accounts/account-form";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "New account · Admin · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { staff: await listStaff() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const result = await saveAccountForm(await readFormData(request), t);
  if (!result.ok) return formFailure({ errors: result.errors, values: result.values, formError: t("error.form") }, 400);
  return redirectWithToast(`/admin/accounts/${result.account.id}`, {
    type: "success",
    key: "admin.accounts.created",
    params: { name: result.account.name },
  });
}

export default function NewAccountPage() {
  const { staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.accounts.new")}</h1>
      <FormError message={actionData?.formError} />
      <AccountForm values={actionData?.values ?? {}} errors={actionData?.errors} staff={staff} submitLabel={t("common.create")} />
    </>
  );
}
