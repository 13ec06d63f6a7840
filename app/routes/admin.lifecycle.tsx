import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError, SelectField, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { TEAMS } from "~/lifecycle/defaults";
import { RULE_OPS, RULE_ROWS, STAGE_FACTS, type StageDef } from "~/lifecycle/rules";
import { handleStageForm } from "~/lifecycle/stage-form.server";
import { accountsPerStage, getStages } from "~/lifecycle/stages.server";
import { ruleText, teamLabel } from "~/lifecycle/ui";
import { db } from "~/db.server";
import scoringStyles from "~/styles/scoring.css";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Lifecycle stages · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [stages, counts, saved] = await Promise.all([getStages(), accountsPerStage(), db.lifecycleStageDef.count()]);
  return { stages: stages.map((s) => ({ ...s, accounts: counts.get(s.code) ?? 0 })), usingDefaults: saved === 0 };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const result = await handleStageForm(await readFormData(request), t, admin.id);
  if (!result.ok) return formFailure({ errors: result.errors, formError: result.errors.form ?? t("error.form"), values: result.values }, result.status);
  return redirectWithToast("/admin/lifecycle", result.toast);
}

function StageFields({ prefix, stage, values, errors }: { prefix: string; stage?: StageDef; values?: Record<string, string>; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  const value = (name: string, fallback: string) => values?.[`${prefix}.${name}`] ?? fallback;
  return (
    <>
      <div className="stage-fields">
        <TextField label={t("lifecycle.nameEn")} name={`${prefix}.nameEn`} required maxLength={60} defaultValue={value("nameEn", stage?.nameEn ?? "")} error={errors?.[`${prefix}.nameEn`]} />
        <TextField label={t("lifecycle.nameJa")} name={`${prefix}.nameJa`} required maxLength={60} defaultValue={value("nameJa", stage?.nameJa ?? "")} error={errors?.[`${prefix}.nameJa`]} />
        <SelectField
          label={t("lifecycle.team")}
          name={`${prefix}.team`}
          defaultValue={value("team", stage?.team ?? "success")}
          error={errors?.[`${prefix}.team`]}
          options={TEAMS.map((team) => ({ value: team, label: t(`lifecycle.team.${team}`) }))}
        />
      </div>
      <div className="stage-rules">
        {Array.from({ length: RULE_ROWS }, (_, i) => {
          const rule = stage?.rules[i];
          const error = errors?.[`${prefix}.rule.${i}`];
          return (
            <div key={i} role="group" aria-label={t("lifecycle.rule", { n: i + 1 })}>
              <div className="stage-rule">
                <SelectField
                  label={t("lifecycle.rule", { n: i + 1 })}
                  name={`${prefix}.rule.${i}.fact`}
                  defaultValue={value(`rule.${i}.fact`, rule?.fact ?? "")}
                  options={[{ value: "", label: t("lifecycle.ruleNone") }, ...STAGE_FACTS.map((fact) => ({ value: fact, label: t(`lifecycle.fact.${fact}`) }))]}
                />
                <SelectField
                  label={t("lifecycle.ruleOp")}
                  name={`${prefix}.rule.${i}.op`}
                  defaultValue={value(`rule.${i}.op`, rule?.op ?? "gte")}
                  options={RULE_OPS.map((op) => ({ value: op, label: t(`lifecycle.op.${op}`) }))}
                />
                <TextField label={t("lifecycle.ruleValue")} name={`${prefix}.rule.${i}.value`} type="number" min={0} max={100000} defaultValue={value(`rule.${i}.value`, rule ? String(rule.value) : "")} />
              </div>
              {error ? (
                <p className="field__error" role="alert">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}

export default function LifecycleAdminPage() {
  const { stages, usingDefaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("lifecycle.title")}</h1>
      <p className="lead">{t("lifecycle.lead")}</p>
      {usingDefaults ? <p className="muted">{t("lifecycle.defaults")}</p> : null}
      <FormError message={actionData?.formError} />
      {stages.map((stage, index) => (
        <section key={stage.code} className="card stage-card" aria-labelledby={`stage-${stage.code}`}>
          <div className="stage-card__head">
            <h2 id={`stage-${stage.code}`}>
              {stage.code} {locale === "ja" ? stage.nameJa : stage.nameEn}
            </h2>
            <div className="inline-form">
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="code" value={stage.code} />
                <button type="submit" name="direction" value="up" className="button button--ghost button--small" disabled={busy || index === 0} aria-label={t("lifecycle.moveUp", { code: stage.code })}>
                  ↑
                </button>
                <button type="submit" name="direction" value="down" className="button button--ghost button--small" disabled={busy || index === stages.length - 1} aria-label={t("lifecycle.moveDown", { code: stage.code })}>
                  ↓
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="code" value={stage.code} />
                <button type="submit" className="button button--ghost button--small" disabled={busy || stage.accounts > 0}>
                  {t("lifecycle.delete", { code: stage.code })}
                </button>
              </Form>
            </div>
          </div>
          <p className="muted">
            {t("lifecycle.col.team")}: {teamLabel(t, stage.team)} · {t("lifecycle.col.accounts")}: {stage.accounts} · {t("lifecycle.col.rules")}:{" "}
            {stage.rules.length ? stage.rules.map((r) => ruleText(t, r)).join(locale === "ja" ? "、" : "; ") : t("lifecycle.rulesNone")}
          </p>
          <details>
            <summary>{t("lifecycle.edit", { code: stage.code })}</summary>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="code" value={stage.code} />
              <StageFields prefix={stage.code} stage={stage} values={actionData?.values} errors={actionData?.errors} />
              <div>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t("lifecycle.save")}
                </button>
              </div>
            </Form>
          </details>
        </section>
      ))}
      <section className="card stage-card" aria-labelledby="stage-new">
        <h2 id="stage-new">{t("lifecycle.add")}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add" />
          <TextField label={t("lifecycle.code")} name="new.code" required maxLength={12} hint={t("lifecycle.codeHint")} defaultValue={actionData?.values["new.code"]} error={actionData?.errors["new.code"]} />
          <StageFields prefix="new" values={actionData?.values} errors={actionData?.errors} />
          <div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("lifecycle.add")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
