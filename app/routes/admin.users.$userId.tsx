import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError, SelectField, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { timeZoneOptions } from "~/users/profile.server";
import { LEVELS, PERSONAS, ROLES } from "~/users/roles";
import { accountOptions, adminUserSchema, getUserForAdmin, updateUserByAdmin } from "~/users/user-admin.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Edit person · Admin · Kizuna" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [user, accounts] = await Promise.all([getUserForAdmin(params.userId ?? ""), accountOptions()]);
  if (!user) throw new Response("User not found", { status: 404 });
  return { user, accounts, timeZones: timeZoneOptions() };
}

const UPDATE_ERRORS: Record<string, { field: string; key: MessageKey }> = {
  selfRole: { field: "role", key: "admin.users.selfDemote" },
  lastAdmin: { field: "role", key: "admin.users.lastAdmin" },
  unknownAccount: { field: "accountId", key: "error.invalidChoice" },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const target = await getUserForAdmin(params.userId ?? "");
  if (!target) throw new Response("User not found", { status: 404 });
  const formData = await readFormData(request);
  const form = parseForm(formData, adminUserSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const result = await updateUserByAdmin(admin.id, target.id, form.data);
  if (!result.ok) {
    const { field, key } = UPDATE_ERRORS[result.error]!;
    return formFailure({ errors: { [field]: t(key) }, values: formValues(formData), formError: t(key) });
  }
  return redirectWithToast(`/admin/users/${target.id}`, { type: "success", key: "admin.users.saved", params: { name: form.data.name } });
}

export default function AdminUserPage() {
  const { user, accounts, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const value = (name: string) => actionData?.values[name] ?? String((user as Record<string, unknown>)[name] ?? "");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/users">{t("admin.users")}</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="muted">{user.email}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="card stack" noValidate key={JSON.stringify(user)}>
        <div className="grid-2">
          <TextField label={t("field.name")} name="name" required maxLength={80} defaultValue={value("name")} error={actionData?.errors.name} />
          <TextField label={t("field.title")} name="title" maxLength={80} defaultValue={value("title")} error={actionData?.errors.title} />
          <SelectField label={t("field.role")} name="role" defaultValue={value("role")} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} error={actionData?.errors.role} />
          <SelectField
            label={t("field.account")}
            name="accountId"
            defaultValue={value("accountId")}
            options={[{ value: "", label: t("field.noAccount") }, ...accounts.map((a) => ({ value: a.id, label: a.name }))]}
            error={actionData?.errors.accountId}
          />
          <SelectField label={t("field.persona")} name="persona" defaultValue={value("persona")} options={PERSONAS.map((p) => ({ value: p, label: t(`persona.${p}`) }))} error={actionData?.errors.persona} />
          <SelectField label={t("field.level")} name="level" defaultValue={value("level")} options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} error={actionData?.errors.level} />
          <SelectField label={t("field.locale")} name="locale" defaultValue={value("locale")} options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} error={actionData?.errors.locale} />
          <SelectField label={t("field.timeZone")} name="timeZone" defaultValue={value("timeZone")} options={timeZones.map((z) => ({ value: z, label: z }))} error={actionData?.errors.timeZone} />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
