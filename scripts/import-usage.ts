// Imports product-usage days from a CSV file (format: app/scoring/usage-import.server.ts).
// Every row is checked first; one bad row and nothing is written. Affected accounts are rescored
// by the next incremental scoring run (or use --recompute to do it now).
//   npm run import:usage -- data/usage.csv              validate, then import
//   npm run import:usage -- data/usage.csv --dry-run    only the validation report
//   npm run import:usage -- data/usage.csv --recompute  import, then rescore those accounts
import fs from "node:fs";
import { db, dbReady } from "~/db.server";
import { translator } from "~/i18n/messages";
import { recomputeAccounts } from "~/scoring/recompute.server";
import { importUsageCsv, usageErrorKey } from "~/scoring/usage-import.server";
import { createProgress } from "./lib/progress";

const MAX_ERRORS_SHOWN = 50;

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run import:usage -- <file.csv> [--dry-run] [--recompute]");
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    process.exitCode = 2;
    return;
  }
  await dbReady;
  const t = translator("en");
  const text = fs.readFileSync(file, "utf8");
  let progress: ReturnType<typeof createProgress> | null = null;
  const { validation, applied } = await importUsageCsv(text, {
    dryRun: args.includes("--dry-run"),
    onProgress: (done, total) => {
      progress ??= createProgress("importing", total);
      progress.update(done);
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.done();

  console.log(`Validation report for ${file}`);
  console.log(`  data rows: ${validation.rowCount.toLocaleString()}`);
  if (!validation.ok) {
    console.log(`  errors:    ${validation.errors.length.toLocaleString()} — nothing was imported\n`);
    for (const error of validation.errors.slice(0, MAX_ERRORS_SHOWN)) {
      const where = `line ${error.line}${error.column ? `, ${error.column}` : ""}`;
      console.log(`  ${where.padEnd(24)} ${t(usageErrorKey(error.code), { value: error.value ?? "", column: error.column ?? "" })}`);
    }
    if (validation.errors.length > MAX_ERRORS_SHOWN) console.log(`  … and ${validation.errors.length - MAX_ERRORS_SHOWN} more`);
    process.exitCode = 1;
    return;
  }
  console.log(`  accounts:  ${validation.accounts}`);
  console.log(`  days:      ${validation.firstDay} … ${validation.lastDay}`);
  console.log(`  features:  ${validation.features.join(", ") || "(none)"}`);
  if (!applied) {
    console.log("\nDry run: every row is valid; nothing was written.");
    return;
  }
  console.log(`\nImported ${applied.written.toLocaleString()} days (${applied.replaced.toLocaleString()} replaced earlier numbers).`);
  if (args.includes("--recompute")) {
    const accountIds = [...new Set(validation.rows.map((r) => r.accountId))];
    const bar = createProgress("scoring", accountIds.length);
    const stats = await recomputeAccounts(accountIds, { onProgress: (done) => bar.update(done) });
    bar.done();
    if (stats.skipped) console.log("Another scoring run is in progress; the accounts will be rescored by it or the next one.");
    else console.log(`Rescored ${stats.accounts} accounts; ${stats.alerts.created} new alerts.`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
