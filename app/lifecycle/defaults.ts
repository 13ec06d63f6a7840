// The default lifecycle: the ten stages L01–L10 of app/accounts/lifecycle.ts, from signing to
// advocacy, each with the team that owns it and the facts that say the customer got there.
// Admins can change all of it (app/routes/admin.lifecycle.tsx); these apply until they do.
import { LIFECYCLE_STAGES } from "~/accounts/lifecycle";
import type { StageDef, StageRule } from "./rules";

export const TEAMS = ["sales", "onboarding", "success", "renewals", "community"] as const;

const RULES: Record<string, { team: string; rules: StageRule[] }> = {
  L01: { team: "sales", rules: [] },
  L02: { team: "onboarding", rules: [{ fact: "members", op: "gte", value: 1 }] },
  L03: { team: "onboarding", rules: [{ fact: "usageDays30", op: "gte", value: 1 }] },
  L04: {
    team: "onboarding",
    rules: [
      { fact: "keyFeaturesUsed30", op: "gte", value: 2 },
      { fact: "onboardingCompleters", op: "gte", value: 1 },
    ],
  },
  L05: { team: "success", rules: [{ fact: "minActiveUsers30", op: "gte", value: 3 }] },
  L06: {
    team: "success",
    rules: [
      { fact: "seatUtilisation", op: "gte", value: 50 },
      { fact: "keyFeaturesUsed30", op: "gte", value: 4 },
    ],
  },
  L07: {
    team: "success",
    rules: [
      { fact: "advancedPathCompleters", op: "gte", value: 1 },
      { fact: "healthScore", op: "gte", value: 70 },
    ],
  },
  L08: { team: "renewals", rules: [{ fact: "daysToRenewal", op: "lte", value: 90 }] },
  L09: {
    team: "sales",
    rules: [
      { fact: "seatUtilisation", op: "gte", value: 90 },
      { fact: "executivesEngaged90", op: "gte", value: 1 },
    ],
  },
  L10: {
    team: "community",
    rules: [
      { fact: "activeChampions", op: "gte", value: 1 },
      { fact: "answers90", op: "gte", value: 5 },
    ],
  },
};

export const DEFAULT_STAGES: StageDef[] = LIFECYCLE_STAGES.map((stage, index) => ({
  code: stage.code,
  position: index + 1,
  nameEn: stage.en,
  nameJa: stage.ja,
  team: RULES[stage.code]!.team,
  rules: RULES[stage.code]!.rules,
}));
