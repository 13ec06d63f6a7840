// Reads the admin health-model form into a HealthModelConfig and checks it with validateModel,
// turning issues into per-field messages in the admin's language.
import type { Translate } from "~/i18n/messages";
import { formValues, type FieldErrors } from "~/utils/validation.server";
import { COMPONENTS, validateModel, type HealthModelConfig, type Segment, type SegmentKind, type Weights } from "./model";


export const MAX_SEGMENTS = 30;

function readNumber(formData: FormData, name: string): number {
  const raw = String(formData.get(name) ?? "").trim();
  return raw === "" ? Number.NaN : Number(raw);
}

function readWeights(formData: FormData, prefix: string): Weights {
  return Object.fromEntries(COMPONENTS.map((key) => [key, readNumber(formData, `${prefix}${key}`)])) as Weights;
}

export type ModelFormResult =
  | { ok: true; config: HealthModelConfig; note: string }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

export function parseModelForm(formData: FormData, t: Translate, stageCodes: readonly string[], plans: readonly string[]): ModelFormResult {
  const segments: Segment[] = [];
  // Which form row each kept segment came from, so an issue lands on the right fields.
  const formIndex: number[] = [];
  for (let i = 0; i < MAX_SEGMENTS + 1 && formData.has(`segment.${i}.target`); i++) {
    if (formData.get(`segment.${i}.remove`) === "on") continue;
    const target = String(formData.get(`segment.${i}.target`) ?? "");
    const weightsBlank = COMPONENTS.every((key) => String(formData.get(`segment.${i}.weight.${key}`) ?? "").trim() === "");
    // The empty "add a segment" row is not a segment.
    if (target === "" && weightsBlank) continue;
    const [kind, value] = target.includes(":") ? (target.split(":", 2) as [string, string]) : ["", ""];
    segments.push({ kind: (kind === "plan" ? "plan" : "stage") as SegmentKind, value: kind === "stage" || kind === "plan" ? value : "", weights: readWeights(formData, `segment.${i}.weight.`) });
    formIndex.push(i);
  }
  const config: HealthModelConfig = {
    weights: readWeights(formData, "weight."),
    bands: { green: readNumber(formData, "green"), yellow: readNumber(formData, "yellow") },
    segments,
    keyFeatures: [
      ...new Set(
        String(formData.get("keyFeatures") ?? "")
          .split(/[,、\s]+/)
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean),
      ),
    ],
    alerts: {
      scoreDropPoints: readNumber(formData, "alert.scoreDropPoints"),
      noActivityDays: readNumber(formData, "alert.noActivityDays"),
      unansweredHours: readNumber(formData, "alert.unansweredHours"),
    },
  };
  const errors: FieldErrors = {};
  if (segments.length > MAX_SEGMENTS) errors.segments = t("error.tooLong", { max: MAX_SEGMENTS });
  for (const issue of validateModel(config, stageCodes, plans)) {
    const field = issue.field.replace(/^segment\.(\d+)\./, (_, index: string) => `segment.${formIndex[Number(index)]}.`);
    errors[field] ??= t(issue.key, issue.params);
  }
  if (Object.keys(errors).length) return { ok: false, errors, values: formValues(formData) };
  return { ok: true, config, note: String(formData.get("note") ?? "").trim().slice(0, 500) };
}
