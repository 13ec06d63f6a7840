import {
  adoptionScore,
  combine,
  communityScore,
  computeHealth,
  enablementScore,
  engagedTarget,
  momentumScore,
  relationshipScore,
  trendScore,
  type ComponentResult,
} from "./components";
import { emptyFacts, type AccountFacts } from "./facts";
import { DEFAULT_MODEL, type Weights } from "./model";

const KEYS = DEFAULT_MODEL.keyFeatures; // six key features

function facts(patch: (f: AccountFacts) => void = () => {}): AccountFacts {
  const f = emptyFacts({ plan: "growth", stage: "L05", seats: 20 });
  patch(f);
  return f;
}

const paramsOf = (c: ComponentResult, key: string) => c.facts.find((f) => f.key === key)?.params;

describe("product adoption", () => {
  test("no usage data: not scored, and says so", () => {
    const result = adoptionScore(facts(), KEYS);
    expect(result.score).toBeNull();
    expect(result.facts.map((f) => f.key)).toEqual(["scoring.fact.noUsage"]);
  });

  test("70 % seat use + 30 % key features", () => {
    const result = adoptionScore(
      facts((f) => {
        f.usage = { ...f.usage, hasData: true, avgActive30: 10, featuresUsed30: ["email", "scoring", "forms", "not_a_key_feature"] };
      }),
      KEYS,
    );
    // 10 of 20 seats → 0.5 × 70 = 35; 3 of 6 features → 0.5 × 30 = 15.
    expect(result.score).toBe(50);
    expect(paramsOf(result, "scoring.fact.seatUse")).toEqual({ active: 10, seats: 20, percent: 50 });
    expect(paramsOf(result, "scoring.fact.features")).toEqual({ used: 3, total: 6 });
  });

  test("more active users than seats count as full seat use", () => {
    const result = adoptionScore(facts((f) => void (f.usage = { ...f.usage, hasData: true, avgActive30: 45, featuresUsed30: KEYS })), KEYS);
    expect(result.score).toBe(100);
  });

  test("seats 0: seat use is not scored; features carry the component", () => {
    const result = adoptionScore(
      facts((f) => {
        f.seats = 0;
        f.usage = { ...f.usage, hasData: true, avgActive30: 5, featuresUsed30: ["email", "forms"] };
      }),
      KEYS,
    );
    expect(result.score).toBe(33);
    expect(result.facts.map((f) => f.key)).toEqual(["scoring.fact.noSeats", "scoring.fact.features"]);
  });

  test("usage data that went to zero scores 0, not 'no data'", () => {
    expect(adoptionScore(facts((f) => void (f.usage = { ...f.usage, hasData: true })), KEYS).score).toBe(0);
  });
});

describe("enablement", () => {
  test("no members: 0", () => {
    const result = enablementScore(facts());
    expect(result.score).toBe(0);
    expect(result.facts[0]!.key).toBe("scoring.fact.noMembers");
  });

  test("coverage 40 %, breadth 20 %, tier progression 40 %", () => {
    const result = enablementScore(
      facts((f) => {
        f.members = 4;
        f.learning = { ...f.learning, learners: 2, distinctItems: 5, topTier: { beginner: 1, intermediate: 0, advanced: 1 } };
      }),
    );
    // 2/4 × 40 = 20; 5/10 × 20 = 10; (1 + 3)/(3 × 4) × 40 = 13.33 → 43.
    expect(result.score).toBe(43);
    expect(paramsOf(result, "scoring.fact.learners")).toEqual({ learners: 2, members: 4 });
    expect(paramsOf(result, "scoring.fact.tiers")).toEqual({ advanced: 1, intermediate: 0, beginner: 1, none: 2 });
  });

  test("everyone on the advanced tier with broad reading is 100", () => {
    const result = enablementScore(
      facts((f) => {
        f.members = 2;
        f.learning = { ...f.learning, learners: 2, distinctItems: 30, topTier: { beginner: 0, intermediate: 0, advanced: 2 } };
      }),
    );
    expect(result.score).toBe(100);
  });
});

describe("community", () => {
  test("no members: 0", () => {
    expect(communityScore(facts()).score).toBe(0);
  });

  test("Q&A 35 %, group members 20 %, attendance 15 %, a champion 30 %", () => {
    const result = communityScore(
      facts((f) => {
        f.members = 5;
        f.community = { ...f.community, asked90: 2, answered90: 1, acceptedAnswers90: 0, groupMembers: 1, attended90: 2, activeChampions: 1 };
      }),
    );
    // Q&A points 2 + 2 = 4 of 10 → 14; 1 of 2 members → 10; 2 of 4 attendances → 7.5; champion 30 → 61.5 → 62.
    expect(result.score).toBe(62);
    expect(paramsOf(result, "scoring.fact.champions")).toEqual({ count: 1 });
  });
});

