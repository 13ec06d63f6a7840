// The five health components, each a score from 0 to 100 computed from an account's facts, with
// the facts that explain it, and their weighted combination into the overall score and band.
// Pure and deterministic: the same facts and model always give the same numbers.
import type { AccountFacts } from "./facts";
import { round2 } from "./facts";
import { COMPONENTS, bandFor, weightsFor, type Band, type ComponentKey, type HealthModelConfig, type Weights } from "./model";

/** A fact behind a component, as a message key and its parameters (rendered in the reader's language). */
export type Fact = { key: FactKey; params: Record<string, string | number> };
export type FactKey =
  | "scoring.fact.noUsage"
  | "scoring.fact.seatUse"
  | "scoring.fact.noSeats"
  | "scoring.fact.features"
  | "scoring.fact.noMembers"
  | "scoring.fact.learners"
  | "scoring.fact.items"
  | "scoring.fact.tiers"
  | "scoring.fact.onboarding"
  | "scoring.fact.qa"
  | "scoring.fact.groups"
  | "scoring.fact.champions"
  | "scoring.fact.engaged"
  | "scoring.fact.practitioners"
  | "scoring.fact.managers"
  | "scoring.fact.executives"
  | "scoring.fact.activityTrend"
  | "scoring.fact.usageTrend"
  | "scoring.fact.noActivity";

export type ComponentResult = { key: ComponentKey; score: number | null; facts: Fact[] };

/** Targets at which a part of a component reaches full marks. */
export const TARGETS = {
  /** Different items completed across the account. */
  distinctItems: 10,
  /** Questions + 2 × answers + 2 × accepted answers in 90 days. */
  qaPoints: 10,
  groupMembers: 2,
  attendances: 4,
} as const;

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
const pct = (value: number) => Math.round(value * 100);

/** Engaged people needed for full breadth: a tenth of the seats, at least 3 and at most 10. */
export function engagedTarget(seats: number): number {
  return Math.min(10, Math.max(3, Math.ceil(seats / 10)));
}

/** Product adoption: active users against licensed seats (70 %) and key features used (30 %), last 30 days. */
export function adoptionScore(f: AccountFacts, keyFeatures: string[]): ComponentResult {
  if (!f.usage.hasData) return { key: "adoption", score: null, facts: [{ key: "scoring.fact.noUsage", params: {} }] };
  const used = keyFeatures.filter((k) => f.usage.featuresUsed30.includes(k)).length;
  const featureShare = keyFeatures.length ? used / keyFeatures.length : 0;
  const facts: Fact[] = [];
  let score: number;
  if (f.seats > 0) {
    const seatShare = clamp01(f.usage.avgActive30 / f.seats);
    facts.push({ key: "scoring.fact.seatUse", params: { active: round1(f.usage.avgActive30), seats: f.seats, percent: pct(f.usage.avgActive30 / f.seats) } });
    score = 100 * (0.7 * seatShare + 0.3 * featureShare);
  } else {
    // Without licensed seats there is nothing to measure use against: features carry it all.
    facts.push({ key: "scoring.fact.noSeats", params: {} });
    score = 100 * featureShare;
  }
  facts.push({ key: "scoring.fact.features", params: { used, total: keyFeatures.length } });
  return { key: "adoption", score: Math.round(score), facts };
}

/** Enablement: members who completed something (40 %), breadth of items (20 %), tier progression (40 %). */
export function enablementScore(f: AccountFacts): ComponentResult {
  if (f.members === 0) return { key: "enablement", score: 0, facts: [{ key: "scoring.fact.noMembers", params: {} }] };
  const { learners, distinctItems, topTier } = f.learning;
  const none = Math.max(0, f.members - topTier.beginner - topTier.intermediate - topTier.advanced);
  // Each member's highest tier on a 0–1 scale: none 0, beginner ⅓, intermediate ⅔, advanced 1.
  const progression = (topTier.beginner + 2 * topTier.intermediate + 3 * topTier.advanced) / (3 * f.members);
  const score = 40 * clamp01(learners / f.members) + 20 * clamp01(distinctItems / TARGETS.distinctItems) + 40 * clamp01(progression);
  return {
    key: "enablement",
    score: Math.round(score),
    facts: [
      { key: "scoring.fact.learners", params: { learners, members: f.members } },
      { key: "scoring.fact.items", params: { items: distinctItems, target: TARGETS.distinctItems } },
      { key: "scoring.fact.tiers", params: { advanced: topTier.advanced, intermediate: topTier.intermediate, beginner: topTier.beginner, none } },
      { key: "scoring.fact.onboarding", params: { completed: f.learning.onboardingCompleted, members: f.members } },
    ],
  };
}

/** Community, last 90 days: Q&A (35 %), study groups (20 % members, 15 % attendance), a champion (30 %). */
export function communityScore(f: AccountFacts): ComponentResult {
  if (f.members === 0) return { key: "community", score: 0, facts: [{ key: "scoring.fact.noMembers", params: {} }] };
  const c = f.community;
  const qaPoints = c.asked90 + 2 * c.answered90 + 2 * c.acceptedAnswers90;
  const score =
    35 * clamp01(qaPoints / TARGETS.qaPoints) +
    20 * clamp01(c.groupMembers / TARGETS.groupMembers) +
    15 * clamp01(c.attended90 / TARGETS.attendances) +
    (c.activeChampions > 0 ? 30 : 0);
  return {
    key: "community",
    score: Math.round(score),
    facts: [
      { key: "scoring.fact.qa", params: { asked: c.asked90, answered: c.answered90, accepted: c.acceptedAnswers90 } },
      { key: "scoring.fact.groups", params: { members: c.groupMembers, attended: c.attended90 } },
      { key: "scoring.fact.champions", params: { count: c.activeChampions } },
    ],
  };
}

