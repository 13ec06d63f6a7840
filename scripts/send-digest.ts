// Sends the daily digest to everyone who turned it on (Profile → Notifications → daily digest).
// Run once a day, e.g. from cron:  0 8 * * *  cd /srv/kizuna && npx tsx scripts/send-digest.ts
// Safe to re-run: each person gets at most one digest per (UTC) day.
import { db, dbReady } from "~/db.server";
import { sendDailyDigests } from "~/notifications/digest.server";
import { createProgress } from "./lib/progress";

async function main() {
  await dbReady;
  let progress: ReturnType<typeof createProgress> | null = null;
  const result = await sendDailyDigests({
    onProgress: (done, total) => {
      progress ??= createProgress("digest", total);
      progress.update(done);
    },
  });
  console.log(`\nDigests: ${result.sent} sent, ${result.empty} with nothing new, ${result.skipped} already sent today (of ${result.recipients} subscribers).`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
