// Re-evaluates the champion watch (an account's only champion inactive for 30 days, or gone) for
// every account, or one:  npm run champions:watch [-- <accountId>]
// Meant for a daily job next to the score snapshots; safe to run any time (idempotent).
import { db, dbReady } from "~/db.server";
import { refreshChampionWatch } from "~/champions/watch.server";

async function main() {
  await dbReady;
  const accountId = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  const result = await refreshChampionWatch(accountId);
  console.log(`Champion watch: ${result.accounts} accounts checked, ${result.opened} opened, ${result.resolved} resolved, ${result.open} open.`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
