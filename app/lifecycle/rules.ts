// Lifecycle stages and their entry rules. A rule compares one fact about the account with a
// number ("onboarding path completed by ≥ 1 member", "≥ 3 active users every day for 30 days");
// a stage is entered automatically when all of its rules hold. Pure.
import type { AccountFacts } from "~/scoring/facts";
import { DAY_MS } from "~/scoring/time";

export const STAGE_FACTS = [
  "members",
  "engagedPeople90",
  "executivesEngaged90",
  "usageDays30",
  "avgActiveUsers30",
  "minActiveUsers30",
  "seatUtilisation",
  "keyFeaturesUsed30",
  "onboardingCompleters",
  "advancedPathCompleters",
  "groupMembers",
  "activeChampions",
  "answers90",
  "healthScore",
  "daysToRenewal",
  "accountAgeDays",
] as const;
export type StageFact = (typeof STAGE_FACTS)[number];

export const RULE_OPS = ["gte", "lte"] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export type StageRule = { fact: StageFact; op: RuleOp; value: number };

/** Rules a stage can have (rows in the admin form). */
export const RULE_ROWS = 3;

export type StageDef = {
  code: string;
  position: number;
  nameEn: string;
  nameJa: string;
  /** The team that owns the account in this stage. */
  team: string;
  /** All must hold to enter the stage automatically; none means the stage is entered by hand. */
  rules: StageRule[];
};

export type FactValues = Record<StageFact, number | null>;

/** The numbers stage rules can test, from an account's facts and today's health score. */
export function stageFactValues(
  facts: AccountFacts,
  context: { healthScore: number; keyFeatures: string[]; asOf: Date; renewalDate: Date | null; createdAt: Date },
): FactValues {
  const { usage, learning, community, personas } = facts;
  return {
    members: facts.members,
    engagedPeople90: facts.engaged90,
    executivesEngaged90: personas.executive.engaged,
    usageDays30: usage.days30,
    avgActiveUsers30: usage.avgActive30,
    minActiveUsers30: usage.minActive30,
    seatUtilisation: facts.seats > 0 ? Math.round((100 * usage.avgActive30) / facts.seats) : null,
    keyFeaturesUsed30: context.keyFeatures.filter((k) => usage.featuresUsed30.includes(k)).length,
    onboardingCompleters: learning.onboardingCompleted,
    advancedPathCompleters: learning.advancedPathCompleted,
    groupMembers: community.groupMembers,
    activeChampions: community.activeChampions,
    answers90: community.answered90,
    healthScore: context.healthScore,
    daysToRenewal: context.renewalDate ? Math.ceil((context.renewalDate.getTime() - context.asOf.getTime()) / DAY_MS) : null,
    accountAgeDays: Math.floor((context.asOf.getTime() - context.createdAt.getTime()) / DAY_MS),
  };
}

export function ruleHolds(rule: StageRule, values: FactValues): boolean {
  const value = values[rule.fact];
  if (value === null) return false;
  return rule.op === "gte" ? value >= rule.value : value <= rule.value;
}

/** A stage is entered automatically only if it has rules and every one of them holds. */
export function stageRulesHold(stage: StageDef, values: FactValues): boolean {
  return stage.rules.length > 0 && stage.rules.every((rule) => ruleHolds(rule, values));
}

/**
 * The stages an account moves through automatically from `current`: forward only, one stage
 * after another while each next stage's rules hold. Stops at a stage without rules (it is
 * entered by hand). An account in an unknown stage does not move.
 */
export function automaticMoves(stages: StageDef[], current: string, values: FactValues): StageDef[] {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((s) => s.code === current);
  if (index === -1) return [];
  const moves: StageDef[] = [];
  for (const next of ordered.slice(index + 1)) {
    if (!stageRulesHold(next, values)) break;
    moves.push(next);
  }
  return moves;
}

/** The facts a move's rules looked at, with their values: the evidence stored with the move. */
export function ruleEvidence(stage: StageDef, values: FactValues): Record<string, number | null> {
  return Object.fromEntries(stage.rules.map((rule) => [rule.fact, values[rule.fact]]));
}

export function isStageFact(value: string): value is StageFact {
  return (STAGE_FACTS as readonly string[]).includes(value);
}
