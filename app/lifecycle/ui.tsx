// The lifecycle panel of the staff account page: current stage and owning team, what the next
// stage needs, the override form and the hand-off history. Styles in app/styles/scoring.css.
import { Form } from "@remix-run/react";
import { SelectField, TextAreaField } from "~/components/form";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatDateTime } from "~/utils/format";
import { TEAMS } from "./defaults";
import { isStageFact, type StageRule } from "./rules";
import type { LifecyclePanelData } from "./stages.server";

export function teamLabel(t: Translate, team: string): string {
  return (TEAMS as readonly string[]).includes(team) ? t(`lifecycle.team.${team as (typeof TEAMS)[number]}`) : team;
}

export function ruleText(t: Translate, rule: StageRule): string {
  return t("lifecycle.ruleText", { fact: t(`lifecycle.fact.${rule.fact}`), op: t(`lifecycle.op.${rule.op}`), value: rule.value });
}

export function LifecyclePanel({
  data,
  errors,
  values,
  busy,
}: {
  data: LifecyclePanelData;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  busy?: boolean;
}) {
  const { t, locale } = useTranslation();
  const name = (s: { code: string; nameEn: string; nameJa: string }) => `${s.code} ${locale === "ja" ? s.nameJa : s.nameEn}`;
  return (
    <section className="section card lifecycle" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t("lifecycle.panel.title")}</h2>
      {data.current ? (
        <p>
          <span className="badge badge--large">{name(data.current)}</span> {t("lifecycle.panel.owner", { team: teamLabel(t, data.current.team) })}
        </p>
      ) : null}
      <p className="muted">
        {data.next
          ? data.next.rules.length
            ? t("lifecycle.panel.next", { stage: name(data.next), rules: data.next.rules.map((r) => ruleText(t, r)).join(locale === "ja" ? "、" : "; ") })
            : t("lifecycle.panel.nextManual", { stage: name(data.next) })
          : t("lifecycle.panel.last")}
      </p>
      {data.heldUntil ? <p className="muted">{t("lifecycle.panel.held", { date: formatDate(data.heldUntil, locale) })}</p> : null}

      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="stage-override" />
        <h3>{t("lifecycle.override.title")}</h3>
        <SelectField
          label={t("lifecycle.override.stage")}
          name="stage"
          defaultValue={values?.stage ?? data.current?.code}
          error={errors?.stage}
          options={data.stages.map((s) => ({ value: s.code, label: name(s) }))}
        />
        <TextAreaField label={t("lifecycle.override.reason")} name="reason" rows={2} maxLength={500} defaultValue={values?.reason} error={errors?.reason} hint={t("lifecycle.override.hint")} />
        <div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("lifecycle.override.submit")}
          </button>
        </div>
      </Form>

      <h3>{t("lifecycle.history.title")}</h3>
      {data.history.length === 0 ? (
        <p className="muted">{t("lifecycle.history.empty")}</p>
      ) : (
        <ol className="plain-list lifecycle__history">
          {data.history.map((h) => (
            <li key={h.id}>
              <strong>{t("lifecycle.history.move", { from: h.fromStage, to: h.toStage })}</strong>{" "}
              <span className="muted">
                {formatDateTime(h.createdAt, locale)} ·{" "}
                {h.kind === "auto"
                  ? t("lifecycle.history.kind.auto")
                  : t(h.kind === "override" ? "lifecycle.history.kind.override" : "lifecycle.history.kind.admin", { name: h.actorName ?? t("lifecycle.history.someone") })}
              </span>
              {h.reason ? <div>{h.reason}</div> : null}
              {h.kind === "auto" && Object.keys(h.evidence).length ? (
                <div className="muted">
                  {t("lifecycle.history.evidence", {
                    facts: Object.entries(h.evidence)
                      .filter(([fact]) => isStageFact(fact))
                      .map(([fact, value]) => `${t(`lifecycle.fact.${fact as StageRule["fact"]}`)} ${value ?? "—"}`)
                      .join(locale === "ja" ? "、" : "; "),
                  })}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
