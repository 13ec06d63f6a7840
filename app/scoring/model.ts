// The account health model: which components count how much, where the bands start, which
// segments (lifecycle stage or plan) weigh differently, the product's key features and the alert
// thresholds. Admins edit it (app/routes/admin.health-model.tsx); every save is a new version.
// Pure: shared by the computation, the form and the tests.

export const COMPONENTS = ["adoption", "enablement", "community", "relationship", "momentum"] as const;
export type ComponentKey = (typeof COMPONENTS)[number];
export type Weights = Record<ComponentKey, number>;

export const BANDS = ["green", "yellow", "red"] as const;
export type Band = (typeof BANDS)[number];

export type SegmentKind = "stage" | "plan";
export type Segment = { kind: SegmentKind; value: string; weights: Weights };

export type AlertSettings = {
  /** Raise "score fell" when the score is this many points under its 30-day high. */
  scoreDropPoints: number;
  /** Raise "no activity" after this many days without an event or an active user. */
  noActivityDays: number;
  /** Raise "unanswered question" when an at-risk account's question waits this many hours. */
  unansweredHours: number;
};

export type HealthModelConfig = {
  weights: Weights;
  /** A score at or above `green` is green, at or above `yellow` yellow, below that red. */
  bands: { green: number; yellow: number };
  segments: Segment[];
  /** Feature keys in the product-usage data that show real adoption (AccountUsageDay.featureCounts). */
  keyFeatures: string[];
  alerts: AlertSettings;
};

export const DEFAULT_MODEL: HealthModelConfig = {
  weights: { adoption: 30, enablement: 20, community: 15, relationship: 20, momentum: 15 },
  bands: { green: 70, yellow: 45 },
  segments: [],
  keyFeatures: ["email", "scoring", "forms", "landing_pages", "workflows", "reports"],
  alerts: { scoreDropPoints: 15, noActivityDays: 21, unansweredHours: 48 },
};

/** A problem with a model: the form field it belongs to and a message key with its parameters. */
export type ModelIssue = { field: string; key: ModelIssueKey; params?: Record<string, string | number> };
export type ModelIssueKey =
  | "scoring.error.weight"
  | "scoring.error.weightsSum"
  | "scoring.error.band"
  | "scoring.error.bandsOrder"
  | "scoring.error.segmentValue"
  | "scoring.error.segmentDuplicate"
  | "scoring.error.keyFeatures"
  | "scoring.error.alertNumber";

const FEATURE_KEY = /^[a-z0-9_]{1,40}$/;

export function weightSum(weights: Weights): number {
  return COMPONENTS.reduce((sum, key) => sum + weights[key], 0);
}

function weightIssues(weights: Weights, prefix: string): ModelIssue[] {
  const issues: ModelIssue[] = [];
  for (const key of COMPONENTS) {
    const value = weights[key];
    if (!Number.isInteger(value) || value < 0 || value > 100) issues.push({ field: `${prefix}${key}`, key: "scoring.error.weight" });
  }
  if (issues.length === 0 && weightSum(weights) !== 100) {
    issues.push({ field: `${prefix}sum`, key: "scoring.error.weightsSum", params: { sum: weightSum(weights) } });
  }
  return issues;
}

/**
 * Everything wrong with a model, as field-level issues; an empty list means it can be saved.
 * `stageCodes` are the lifecycle stages a stage segment may name.
 */
export function validateModel(config: HealthModelConfig, stageCodes: readonly string[], plans: readonly string[]): ModelIssue[] {
  const issues = weightIssues(config.weights, "weight.");
  const { green, yellow } = config.bands;
  for (const [field, value] of [["green", green], ["yellow", yellow]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 100) issues.push({ field, key: "scoring.error.band" });
  }
  if (!issues.some((i) => i.field === "green" || i.field === "yellow") && green <= yellow) {
    issues.push({ field: "yellow", key: "scoring.error.bandsOrder", params: { green, yellow } });
  }
  const seen = new Set<string>();
  config.segments.forEach((segment, index) => {
    const prefix = `segment.${index}.`;
    const valid = segment.kind === "stage" ? stageCodes.includes(segment.value) : segment.kind === "plan" && plans.includes(segment.value);
    if (!valid) issues.push({ field: `${prefix}value`, key: "scoring.error.segmentValue" });
    const id = segmentId(segment);
    if (seen.has(id)) issues.push({ field: `${prefix}value`, key: "scoring.error.segmentDuplicate", params: { segment: id } });
    seen.add(id);
    issues.push(...weightIssues(segment.weights, `${prefix}weight.`));
  });
  if (config.keyFeatures.length === 0 || config.keyFeatures.length > 30 || !config.keyFeatures.every((f) => FEATURE_KEY.test(f))) {
    issues.push({ field: "keyFeatures", key: "scoring.error.keyFeatures" });
  }
  const limits: Record<keyof AlertSettings, [number, number]> = { scoreDropPoints: [1, 100], noActivityDays: [1, 180], unansweredHours: [1, 720] };
  for (const key of Object.keys(limits) as Array<keyof AlertSettings>) {
    const [min, max] = limits[key];
    const value = config.alerts[key];
    if (!Number.isInteger(value) || value < min || value > max) issues.push({ field: `alert.${key}`, key: "scoring.error.alertNumber", params: { min, max } });
  }
  return issues;
}

export function segmentId(segment: Pick<Segment, "kind" | "value">): string {
  return `${segment.kind}:${segment.value}`;
}

/**
 * The weights for an account: a segment for its lifecycle stage wins over one for its plan,
 * which wins over the model's default weights.
 */
export function weightsFor(config: HealthModelConfig, account: { stage: string; plan: string }): { weights: Weights; segment: string } {
  const byStage = config.segments.find((s) => s.kind === "stage" && s.value === account.stage);
  if (byStage) return { weights: byStage.weights, segment: segmentId(byStage) };
  const byPlan = config.segments.find((s) => s.kind === "plan" && s.value === account.plan);
  if (byPlan) return { weights: byPlan.weights, segment: segmentId(byPlan) };
  return { weights: config.weights, segment: "default" };
}

export function bandFor(score: number, bands: HealthModelConfig["bands"]): Band {
  if (score >= bands.green) return "green";
  if (score >= bands.yellow) return "yellow";
  return "red";
}

/** Lower is worse: red 0, yellow 1, green 2. */
export function bandRank(band: string): number {
  return band === "green" ? 2 : band === "yellow" ? 1 : 0;
}

/**
 * Reads a stored config. Versions saved before a setting existed get that setting's default, so
 * an old row never breaks the computation.
 */
export function parseStoredModel(json: string): HealthModelConfig {
  const raw = JSON.parse(json) as Partial<HealthModelConfig>;
  return {
    weights: { ...DEFAULT_MODEL.weights, ...raw.weights },
    bands: { ...DEFAULT_MODEL.bands, ...raw.bands },
    segments: (raw.segments ?? []).map((s) => ({ kind: s.kind, value: s.value, weights: { ...DEFAULT_MODEL.weights, ...s.weights } })),
    keyFeatures: raw.keyFeatures?.length ? raw.keyFeatures : DEFAULT_MODEL.keyFeatures,
    alerts: { ...DEFAULT_MODEL.alerts, ...raw.alerts },
  };
}
