import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { championHref } from "~/champions/model";
import { hasBeenChampion, isActiveChampion } from "~/champions/status.server";
import { ChampionBadge } from "~/champions/ui";
import { FormError, SelectField, TextField } from "~/components/form";
import { getTranslator, localeCookie } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import { offeredPreferences, preferencesSchema, savePreferences } from "~/notifications/notifications.server";
import { preferencesOf } from "~/notifications/notify.server";
import { preferenceField } from "~/notifications/preferences";
import { offersChannel, typesFor, type NotificationType } from "~/notifications/types";
import { getProfile, profileSchema, timeZoneOptions, updateProfile } from "~/users/profile.server";
import { LEVELS, PERSONAS } from "~/users/roles";
import { formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Profile · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, preferences, championNow, championEver] = await Promise.all([getProfile(user.id), preferencesOf(user.id), isActiveChampion(user.id), hasBeenChampion(user.id)]);
  return { profile, preferences, notificationTypes: typesFor(user.role), timeZones: timeZoneOptions(), champion: championEver ? { active: championNow, href: championHref(user.id) } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request);
  if (formData.get("intent") === "notifications") {
    const preferences = parseForm(formData, preferencesSchema, t);
    if (!preferences.ok) return formFailure({ errors: preferences.errors, formError: t("error.form"), values: preferences.values }, 400);
    await savePreferences(user.id, offeredPreferences(user.role, preferences.data));
    return redirectWithToast("/profile", { type: "success", key: "notification.prefs.saved" });
  }
  const form = parseForm(formData, profileSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);
  await updateProfile(user.id, form.data);
  return redirectWithToast(
    "/profile",
    { type: "success", key: "profile.saved" },
    { headers: { "Set-Cookie": await localeCookie.serialize(form.data.locale) } },
  );
}

export default function ProfilePage() {
  const { profile, preferences, notificationTypes, timeZones, champion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
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
        <div>
          <dt>{t("profile.reputation")}</dt>
          <dd>{formatNumber(profile.reputation, locale)}</dd>
        </div>
        {champion ? (
          <div>
            <dt>{t("champions.badge")}</dt>
            <dd>
              {champion.active ? <ChampionBadge /> : null} <Link to={champion.href}>{t("champions.directory.yourProfile")}</Link>
            </dd>
          </div>
        ) : null}
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
      <NotificationPreferences types={notificationTypes} preferences={preferences} busy={busy} />
    </div>
  );
}

/** One fieldset per notification type, saved by its own intent of this page's action. */
function NotificationPreferences({
  types,
  preferences,
  busy,
}: {
  types: NotificationType[];
  preferences: Record<NotificationType, { inApp: boolean; email: boolean }>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack section" aria-labelledby="notification-prefs-title">
      <div>
        <h2 id="notification-prefs-title">{t("notification.prefs.title")}</h2>
        <p className="muted">{t("notification.prefs.lead")}</p>
      </div>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="notifications" />
        {types.map((type) => (
          <fieldset key={type} className="field">
            <legend className="field__label">{t(`notification.type.${type}`)}</legend>
            <div className="inline-fields">
              {offersChannel(type, "inApp") ? (
                <label>
                  <input type="checkbox" name={preferenceField(type, "inApp")} defaultChecked={preferences[type].inApp} /> {t("notification.prefs.inApp")}
                </label>
              ) : null}
              {offersChannel(type, "email") ? (
                <label>
                  <input type="checkbox" name={preferenceField(type, "email")} defaultChecked={preferences[type].email} /> {t("notification.prefs.email")}
                </label>
              ) : null}
            </div>
          </fieldset>
        ))}
        <div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("notification.prefs.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
