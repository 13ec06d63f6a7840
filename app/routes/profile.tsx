import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { FormError, SelectField, TextField } from "~/components/form";
import { getTranslator, localeCookie } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import { getProfile, profileSchema, timeZoneOptions, updateProfile } from "~/users/profile.server";
import { LEVELS, PERSONAS } from "~/users/roles";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Profile · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { profile: await getProfile(user.id), timeZones: timeZoneOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const form = parseForm(await readFormData(request), profileSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);
  await updateProfile(user.id, form.data);
  return redirectWithToast(
    "/profile",
    { type: "success", key: "profile.saved" },
    { headers: { "Set-Cookie": await localeCookie.serialize(form.data.locale) } },
  );
}

export default function ProfilePage() {
  const { profile, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const value = (name: keyof typeof profile) => actionData?.values[name] ?? String(profile[name] ?? "");
  return (
    <div className="narrow">
      <h1>{t("profile.title")}</h1>
      <p className="lead">{t("profile.lead")}</p>
      <dl className="facts">
        <div>
          <dt>{t("field.email")}</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>{t("profile.account")}</dt>
          <dd>{profile.account?.name ?? t("profile.noAccount")}</dd>
        </div>
        <div>
          <dt>{t("field.role")}</dt>
          <dd>{t(`role.${profile.role as "member" | "cs" | "admin"}`)}</dd>
        </div>
      </dl>
      <FormError message={actionData?.formError} />
      <Form method="post" className="card stack" noValidate>
        <TextField label={t("field.name")} name="name" required maxLength={80} defaultValue={value("name")} error={actionData?.errors.name} />
        <TextField label={t("field.title")} name="title" maxLength={80} defaultValue={value("title")} error={actionData?.errors.title} />
        <div className="grid-2">
          <SelectField
            label={t("field.persona")}
            name="persona"
            defaultValue={value("persona")}
            options={PERSONAS.map((p) => ({ value: p, label: t(`persona.${p}`) }))}
            error={actionData?.errors.persona}
          />
          <SelectField
            label={t("field.level")}
            name="level"
            defaultValue={value("level")}
            options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            error={actionData?.errors.level}
          />
          <SelectField
            label={t("field.locale")}
            name="locale"
            defaultValue={value("locale")}
            options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
            error={actionData?.errors.locale}
          />
          <SelectField
            label={t("field.timeZone")}
            name="timeZone"
            defaultValue={value("timeZone")}
            options={timeZones.map((zone) => ({ value: zone, label: zone }))}
            error={actionData?.errors.timeZone}
          />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
