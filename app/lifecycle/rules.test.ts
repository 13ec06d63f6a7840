import { emptyFacts } from "~/scoring/facts";
import { DEFAULT_STAGES } from "./defaults";
import { automaticMoves, ruleEvidence, ruleHolds, stageFactValues, stageRulesHold, type FactValues } from "./rules";

const NOW = new Date(Date.UTC(2026, 10, 15));

function values(patch: Partial<FactValues> = {}): FactValues {
  const base = stageFactValues(emptyFacts({ plan: "growth", stage: "L01", seats: 10 }), {
    healthScore: 0,
    keyFeatures: ["email", "forms"],
    asOf: NOW,
    renewalDate: null,
    createdAt: new Date(Date.UTC(2026, 0, 1)),
  });
  return { ...base, ...patch };
}

describe("stageFactValues", () => {
  test("derives the numbers rules test from the facts", () => {
    const facts = emptyFacts({ plan: "growth", stage: "L03", seats: 20 });
    facts.usage = { ...facts.usage, hasData: true, avgActive30: 11, minActive30: 4, days30: 30, featuresUsed30: ["email", "other"] };
    facts.learning.onboardingCompleted = 2;
    facts.personas.executive.engaged = 1;
    const v = stageFactValues(facts, { healthScore: 71, keyFeatures: ["email", "forms"], asOf: NOW, renewalDate: new Date(Date.UTC(2027, 0, 14)), createdAt: new Date(Date.UTC(2026, 10, 5)) });
    expect(v).toMatchObject({
      seatUtilisation: 55,
      minActiveUsers30: 4,
      keyFeaturesUsed30: 1,
      onboardingCompleters: 2,
      executivesEngaged90: 1,
      healthScore: 71,
      daysToRenewal: 60,
      accountAgeDays: 10,
    });
  });

  test("seats 0 and no renewal date leave those facts unknown, and rules on them fail", () => {
    const v = stageFactValues(emptyFacts({ plan: "growth", stage: "L01", seats: 0 }), { healthScore: 0, keyFeatures: [], asOf: NOW, renewalDate: null, createdAt: NOW });
    expect(v.seatUtilisation).toBeNull();
    expect(v.daysToRenewal).toBeNull();
    expect(ruleHolds({ fact: "seatUtilisation", op: "lte", value: 100 }, v)).toBe(false);
    expect(ruleHolds({ fact: "daysToRenewal", op: "lte", value: 90 }, v)).toBe(false);
  });
});

describe("rules", () => {
  test("≥ and ≤ include the boundary", () => {
    expect(ruleHolds({ fact: "minActiveUsers30", op: "gte", value: 3 }, values({ minActiveUsers30: 3 }))).toBe(true);
    expect(ruleHolds({ fact: "minActiveUsers30", op: "gte", value: 3 }, values({ minActiveUsers30: 2 }))).toBe(false);
    expect(ruleHolds({ fact: "daysToRenewal", op: "lte", value: 90 }, values({ daysToRenewal: 90 }))).toBe(true);
  });

  test("a stage needs every rule to hold, and a stage without rules is never entered automatically", () => {
    const l04 = DEFAULT_STAGES.find((s) => s.code === "L04")!;
    expect(stageRulesHold(l04, values({ keyFeaturesUsed30: 2, onboardingCompleters: 1 }))).toBe(true);
    expect(stageRulesHold(l04, values({ keyFeaturesUsed30: 2, onboardingCompleters: 0 }))).toBe(false);
    expect(stageRulesHold(DEFAULT_STAGES[0]!, values({ members: 100 }))).toBe(false);
  });
});

describe("automaticMoves", () => {
  test("moves forward through consecutive stages whose rules hold, and stops at the first that does not", () => {
    const v = values({ members: 2, usageDays30: 30, keyFeaturesUsed30: 2, onboardingCompleters: 1, minActiveUsers30: 1 });
    expect(automaticMoves(DEFAULT_STAGES, "L01", v).map((s) => s.code)).toEqual(["L02", "L03", "L04"]);
    expect(automaticMoves(DEFAULT_STAGES, "L04", v)).toEqual([]);
  });

  test("never moves backwards, whatever the facts", () => {
    expect(automaticMoves(DEFAULT_STAGES, "L07", values())).toEqual([]);
  });

  test("an unknown current stage does not move", () => {
    expect(automaticMoves(DEFAULT_STAGES, "X99", values({ members: 5 }))).toEqual([]);
  });

  test("the evidence names the facts the rules looked at", () => {
    const l05 = DEFAULT_STAGES.find((s) => s.code === "L05")!;
    expect(ruleEvidence(l05, values({ minActiveUsers30: 4 }))).toEqual({ minActiveUsers30: 4 });
  });

  test("the default lifecycle is the ten stages L01–L10 with an owning team each", () => {
    expect(DEFAULT_STAGES.map((s) => s.code)).toEqual(["L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10"]);
    expect(DEFAULT_STAGES.every((s) => s.team.length > 0)).toBe(true);
  });
});
