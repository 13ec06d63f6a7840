// Champion program settings (admins): cohort year, nomination window, term length, peer
// nominations, and the criteria with their 1–5 rubrics in both languages.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { criterionSchema, settingsSchema } from "~/champions/forms.server";
import { LIMITS, type Criterion } from "~/champions/model";
import { addCriterion, getProgram, listCriteria, setCriterionRetired, updateCriterion, updateProgram, type CriterionResult } from "~/champions/program.server";
import { FormError, TextAreaField, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import championStyles from "~/styles/champions.css";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: championStyles }];

export const meta: MetaFunction = () => [{ title: "Champion program · Kizuna admin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [program, criteria] = await Promise.all([getProgram(), listCriteria({ includeRetired: true })]);
  return { program, criteria };
}

const CRITERION_ERRORS: Record<Exclude<CriterionResult, "ok">, MessageKey> = {
  "not-found": "champions.error.criterionNotFound",
  "too-many": "champions.error.tooManyCriteria",
  "last-active": "champions.error.lastCriterion",
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const formData = await readFormData(request);
  const values = formValues(formData);
  const done = (key: MessageKey) => redirectWithToast("/admin/champions", { type: "success", key });

  if (formData.get("intent") === "settings") {
    const form = parseForm(formData, settingsSchema, t);
    if (!form.ok) return formFailure({ errors: form.errors, values, formError: t("error.form") }, 400);
    const { intent: _intent, ...settings } = form.data;
    await updateProgram(admin, settings);
    return done("champions.toast.settingsSaved");
  }

  const form = parseForm(formData, criterionSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values, formError: t("error.form") }, 400);
  const input = form.data;
  let result: CriterionResult;
  switch (input.intent) {
    case "add-criterion": {
      const { intent: _intent, ...fields } = input;
      result = await addCriterion(admin, fields);
      break;
    }
    case "edit-criterion": {
      const { intent: _intent, criterionId, ...fields } = input;
      result = await updateCriterion(admin, criterionId, fields);
      break;
    }
    default:
      result = await setCriterionRetired(admin, input.criterionId, input.intent === "retire-criterion");
  }
  if (result !== "ok") return formFailure({ values, formError: t(CRITERION_ERRORS[result]) }, result === "not-found" ? 404 : 409);
  return done("champions.toast.criteriaSaved");
}

type Failure = ReturnType<typeof useActionData<typeof action>>;

function failureFor(failure: Failure, intent: string, criterionId?: string) {
  if (!failure || failure.values.intent !== intent) return null;
  if (criterionId !== undefined && failure.values.criterionId !== criterionId) return null;
  return failure;
}

export default function ChampionSettingsPage() {
  const { program, criteria } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const settingsFailure = failureFor(failure, "settings");
  const checked = (name: "nominationsOpen" | "peerNominations") => (settingsFailure ? settingsFailure.values[name] === "on" : program[name]);
  const orphan = failure && (failure.values.intent === "retire-criterion" || failure.values.intent === "restore-criterion") ? failure.formError : null;
  return (
    <>
      <h1>{t("champions.admin.title")}</h1>
      <p className="lead">{t("champions.admin.lead")}</p>

      <Form method="post" className="card stack" aria-labelledby="settings-title" noValidate>
        <h2 id="settings-title">{t("champions.admin.settings")}</h2>
        <FormError message={settingsFailure?.formError} />
        <input type="hidden" name="intent" value="settings" />
        <div className="grid-2">
          <TextField label={t("champions.admin.cohortYear")} name="cohortYear" type="number" inputMode="numeric" min={LIMITS.cohortMin} max={LIMITS.cohortMax} required hint={t("champions.admin.cohortYearHint")} defaultValue={settingsFailure?.values.cohortYear ?? program.cohortYear} error={settingsFailure?.errors.cohortYear} />
          <TextField label={t("champions.admin.termMonths")} name="termMonths" type="number" inputMode="numeric" min={LIMITS.termMonthsMin} max={LIMITS.termMonthsMax} required hint={t("champions.admin.termMonthsHint")} defaultValue={settingsFailure?.values.termMonths ?? program.termMonths} error={settingsFailure?.errors.termMonths} />
        </div>
        <label className="champion-check">
          <input type="checkbox" name="nominationsOpen" defaultChecked={checked("nominationsOpen")} /> {t("champions.admin.nominationsOpen")}
        </label>
        <label className="champion-check">
          <input type="checkbox" name="peerNominations" defaultChecked={checked("peerNominations")} /> {t("champions.admin.peerNominations")}
        </label>
        <p className="field__hint">{t("champions.admin.peerHint")}</p>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("champions.admin.saveSettings")}
          </button>
        </div>
      </Form>

      <section className="section stack" aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t("champions.admin.criteria")}</h2>
        <p className="muted">{t("champions.admin.criteriaLead")}</p>
        <FormError message={orphan} />
        {criteria.map((criterion) => (
          <CriterionCard key={criterion.id} criterion={criterion} />
        ))}
        <details className="card" open={failureFor(failure, "add-criterion") ? true : undefined}>
          <summary className="champion-summary">{t("champions.admin.addCriterion")}</summary>
          <CriterionForm intent="add-criterion" />
        </details>
      </section>
    </>
  );
}

