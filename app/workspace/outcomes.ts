// The outcome report's URL: ?cohort=<COHORTS>&period=<30|90|180>. Both are optional (champions,
// 90 days); anything else is a mistake worth saying so (400), not something to guess around,
// because a report that quietly shows a different cohort than the link asked for misleads.
// Client-safe: only types come from the server module; a unit test keeps the lists in step.
import type { CohortKey, FunnelStep } from "~/scoring/outcomes.server";

/** The cohorts in the picker's order (app/scoring/outcomes.server.ts COHORTS). */
export const OUTCOME_COHORTS = ["champion", "studyGroup", "advancedPath"] as const satisfies readonly CohortKey[];
/** The funnel's steps in order (app/scoring/outcomes.server.ts FUNNEL_STEPS). */
export const OUTCOME_STEPS = ["activity", "output", "outcome", "impact"] as const satisfies readonly FunnelStep[];

export const OUTCOME_PERIODS = [30, 90, 180] as const;
export type OutcomePeriod = (typeof OUTCOME_PERIODS)[number];
export const DEFAULT_COHORT: CohortKey = "champion";
export const DEFAULT_PERIOD: OutcomePeriod = 90;

export type OutcomeParams = { cohort: CohortKey; periodDays: OutcomePeriod };
export type OutcomeParamsResult = ({ ok: true } & OutcomeParams) | { ok: false; error: "cohort" | "period"; value: string };

export function outcomeParamsFromUrl(url: URL): OutcomeParamsResult {
  const cohort = url.searchParams.get("cohort");
  const period = url.searchParams.get("period");
  if (cohort !== null && !(OUTCOME_COHORTS as readonly string[]).includes(cohort)) return { ok: false, error: "cohort", value: cohort.slice(0, 40) };
  const days = period === null ? DEFAULT_PERIOD : Number(period);
  if (!(OUTCOME_PERIODS as readonly number[]).includes(days) || (period !== null && String(days) !== period)) {
    return { ok: false, error: "period", value: (period ?? "").slice(0, 40) };
  }
  return { ok: true, cohort: (cohort as CohortKey | null) ?? DEFAULT_COHORT, periodDays: days as OutcomePeriod };
}

/** The page's link for a cohort and period; defaults are left out so links stay short. */
export function outcomesHref(params: OutcomeParams): string {
  const search = new URLSearchParams();
  if (params.cohort !== DEFAULT_COHORT) search.set("cohort", params.cohort);
  if (params.periodDays !== DEFAULT_PERIOD) search.set("period", String(params.periodDays));
  const query = search.toString();
  return `/workspace/outcomes${query ? `?${query}` : ""}`;
}

/** Share of `total` as a whole percentage; 0 of nothing is 0 %. */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}
