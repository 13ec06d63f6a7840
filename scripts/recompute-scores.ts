// Recomputes account health, member engagement, lifecycle moves and alerts.
//   npm run scores:recompute                   every account (what the daily schedule runs)
//   npm run scores:recompute -- --incremental  only accounts with new events or usage since the last run
// Safe to run at any time and any number of times: a day's snapshot is replaced, alerts are not
// duplicated, and a run that finds another one in progress (the in-process schedule, say) stops.
import { db, dbReady } from "~/db.server";
import { recomputeAll, recomputeIncremental, type RecomputeStats } from "~/scoring/recompute.server";
import { createProgress } from "./lib/progress";

async function main() {
  await dbReady;
  const incremental = process.argv.includes("--incremental");
  let bar: ReturnType<typeof createProgress> | null = null;
  const onProgress = (done: number, total: number) => {
    bar ??= createProgress("accounts", total);
    bar.update(done);
  };
  const stats: RecomputeStats = incremental ? await recomputeIncremental({ onProgress }) : await recomputeAll({ onProgress });
  (bar as ReturnType<typeof createProgress> | null)?.done();
  if (stats.skipped) {
    console.log("Another scoring run holds the lease; nothing was done. Try again when it has finished.");
    return;
  }
  console.log(
    `${incremental ? "Incremental" : "Full"} run: ${stats.accounts.toLocaleString()} accounts, ${stats.members.toLocaleString()} members scored in ${(stats.ms / 1000).toFixed(1)}s; ` +
      `${stats.stageMoves} stage moves; alerts: ${stats.alerts.created} new, ${stats.alerts.refreshed} still open, ${stats.alerts.suppressed} recently resolved.`,
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
