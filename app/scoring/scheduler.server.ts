// The in-process scoring schedule, started by server.mjs once the app listens: every
// SCORING_INTERVAL_MINUTES (default 10) an incremental run, and once a day, the first tick after
// SCORING_FULL_AT (UTC, default 02:00), a full run. SCORING_SCHEDULE=off turns it off (it is off
// by default under NODE_ENV=test, and the browser tests' server sets off). With several app
// servers each runs the schedule; the job's lease makes sure only one run happens at a time.
import { env } from "~/env.server";
import { recomputeAll, recomputeIncremental, scoringJobState } from "./recompute.server";

const FIRST_TICK_MS = 30_000;

/** "full" when today's full run is due (past the daily time and none since), else "incremental". */
export function nextRunKind(now: Date, lastFullAt: Date | null, fullAt: string): "full" | "incremental" {
  const [hours, minutes] = fullAt.split(":").map(Number) as [number, number];
  const dueToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes));
  const lastDue = now >= dueToday ? dueToday : new Date(dueToday.getTime() - 86_400_000);
  return !lastFullAt || lastFullAt < lastDue ? "full" : "incremental";
}

export function schedulerEnabled(): boolean {
  return (env.SCORING_SCHEDULE ?? (env.NODE_ENV === "test" ? "off" : "on")) === "on";
}

declare global {
  var __kizunaScoringTimer: NodeJS.Timeout | undefined;
}

/** Starts the schedule once per process; returns false when it is switched off. */
export function startScoringScheduler(): boolean {
  if (!schedulerEnabled()) return false;
  if (globalThis.__kizunaScoringTimer) return true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { lastFullAt } = await scoringJobState();
      const kind = nextRunKind(new Date(), lastFullAt, env.SCORING_FULL_AT);
      const stats = kind === "full" ? await recomputeAll() : await recomputeIncremental();
      if (!stats.skipped && (kind === "full" || stats.accounts > 0)) {
        console.log(`scoring: ${kind} run, ${stats.accounts} accounts in ${stats.ms}ms, ${stats.alerts.created} new alerts, ${stats.stageMoves} stage moves`);
      }
    } catch (error) {
      // A failed run must not take the web server down; the next tick tries again.
      console.error("scoring: run failed", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), FIRST_TICK_MS);
  first.unref();
  globalThis.__kizunaScoringTimer = setInterval(() => void tick(), env.SCORING_INTERVAL_MINUTES * 60_000);
  globalThis.__kizunaScoringTimer.unref();
  console.log(`scoring: schedule on (incremental every ${env.SCORING_INTERVAL_MINUTES} min, full daily after ${env.SCORING_FULL_AT} UTC)`);
  return true;
}