describe("relationship breadth", () => {
  test("the engaged-people target follows the seats: a tenth, between 3 and 10", () => {
    expect(engagedTarget(0)).toBe(3);
    expect(engagedTarget(45)).toBe(5);
    expect(engagedTarget(500)).toBe(10);
  });

  test("no members: 0", () => {
    expect(relationshipScore(facts()).score).toBe(0);
  });

  test("breadth 40 % and 20 % for each persona engaged; the facts say '2 of 5 executives engaged'", () => {
    const result = relationshipScore(
      facts((f) => {
        f.members = 9;
        f.engaged90 = 3;
        f.personas = { practitioner: { total: 3, engaged: 1 }, manager: { total: 1, engaged: 0 }, executive: { total: 5, engaged: 2 } };
      }),
    );
    // target 3 for 20 seats: 3/3 × 40 = 40; practitioner 20; executive 20.
    expect(result.score).toBe(80);
    expect(paramsOf(result, "scoring.fact.executives")).toEqual({ engaged: 2, total: 5 });
    expect(paramsOf(result, "scoring.fact.managers")).toEqual({ engaged: 0, total: 1 });
  });
});

describe("momentum", () => {
  test("trendScore: equal rates 50, double 100, nothing now 0, nothing ever null", () => {
    expect(trendScore(1, 1)).toBe(50);
    expect(trendScore(2, 1)).toBe(100);
    expect(trendScore(5, 1)).toBe(100);
    expect(trendScore(0, 1)).toBe(0);
    expect(trendScore(0.5, 1)).toBe(25);
    expect(trendScore(3, 0)).toBe(100);
    expect(trendScore(0, 0)).toBeNull();
  });

  test("last 30 days against the 90 before, per day", () => {
    // 30 points in 30 days against 90 in 90 days: the same pace.
    const steady = momentumScore(facts((f) => void (f.activity = { weight30: 30, weightPrior90: 90, lastEventAt: null })));
    expect(steady.score).toBe(50);
    expect(paramsOf(steady, "scoring.fact.activityTrend")).toEqual({ recent: 30, before: 30 });
    // Half the pace.
    expect(momentumScore(facts((f) => void (f.activity = { weight30: 15, weightPrior90: 90, lastEventAt: null }))).score).toBe(25);
  });

  test("averages community activity and product usage when both are there", () => {
    const result = momentumScore(
      facts((f) => {
        f.activity = { weight30: 60, weightPrior90: 90, lastEventAt: null }; // double → 100
        f.usage = { ...f.usage, hasData: true, avgActive30: 2, avgActivePrior90: 8 }; // a quarter → 13
      }),
    );
    expect(result.score).toBe(Math.round((100 + 13) / 2));
    expect(result.facts.map((f) => f.key)).toEqual(["scoring.fact.activityTrend", "scoring.fact.usageTrend"]);
  });

  test("no activity at all in 120 days: 0, and says so", () => {
    const result = momentumScore(facts());
    expect(result.score).toBe(0);
    expect(result.facts[0]!.key).toBe("scoring.fact.noActivity");
  });
});

describe("combine and computeHealth", () => {
  const weights: Weights = { adoption: 30, enablement: 20, community: 15, relationship: 20, momentum: 15 };
  const component = (key: ComponentResult["key"], score: number | null): ComponentResult => ({ key, score, facts: [] });

  test("the contributions add up to the overall score", () => {
    const { overall, contributions } = combine(
      [component("adoption", 80), component("enablement", 50), component("community", 40), component("relationship", 60), component("momentum", 70)],
      weights,
    );
    // 24 + 10 + 6 + 12 + 10.5 = 62.5 → 63
    expect(contributions.map((c) => c.points)).toEqual([24, 10, 6, 12, 10.5]);
    expect(overall).toBe(63);
  });

  test("a component without data is left out and the others fill its share", () => {
    const { overall, contributions } = combine(
      [component("adoption", null), component("enablement", 50), component("community", 50), component("relationship", 50), component("momentum", 50)],
      weights,
    );
    expect(overall).toBe(50);
    expect(contributions[0]).toEqual({ key: "adoption", score: null, weight: 30, effectiveWeight: 0, points: 0 });
    expect(contributions[1]!.effectiveWeight).toBeCloseTo((20 / 70) * 100, 1);
  });

  test("an account with nothing at all scores 0 and is red", () => {
    const health = computeHealth(facts(), DEFAULT_MODEL);
    expect(health.overall).toBe(0);
    expect(health.band).toBe("red");
  });

  test("per-segment weights change the overall score", () => {
    const f = facts((x) => {
      x.stage = "L02";
      x.members = 2;
      x.learning = { ...x.learning, learners: 2, distinctItems: 10, topTier: { beginner: 0, intermediate: 0, advanced: 2 } };
    });
    const base = computeHealth(f, DEFAULT_MODEL);
    const onboardingHeavy = computeHealth(f, {
      ...DEFAULT_MODEL,
      segments: [{ kind: "stage", value: "L02", weights: { adoption: 0, enablement: 100, community: 0, relationship: 0, momentum: 0 } }],
    });
    expect(base.segment).toBe("default");
    expect(onboardingHeavy.segment).toBe("stage:L02");
    expect(onboardingHeavy.overall).toBe(100);
    expect(onboardingHeavy.band).toBe("green");
    expect(base.overall).toBeLessThan(onboardingHeavy.overall);
  });
});