function CriterionCard({ criterion }: { criterion: Criterion }) {
  const failure = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const editing = failureFor(failure, "edit-criterion", criterion.id) !== null;
  return (
    <article className={criterion.retired ? "card stack champion-admin-criterion is-retired" : "card stack champion-admin-criterion"} aria-label={locale === "ja" ? criterion.nameJa : criterion.nameEn}>
      <header className="champion-admin-criterion__header">
        <h3>
          {locale === "ja" ? criterion.nameJa : criterion.nameEn} <span className="muted">/ {locale === "ja" ? criterion.nameEn : criterion.nameJa}</span>
        </h3>
        {criterion.retired ? <span className="badge badge--muted">{t("champions.admin.retired")}</span> : null}
      </header>
      <p className="muted">{locale === "ja" ? criterion.descriptionJa : criterion.descriptionEn}</p>
      <ol className="champion-rubric-list">
        {(locale === "ja" ? criterion.rubricJa : criterion.rubricEn).map((level, i) => (
          <li key={i}>{level}</li>
        ))}
      </ol>
      <div className="toolbar">
        <Form method="post" className="inline-form">
          <input type="hidden" name="criterionId" value={criterion.id} />
          <button type="submit" name="intent" value={criterion.retired ? "restore-criterion" : "retire-criterion"} className="button button--ghost button--small">
            {criterion.retired ? t("champions.admin.restore") : t("champions.admin.retire")}
          </button>
        </Form>
      </div>
      <details open={editing ? true : undefined}>
        <summary className="champion-summary">{t("champions.admin.editCriterion")}</summary>
        <CriterionForm intent="edit-criterion" criterion={criterion} />
      </details>
    </article>
  );
}

function CriterionForm({ intent, criterion }: { intent: "add-criterion" | "edit-criterion"; criterion?: Criterion }) {
  const failure = failureFor(useActionData<typeof action>(), intent, criterion?.id);
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const value = (name: "nameJa" | "nameEn" | "descriptionJa" | "descriptionEn") => failure?.values[name] ?? criterion?.[name] ?? "";
  const rubric = (name: "rubricJa" | "rubricEn") => failure?.values[name] ?? (criterion ? criterion[name].join("\n") : "");
  return (
    <Form method="post" className="stack champion-criterion-form" noValidate>
      <FormError message={failure?.formError} />
      <input type="hidden" name="intent" value={intent} />
      {criterion ? <input type="hidden" name="criterionId" value={criterion.id} /> : null}
      <div className="grid-2">
        <TextField label={t("champions.admin.nameJa")} name="nameJa" required maxLength={LIMITS.criterionNameMax} defaultValue={value("nameJa")} error={failure?.errors.nameJa} />
        <TextField label={t("champions.admin.nameEn")} name="nameEn" required maxLength={LIMITS.criterionNameMax} defaultValue={value("nameEn")} error={failure?.errors.nameEn} />
        <TextAreaField label={t("champions.admin.descriptionJa")} name="descriptionJa" rows={3} required maxLength={LIMITS.criterionDescriptionMax} defaultValue={value("descriptionJa")} error={failure?.errors.descriptionJa} />
        <TextAreaField label={t("champions.admin.descriptionEn")} name="descriptionEn" rows={3} required maxLength={LIMITS.criterionDescriptionMax} defaultValue={value("descriptionEn")} error={failure?.errors.descriptionEn} />
        <TextAreaField label={t("champions.admin.rubricJa")} name="rubricJa" rows={6} required hint={t("champions.admin.rubricHint")} defaultValue={rubric("rubricJa")} error={failure?.errors.rubricJa} />
        <TextAreaField label={t("champions.admin.rubricEn")} name="rubricEn" rows={6} required hint={t("champions.admin.rubricHint")} defaultValue={rubric("rubricEn")} error={failure?.errors.rubricEn} />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {intent === "add-criterion" ? t("champions.admin.addCriterion") : t("champions.admin.saveCriterion")}
        </button>
      </div>
    </Form>
  );
}
