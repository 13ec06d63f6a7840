// The champion pipeline widget on the portfolio page: nominations by state (the open ones of any
// cohort, decisions of the current cohort) and the champions who need attention (the open
// champion watches: an account's only champion inactive, or gone). Staff only: it names people
// and accounts across the whole customer base.
import { OPEN_STATES, type NominationState } from "~/champions/model";
import { getProgram } from "~/champions/program.server";
import { openChampionWatches, type OpenChampionWatch } from "~/champions/watch.server";
import { db } from "~/db.server";
import { assertStaff } from "./access.server";

/** Watches listed on the widget; the rest are counted. */
export const PIPELINE_WATCH_LIMIT = 5;

export type PipelineCount = { state: NominationState; count: number; href: string };

export type ChampionPipeline = {
  cohortYear: number;
  counts: PipelineCount[];
  watches: Array<Pick<OpenChampionWatch, "id" | "accountId" | "accountName" | "condition" | "championId" | "championName" | "since">>;
  watchTotal: number;
};

const nominationsHref = (state: NominationState, cohort?: number) =>
  `/champions/nominations?${new URLSearchParams({ state, ...(cohort ? { cohort: String(cohort) } : {}) })}`;

export async function championPipeline(viewer: { role: string }, now = new Date()): Promise<ChampionPipeline> {
  assertStaff(viewer);
  const { cohortYear } = await getProgram(now);
  const [open, decided, watches] = await Promise.all([
    db.championNomination.groupBy({ by: ["state"], where: { state: { in: [...OPEN_STATES] } }, _count: { _all: true } }),
    db.championNomination.groupBy({ by: ["state"], where: { state: { in: ["approved", "declined"] }, cohort: cohortYear }, _count: { _all: true } }),
    openChampionWatches(),
  ]);
  const countOf = (rows: typeof open, state: NominationState) => rows.find((r) => r.state === state)?._count._all ?? 0;
  return {
    cohortYear,
    counts: [
      { state: "submitted", count: countOf(open, "submitted"), href: nominationsHref("submitted") },
      { state: "in_review", count: countOf(open, "in_review"), href: nominationsHref("in_review") },
      { state: "approved", count: countOf(decided, "approved"), href: nominationsHref("approved", cohortYear) },
      { state: "declined", count: countOf(decided, "declined"), href: nominationsHref("declined", cohortYear) },
    ],
    watches: watches.slice(0, PIPELINE_WATCH_LIMIT).map(({ id, accountId, accountName, condition, championId, championName, since }) => ({
      id,
      accountId,
      accountName,
      condition,
      championId,
      championName,
      since,
    })),
    watchTotal: watches.length,
  };
}
