// A champion's profile page. The champion edits it here (listed or not, bio, expertise topics,
// languages); admins can end a running term early.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getOptionalUser, requireUser } from "~/auth/session.server";
import { loadChampionProfile, saveChampionProfile } from "~/champions/directory.server";
import { languageField, topicField } from "~/champions/fields";
import { championProfileSchema, revokeSchema } from "~/champions/forms.server";
import { CHAMPION_LANGUAGES, LIMITS } from "~/champions/model";
import { revokeTerm } from "~/champions/terms.server";
import { ChampionBadge } from "~/champions/ui";
import { FormError, TextAreaField } from "~/components/form";
import { getCatalog } from "~/content/catalog.server";
import { getTranslator, resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.profile.name} · Kizuna champions` : "Kizuna champions" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const profile = await loadChampionProfile(params.userId ?? "", user);
  if (!profile) throw new Response("Champion not found", { status: 404, statusText: "Not Found" });
  const locale = await resolveLocale(request, user?.locale);
  const topics = Object.entries(getCatalog().topics).map(([id, labels]) => ({ id, label: labels[locale] }));
  return { profile, topics, timeZone: user?.timeZone ?? "Asia/Tokyo" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const userId = params.userId ?? "";
  const profile = await loadChampionProfile(userId, user);
  if (!profile) throw new Response("Champion not found", { status: 404, statusText: "Not Found" });
  const formData = await readFormData(request);
  const here = `/champions/${userId}`;

  if (formData.get("intent") === "revoke") {
    if (user.role !== "admin") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
    const form = parseForm(formData, revokeSchema, t);
    if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
    const values = formValues(formData);
    if (form.data.termId !== profile.revocableTermId) return formFailure({ values, formError: t("champions.error.notRevocable") }, 409);
    const result = await revokeTerm(user, form.data.termId, form.data.reason);
    if (result === "forbidden") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
    if (result !== "ok") return formFailure({ values, formError: t("champions.error.notRevocable") }, 409);
    return redirectWithToast(here, { type: "success", key: "champions.toast.revoked" });
  }

  if (!profile.canEdit) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  const form = parseForm(formData, championProfileSchema(Object.keys(getCatalog().topics)), t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const result = await saveChampionProfile(user.id, form.data);
  if (result !== "ok") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return redirectWithToast(here, { type: "success", key: "champions.toast.profileSaved" });
}

export default function ChampionProfilePage() {
  const { profile, topics, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const topicLabel = (id: string) => topics.find((topic) => topic.id === id)?.label ?? id;
  return (
    <div className="champion-profile">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions">{t("nav.champions")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="champion-card__badges">
            {profile.active ? <ChampionBadge times={profile.times} /> : <span className="badge badge--muted">{t("champions.directory.alumni")}</span>}
          </p>
          <h1>{profile.name}</h1>
          <p className="lead">{[profile.title, profile.company].filter(Boolean).join(" · ")}</p>
        </div>
      </header>
      {!profile.listed ? <p className="alert alert--info">{profile.canEdit ? t("champions.profile.notListedSelf") : t("champions.profile.notListed")}</p> : null}

      <div className="champion-profile__layout">
        <div className="stack">
          <section className="card stack" aria-labelledby="about-title">
            <h2 id="about-title">{t("champions.profile.about")}</h2>
            {profile.bio ? <p className="champion-profile__bio">{profile.bio}</p> : <p className="muted">{t("champions.profile.noBio")}</p>}
            <h3>{t("champions.profile.topics")}</h3>
            {profile.topics.length ? (
              <p className="article-card__footer">
                {profile.topics.map((topic) => (
                  <span key={topic} className="tag">
                    {topicLabel(topic)}
                  </span>
                ))}
              </p>
            ) : (
              <p className="muted">{t("champions.profile.noTopics")}</p>
            )}
            <h3>{t("champions.profile.languages")}</h3>
            <p>{profile.languages.map((language) => t(`champions.language.${language}`)).join(" / ")}</p>
          </section>
          {profile.canEdit ? <ProfileForm /> : null}
        </div>

        <aside className="card stack" aria-labelledby="terms-title">
          <h2 id="terms-title">{t("champions.profile.terms")}</h2>
          <p className="muted">{t("champions.profile.times", { count: profile.times })}</p>
          <ul className="plain-list stack">
            {profile.terms.map((term) => (
              <li key={term.id}>
                <strong>{t("champions.filter.cohort", { year: term.cohort })}</strong> <span className={`badge badge--term-${term.status}`}>{t(`champions.term.${term.status}`)}</span>
                <br />
                <span className="muted">
                  {formatDate(term.startsAt, locale, timeZone)} – {formatDate(term.endsAt, locale, timeZone)}
                </span>
              </li>
            ))}
          </ul>
          {profile.revocableTermId ? <RevokeForm termId={profile.revocableTermId} /> : null}
        </aside>
      </div>
    </div>
  );
}

function ProfileForm() {
  const { profile, topics } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const profileFailure = failure && failure.values.intent === "profile" ? failure : null;
  const checked = (field: string, current: boolean) => (profileFailure ? profileFailure.values[field] === "on" : current);
  return (
    <Form method="post" className="card stack" aria-labelledby="edit-title" noValidate>
      <h2 id="edit-title">{t("champions.profile.edit")}</h2>
      <FormError message={profileFailure?.formError} />
      <input type="hidden" name="intent" value="profile" />
      <label className="champion-check">
        <input type="checkbox" name="listed" defaultChecked={checked("listed", profile.listed)} /> {t("champions.profile.listed")}
      </label>
      <p className="field__hint">{t("champions.profile.listedHint")}</p>
      <TextAreaField label={t("champions.profile.bio")} name="bio" rows={5} maxLength={LIMITS.bioMax} hint={t("champions.profile.bioHint")} defaultValue={profileFailure?.values.bio ?? profile.bio} error={profileFailure?.errors.bio} />
      <fieldset className="field champion-fieldset" aria-describedby={profileFailure?.errors.topics ? "topics-error" : undefined}>
        <legend className="field__label">{t("champions.profile.topics")}</legend>
        <p className="field__hint">{t("champions.profile.topicsHint", { max: LIMITS.topicsMax })}</p>
        <div className="champion-check-grid">
          {topics.map((topic) => (
            <label key={topic.id} className="champion-check">
              <input type="checkbox" name={topicField(topic.id)} defaultChecked={checked(topicField(topic.id), profile.topics.includes(topic.id))} /> {topic.label}
            </label>
          ))}
        </div>
        {profileFailure?.errors.topics ? (
          <p id="topics-error" className="field__error" role="alert">
            {profileFailure.errors.topics}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field champion-fieldset">
        <legend className="field__label">{t("champions.profile.languages")}</legend>
        <div className="champion-check-grid">
          {CHAMPION_LANGUAGES.map((language) => (
            <label key={language} className="champion-check">
              <input type="checkbox" name={languageField(language)} defaultChecked={checked(languageField(language), profile.languages.includes(language))} /> {t(`champions.language.${language}`)}
            </label>
          ))}
        </div>
        {profileFailure?.errors.languages ? (
          <p className="field__error" role="alert">
            {profileFailure.errors.languages}
          </p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("champions.profile.save")}
        </button>
      </div>
    </Form>
  );
}

function RevokeForm({ termId }: { termId: string }) {
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const revokeFailure = failure && failure.values.intent === "revoke" ? failure : null;
  return (
    <details className="champion-revoke" open={revokeFailure ? true : undefined}>
      <summary className="button button--ghost button--small">{t("champions.revoke.open")}</summary>
      <Form method="post" className="stack" noValidate>
        <FormError message={revokeFailure?.formError} />
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="termId" value={termId} />
        <TextAreaField label={t("champions.revoke.reason")} name="reason" rows={3} required maxLength={LIMITS.reasonMax} defaultValue={revokeFailure?.values.reason} error={revokeFailure?.errors.reason} />
        <div>
          <button type="submit" className="button button--secondary button--small">
            {t("champions.revoke.submit")}
          </button>
        </div>
      </Form>
    </details>
  );
}
