import { bandFor, DEFAULT_MODEL, parseStoredModel, validateModel, weightsFor, type HealthModelConfig } from "./model";

const STAGES = ["L01", "L02", "L03"];
const PLANS = ["starter", "growth", "enterprise"];
const model = (overrides: Partial<HealthModelConfig> = {}): HealthModelConfig => ({ ...DEFAULT_MODEL, ...overrides });
const fields = (config: HealthModelConfig) => validateModel(config, STAGES, PLANS).map((i) => [i.field, i.key, i.params ?? {}]);

describe("validateModel", () => {
  test("the defaults are valid", () => {
    expect(validateModel(DEFAULT_MODEL, STAGES, PLANS)).toEqual([]);
  });

  test("weights must add up to 100, and the issue says what they add up to", () => {
    expect(fields(model({ weights: { adoption: 30, enablement: 20, community: 15, relationship: 20, momentum: 10 } }))).toEqual([
      ["weight.sum", "scoring.error.weightsSum", { sum: 95 }],
    ]);
    expect(fields(model({ weights: { adoption: 60, enablement: 20, community: 15, relationship: 20, momentum: 10 } }))).toEqual([
      ["weight.sum", "scoring.error.weightsSum", { sum: 125 }],
    ]);
  });

  test("each weight is a whole number from 0 to 100", () => {
    const issues = fields(model({ weights: { adoption: -10, enablement: 20.5, community: 15, relationship: 20, momentum: 101 } }));
    expect(issues.map(([field]) => field)).toEqual(["weight.adoption", "weight.enablement", "weight.momentum"]);
    // A zero weight switches a component off; that is allowed.
    expect(fields(model({ weights: { adoption: 0, enablement: 40, community: 20, relationship: 20, momentum: 20 } }))).toEqual([]);
  });

  test("band thresholds must be in order: green above yellow", () => {
    expect(fields(model({ bands: { green: 40, yellow: 60 } }))).toEqual([["yellow", "scoring.error.bandsOrder", { green: 40, yellow: 60 }]]);
    expect(fields(model({ bands: { green: 50, yellow: 50 } }))).toEqual([["yellow", "scoring.error.bandsOrder", { green: 50, yellow: 50 }]]);
    expect(fields(model({ bands: { green: 120, yellow: 0 } })).map(([f, k]) => [f, k])).toEqual([
      ["green", "scoring.error.band"],
      ["yellow", "scoring.error.band"],
    ]);
  });

  test("segments need a known stage or plan, no duplicates, and weights that add up to 100", () => {
    const weights = { adoption: 10, enablement: 40, community: 20, relationship: 20, momentum: 10 };
    const issues = fields(
      model({
        segments: [
          { kind: "stage", value: "L01", weights },
          { kind: "stage", value: "L01", weights },
          { kind: "plan", value: "platinum", weights },
          { kind: "plan", value: "starter", weights: { ...weights, momentum: 0 } },
        ],
      }),
    );
    expect(issues).toEqual([
      ["segment.1.value", "scoring.error.segmentDuplicate", { segment: "stage:L01" }],
      ["segment.2.value", "scoring.error.segmentValue", {}],
      ["segment.3.weight.sum", "scoring.error.weightsSum", { sum: 90 }],
    ]);
  });

  test("key features and alert thresholds", () => {
    expect(fields(model({ keyFeatures: [] })).map(([f]) => f)).toEqual(["keyFeatures"]);
    expect(fields(model({ keyFeatures: ["Bad Key"] })).map(([f]) => f)).toEqual(["keyFeatures"]);
    expect(fields(model({ alerts: { scoreDropPoints: 0, noActivityDays: 500, unansweredHours: 48 } })).map(([f]) => f)).toEqual([
      "alert.scoreDropPoints",
      "alert.noActivityDays",
    ]);
  });
});

describe("bandFor", () => {
  test("green from the green threshold, yellow from the yellow one, red below", () => {
    const bands = { green: 70, yellow: 45 };
    expect(bandFor(100, bands)).toBe("green");
    expect(bandFor(70, bands)).toBe("green");
    expect(bandFor(69, bands)).toBe("yellow");
    expect(bandFor(45, bands)).toBe("yellow");
    expect(bandFor(44, bands)).toBe("red");
    expect(bandFor(0, bands)).toBe("red");
  });
});

describe("weightsFor", () => {
  const stageWeights = { adoption: 10, enablement: 50, community: 10, relationship: 20, momentum: 10 };
  const planWeights = { adoption: 50, enablement: 10, community: 10, relationship: 20, momentum: 10 };
  const config = model({
    segments: [
      { kind: "plan", value: "starter", weights: planWeights },
      { kind: "stage", value: "L02", weights: stageWeights },
    ],
  });

  test("a stage segment wins over a plan segment, which wins over the defaults", () => {
    expect(weightsFor(config, { stage: "L02", plan: "starter" })).toEqual({ weights: stageWeights, segment: "stage:L02" });
    expect(weightsFor(config, { stage: "L05", plan: "starter" })).toEqual({ weights: planWeights, segment: "plan:starter" });
    expect(weightsFor(config, { stage: "L05", plan: "growth" })).toEqual({ weights: DEFAULT_MODEL.weights, segment: "default" });
  });
});

describe("parseStoredModel", () => {
  test("fills settings an older version did not have", () => {
    const parsed = parseStoredModel(JSON.stringify({ weights: DEFAULT_MODEL.weights, bands: { green: 80, yellow: 50 } }));
    expect(parsed.bands).toEqual({ green: 80, yellow: 50 });
    expect(parsed.alerts).toEqual(DEFAULT_MODEL.alerts);
    expect(parsed.keyFeatures).toEqual(DEFAULT_MODEL.keyFeatures);
    expect(parsed.segments).toEqual([]);
  });
});
