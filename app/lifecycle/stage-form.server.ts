// The admin lifecycle page's forms: save one stage, add a stage, move a stage up or down, delete
// an unused stage. Each works on the whole ordered list and saves it (saveStages).
import type { Toast } from "~/utils/toast.server";
import type { Translate } from "~/i18n/messages";
import type { FieldErrors } from "~/utils/validation.server";
import { formValues } from "~/utils/validation.server";
import { TEAMS } from "./defaults";
import { isStageFact, RULE_OPS, RULE_ROWS, type RuleOp, type StageDef, type StageRule } from "./rules";
import { accountsPerStage, getStages, saveStages } from "./stages.server";

const CODE = /^[A-Z0-9_-]{1,12}$/;

export type StageFormResult = { ok: true; toast: Toast } | { ok: false; status: number; errors: FieldErrors; values: Record<string, string> };

/** Reads name, team and rules of one stage form; `prefix` is the stage code or "new". */
function readStage(formData: FormData, prefix: string, code: string, t: Translate, errors: FieldErrors): Omit<StageDef, "position"> {
  const text = (name: string) => String(formData.get(`${prefix}.${name}`) ?? "").trim();
  const nameEn = text("nameEn");
  const nameJa = text("nameJa");
  const team = text("team");
  for (const [field, value] of [["nameEn", nameEn], ["nameJa", nameJa]] as const) {
    if (!value) errors[`${prefix}.${field}`] = t("error.required");
    else if (value.length > 60) errors[`${prefix}.${field}`] = t("error.tooLong", { max: 60 });
  }
  if (!(TEAMS as readonly string[]).includes(team)) errors[`${prefix}.team`] = t("error.invalidChoice");
  const rules: StageRule[] = [];
  for (let i = 0; i < RULE_ROWS; i++) {
    const fact = text(`rule.${i}.fact`);
    const op = text(`rule.${i}.op`);
    const raw = text(`rule.${i}.value`);
    if (!fact && !raw) continue;
    const value = Number(raw);
    if (!isStageFact(fact) || !RULE_OPS.includes(op as RuleOp) || raw === "") errors[`${prefix}.rule.${i}`] = t("lifecycle.error.ruleIncomplete");
    else if (!Number.isFinite(value) || value < 0 || value > 100_000) errors[`${prefix}.rule.${i}`] = t("lifecycle.error.ruleValue");
    else rules.push({ fact, op: op as RuleOp, value });
  }
  return { code, nameEn, nameJa, team, rules };
}

export async function handleStageForm(formData: FormData, t: Translate, actorId: string): Promise<StageFormResult> {
  const intent = String(formData.get("intent") ?? "");
  const code = String(formData.get("code") ?? "").trim();
  const stages = await getStages();
  const index = stages.findIndex((s) => s.code === code);
  const errors: FieldErrors = {};
  const failure = (status = 400): StageFormResult => ({ ok: false, status, errors, values: formValues(formData) });

  if (intent === "add") {
    const newCode = String(formData.get("new.code") ?? "").trim().toUpperCase();
    if (!CODE.test(newCode)) errors["new.code"] = t("lifecycle.error.code");
    else if (stages.some((s) => s.code === newCode)) errors["new.code"] = t("lifecycle.error.codeTaken");
    const stage = readStage(formData, "new", newCode, t, errors);
    if (Object.keys(errors).length) return failure();
    await saveStages([...stages, { ...stage, position: stages.length + 1 }], actorId);
    return { ok: true, toast: { type: "success", key: "lifecycle.added", params: { code: newCode } } };
  }

  if (index === -1) {
    errors.form = t("lifecycle.error.unknownStage");
    return failure(404);
  }

  if (intent === "save") {
    const stage = readStage(formData, code, code, t, errors);
    if (Object.keys(errors).length) return failure();
    await saveStages(stages.map((s, i) => (i === index ? { ...stage, position: s.position } : s)), actorId);
    return { ok: true, toast: { type: "success", key: "lifecycle.saved", params: { code } } };
  }

  if (intent === "move") {
    const target = formData.get("direction") === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= stages.length) return { ok: true, toast: { type: "info", key: "lifecycle.moved" } };
    const reordered = [...stages];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    await saveStages(reordered, actorId);
    return { ok: true, toast: { type: "success", key: "lifecycle.moved" } };
  }

  if (intent === "delete") {
    const inUse = (await accountsPerStage()).get(code) ?? 0;
    if (inUse > 0) errors.form = t("lifecycle.error.inUse", { count: inUse });
    else if (stages.length === 1) errors.form = t("lifecycle.error.lastStage");
    if (Object.keys(errors).length) return failure(409);
    await saveStages(
      stages.filter((s) => s.code !== code),
      actorId,
    );
    return { ok: true, toast: { type: "success", key: "lifecycle.deleted", params: { code } } };
  }

  throw new Response("Unknown form", { status: 400 });
}
