import { COHORTS, FUNNEL_STEPS } from "~/scoring/outcomes.server";
import { OUTCOME_COHORTS, OUTCOME_STEPS, outcomeParamsFromUrl, outcomesHref, percentOf } from "./outcomes";

it("offers exactly the cohorts and steps the report computes, steps in the same order", () => {
  expect([...OUTCOME_COHORTS].sort()).toEqual([...COHORTS].sort());
  expect(OUTCOME_STEPS).toEqual(FUNNEL_STEPS);
});

const parse = (query: string) => outcomeParamsFromUrl(new URL(`http://x/workspace/outcomes${query}`));

describe("outcomeParamsFromUrl", () => {
  it("defaults to champions over 90 days", () => {
    expect(parse("")).toEqual({ ok: true, cohort: "champion", periodDays: 90 });
  });

  it("reads every cohort and period", () => {
    expect(parse("?cohort=studyGroup&period=30")).toEqual({ ok: true, cohort: "studyGroup", periodDays: 30 });
    expect(parse("?cohort=advancedPath&period=180")).toEqual({ ok: true, cohort: "advancedPath", periodDays: 180 });
  });

  it("refuses an unknown cohort or period instead of guessing", () => {
    expect(parse("?cohort=vip")).toEqual({ ok: false, error: "cohort", value: "vip" });
    expect(parse("?cohort=")).toEqual({ ok: false, error: "cohort", value: "" });
    expect(parse("?cohort=toString")).toMatchObject({ ok: false, error: "cohort" });
    expect(parse("?period=45")).toEqual({ ok: false, error: "period", value: "45" });
    expect(parse("?period=90.0")).toMatchObject({ ok: false, error: "period" });
    expect(parse("?period=")).toMatchObject({ ok: false, error: "period" });
    expect(parse(`?period=${"9".repeat(100)}`)).toMatchObject({ ok: false, error: "period", value: "9".repeat(40) });
  });
});

describe("outcomesHref", () => {
  it("leaves defaults out of the link", () => {
    expect(outcomesHref({ cohort: "champion", periodDays: 90 })).toBe("/workspace/outcomes");
    expect(outcomesHref({ cohort: "studyGroup", periodDays: 180 })).toBe("/workspace/outcomes?cohort=studyGroup&period=180");
  });
});

describe("percentOf", () => {
  it("rounds to whole percent and treats an empty side as 0", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
  });
});