/** Relationship breadth: engaged people against a seat-based target (40 %) and each persona engaged (20 % each). */
export function relationshipScore(f: AccountFacts): ComponentResult {
  if (f.members === 0) return { key: "relationship", score: 0, facts: [{ key: "scoring.fact.noMembers", params: {} }] };
  const target = engagedTarget(f.seats);
  const p = f.personas;
  const score =
    40 * clamp01(f.engaged90 / target) +
    (p.practitioner.engaged > 0 ? 20 : 0) +
    (p.manager.engaged > 0 ? 20 : 0) +
    (p.executive.engaged > 0 ? 20 : 0);
  return {
    key: "relationship",
    score: Math.round(score),
    facts: [
      { key: "scoring.fact.engaged", params: { engaged: f.engaged90, target } },
      { key: "scoring.fact.practitioners", params: { engaged: p.practitioner.engaged, total: p.practitioner.total } },
      { key: "scoring.fact.managers", params: { engaged: p.manager.engaged, total: p.manager.total } },
      { key: "scoring.fact.executives", params: { engaged: p.executive.engaged, total: p.executive.total } },
    ],
  };
}

/**
 * One trend signal: the last 30 days against the 90 before, per day. Equal rates score 50, double
 * or more 100, nothing at all 0. A signal with nothing in either period says nothing (null).
 */
export function trendScore(recentPerDay: number, beforePerDay: number): number | null {
  if (beforePerDay <= 0) return recentPerDay > 0 ? 100 : null;
  return Math.round(Math.min(100, 50 * (recentPerDay / beforePerDay)));
}

/** Momentum: community activity and (when imported) active users, last 30 days against the 90 before. */
export function momentumScore(f: AccountFacts): ComponentResult {
  const facts: Fact[] = [];
  const signals: number[] = [];
  const activity = trendScore(f.activity.weight30 / 30, f.activity.weightPrior90 / 90);
  if (activity !== null) {
    signals.push(activity);
    facts.push({ key: "scoring.fact.activityTrend", params: { recent: round1(f.activity.weight30), before: round1(f.activity.weightPrior90 / 3) } });
  }
  if (f.usage.hasData) {
    const usage = trendScore(f.usage.avgActive30, f.usage.avgActivePrior90);
    if (usage !== null) {
      signals.push(usage);
      facts.push({ key: "scoring.fact.usageTrend", params: { recent: round1(f.usage.avgActive30), before: round1(f.usage.avgActivePrior90) } });
    }
  }
  if (signals.length === 0) return { key: "momentum", score: 0, facts: [{ key: "scoring.fact.noActivity", params: {} }] };
  return { key: "momentum", score: Math.round(signals.reduce((a, b) => a + b, 0) / signals.length), facts };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function computeComponents(f: AccountFacts, config: HealthModelConfig): ComponentResult[] {
  return [adoptionScore(f, config.keyFeatures), enablementScore(f), communityScore(f), relationshipScore(f), momentumScore(f)];
}

export type Contribution = {
  key: ComponentKey;
  score: number | null;
  /** The configured weight (percent). */
  weight: number;
  /** The weight actually applied after components without data were left out (percent). */
  effectiveWeight: number;
  /** Points this component adds to the overall score. */
  points: number;
};

export type HealthResult = {
  overall: number;
  band: Band;
  segment: string;
  weights: Weights;
  components: ComponentResult[];
  contributions: Contribution[];
};

/**
 * The weighted overall score. A component without data (null) is left out and the others'
 * weights are scaled up to fill its share, so missing data neither helps nor hurts.
 */
export function combine(components: ComponentResult[], weights: Weights): { overall: number; contributions: Contribution[] } {
  const scored = components.filter((c) => c.score !== null);
  const total = scored.reduce((sum, c) => sum + weights[c.key], 0);
  const contributions = COMPONENTS.map((key): Contribution => {
    const component = components.find((c) => c.key === key)!;
    const effectiveWeight = component.score === null || total === 0 ? 0 : (100 * weights[key]) / total;
    return { key, score: component.score, weight: weights[key], effectiveWeight: round2(effectiveWeight), points: round2(((component.score ?? 0) * effectiveWeight) / 100) };
  });
  const exact = contributions.reduce((sum, c) => sum + ((c.score ?? 0) * c.effectiveWeight) / 100, 0);
  return { overall: Math.round(exact), contributions };
}

export function computeHealth(f: AccountFacts, config: HealthModelConfig): HealthResult {
  const { weights, segment } = weightsFor(config, { stage: f.stage, plan: f.plan });
  const components = computeComponents(f, config);
  const { overall, contributions } = combine(components, weights);
  return { overall, band: bandFor(overall, config.bands), segment, weights, components, contributions };
}
