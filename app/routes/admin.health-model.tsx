import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { PLANS } from "~/accounts/lifecycle";
import { requireRole } from "~/auth/session.server";
import { FormError, TextAreaField, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { getStages } from "~/lifecycle/stages.server";
import { COMPONENTS } from "~/scoring/model";
import { modelFormValues, segmentRowsIn } from "~/scoring/model-form";
import { parseModelForm } from "~/scoring/model-form.server";
import { currentModel, listModelVersions, saveModelVersion } from "~/scoring/model.server";
import { scoringJobState } from "~/scoring/recompute.server";
import scoringStyles from "~/styles/scoring.css";
import { formatDateTime } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Health model · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [model, versions, stages, job] = await Promise.all([currentModel(), listModelVersions(), getStages(), scoringJobState()]);
  const values = modelFormValues(model.config);
  return {
    version: model.version,
    values,
    segmentRows: model.config.segments.length,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    stages: stages.map((s) => ({ code: s.code, nameEn: s.nameEn, nameJa: s.nameJa })),
    job: { lastRunAt: job.lastRunAt?.toISOString() ?? null, lastFullAt: job.lastFullAt?.toISOString() ?? null },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const stages = await getStages();
  const result = parseModelForm(await readFormData(request), t, stages.map((s) => s.code), PLANS);
  if (!result.ok) return formFailure({ errors: result.errors, formError: t("error.form"), values: result.values }, 400);
  const version = await saveModelVersion(result.config, { actorId: admin.id, note: result.note });
  return redirectWithToast("/admin/health-model", { type: "success", key: "scoring.model.saved", params: { version } });
}

/** Weight inputs with a running total, so the 100 rule is visible while typing. */
function WeightFields({
  prefix,
  values,
  errors,
  sumError,
  optional = false,
}: {
  prefix: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  sumError?: string;
  /** The empty "add a segment" row: a total of 0 there is not a mistake. */
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const totalId = useId();
  const totalOf = (read: (key: string) => string) => COMPONENTS.reduce((sum, key) => sum + (Number(read(`${prefix}${key}`)) || 0), 0);
  const [total, setTotal] = useState(() => totalOf((name) => values[name] ?? ""));
  return (
    <div
      onInput={(event) => {
        const inputs = event.currentTarget.querySelectorAll("input");
        const byName = new Map([...inputs].map((input) => [input.name, input.value]));
        setTotal(totalOf((name) => byName.get(name) ?? ""));
      }}
    >
      <div className="weights">
        {COMPONENTS.map((key) => (
          <TextField
            key={key}
            label={t(`scoring.component.${key}`)}
            name={`${prefix}${key}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            required={!optional}
            defaultValue={values[`${prefix}${key}`] ?? ""}
            error={errors?.[`${prefix}${key}`]}
            aria-describedby={totalId}
          />
        ))}
      </div>
      <p id={totalId} className={total === 100 || (optional && total === 0) ? "weight-total" : "weight-total weight-total--off"} aria-live="polite">
        {t("scoring.model.weightTotal", { sum: total })}
      </p>
      {sumError ? (
        <p className="field__error" role="alert">
          {sumError}
        </p>
      ) : null}
    </div>
  );
}

export default function HealthModelPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? data.values;
  const errors = actionData?.errors;
  const rows = actionData ? segmentRowsIn(actionData.values) : data.segmentRows;
  const stageName = (s: { code: string; nameEn: string; nameJa: string }) => `${s.code} ${locale === "ja" ? s.nameJa : s.nameEn}`;

  return (
    <>
      <h1>{t("scoring.model.title")}</h1>
      <p className="lead">{t("scoring.model.lead")}</p>
      <p>
        <strong>{data.version ? t("scoring.model.current", { version: data.version }) : t("scoring.model.defaults")}</strong>
      </p>
      <p className="muted">
        {data.job.lastRunAt
          ? t("scoring.model.jobLast", { date: formatDateTime(data.job.lastRunAt, locale), full: data.job.lastFullAt ? formatDateTime(data.job.lastFullAt, locale) : "—" })
          : t("scoring.model.jobNever")}
      </p>
      <FormError message={actionData?.formError} />
      {/* key: after a save the form remounts with the stored values */}
      <Form method="post" className="model-form card" noValidate key={JSON.stringify(values)}>
        <fieldset>
          <legend>{t("scoring.model.weights")}</legend>
          <p className="field__hint">{t("scoring.model.weightsHint")}</p>
          <WeightFields prefix="weight." values={values} errors={errors} sumError={errors?.["weight.sum"]} />
        </fieldset>

        <fieldset>
          <legend>{t("scoring.model.bands")}</legend>
          <p className="field__hint">{t("scoring.model.bandsHint")}</p>
          <div className="weights">
            <TextField label={t("scoring.model.greenFrom")} name="green" type="number" min={1} max={100} required defaultValue={values.green} error={errors?.green} />
            <TextField label={t("scoring.model.yellowFrom")} name="yellow" type="number" min={1} max={100} required defaultValue={values.yellow} error={errors?.yellow} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t("scoring.model.segments")}</legend>
          <p className="field__hint">{t("scoring.model.segmentsHint")}</p>
          {Array.from({ length: rows + 1 }, (_, i) => {
            const isNew = i === rows;
            const targetError = errors?.[`segment.${i}.value`];
            return (
              <div key={i} className="segment" role="group" aria-label={isNew ? t("scoring.model.segmentAdd") : `${t("scoring.model.segments")} ${i + 1}`}>
                {isNew ? <p className="field__label">{t("scoring.model.segmentAdd")}</p> : null}
                <div className={targetError ? "field field--invalid" : "field"}>
                  <label className="field__label" htmlFor={`segment-${i}-target`}>
                    {t("scoring.model.segmentValue")}
                  </label>
                  <select id={`segment-${i}-target`} name={`segment.${i}.target`} className="field__input" defaultValue={values[`segment.${i}.target`] ?? ""} aria-invalid={targetError ? true : undefined}>
                    <option value="">{t("scoring.model.segmentNone")}</option>
                    <optgroup label={t("scoring.model.segmentKind.stage")}>
                      {data.stages.map((s) => (
                        <option key={s.code} value={`stage:${s.code}`}>
                          {stageName(s)}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t("scoring.model.segmentKind.plan")}>
                      {PLANS.map((plan) => (
                        <option key={plan} value={`plan:${plan}`}>
                          {t(`plan.${plan}`)}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  {targetError ? (
                    <p className="field__error" role="alert">
                      {targetError}
                    </p>
                  ) : null}
                </div>
                <WeightFields prefix={`segment.${i}.weight.`} values={values} errors={errors} sumError={errors?.[`segment.${i}.weight.sum`]} optional={isNew} />
                {!isNew ? (
                  <label>
                    <input type="checkbox" name={`segment.${i}.remove`} /> {t("scoring.model.segmentRemove")}
                  </label>
                ) : null}
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t("scoring.model.keyFeatures")}</legend>
          <TextField label={t("scoring.model.keyFeatures")} name="keyFeatures" hint={t("scoring.model.keyFeaturesHint")} maxLength={1000} defaultValue={values.keyFeatures} error={errors?.keyFeatures} />
        </fieldset>

        <fieldset>
          <legend>{t("scoring.model.alerts")}</legend>
          <div className="weights">
            {(["scoreDropPoints", "noActivityDays", "unansweredHours"] as const).map((key) => (
              <TextField key={key} label={t(`scoring.model.alert.${key}`)} name={`alert.${key}`} type="number" min={1} required defaultValue={values[`alert.${key}`]} error={errors?.[`alert.${key}`]} />
            ))}
          </div>
        </fieldset>

        <TextAreaField label={t("scoring.model.note")} name="note" rows={2} maxLength={500} defaultValue={values.note} />
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("scoring.model.save")}
          </button>
        </div>
      </Form>

      <section className="section" aria-labelledby="versions-title">
        <h2 id="versions-title">{t("scoring.model.history")}</h2>
        {data.versions.length === 0 ? (
          <p className="empty">{t("scoring.model.historyEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("scoring.model.col.version")}</th>
                  <th scope="col">{t("scoring.model.col.saved")}</th>
                  <th scope="col">{t("scoring.model.col.by")}</th>
                  <th scope="col">{t("scoring.model.col.weights")}</th>
                  <th scope="col">{t("scoring.model.col.bands")}</th>
                  <th scope="col">{t("scoring.model.col.note")}</th>
                </tr>
              </thead>
              <tbody>
                {data.versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">{v.version}</th>
                    <td>{formatDateTime(v.createdAt, locale)}</td>
                    <td>{v.author ?? "—"}</td>
                    <td>{COMPONENTS.map((key) => v.config.weights[key]).join(" / ")}</td>
                    <td>
                      {v.config.bands.green} / {v.config.bands.yellow}
                    </td>
                    <td>{v.note || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
