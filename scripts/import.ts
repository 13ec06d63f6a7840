// Imports a CSV file from the command line, the same way as Admin → Imports: the whole file is
// checked first (with a progress bar for large files); with --apply, and only when no row has a
// problem, it is written in one transaction.
//   npx tsx scripts/import.ts people members.csv            check only, print the report
//   npx tsx scripts/import.ts people members.csv --apply    check, then apply
//   options: --locale ja|en (report language, default en)
import fs from "node:fs";
import path from "node:path";
import { db, dbReady } from "~/db.server";
import { translator } from "~/i18n/messages";
import { IMPORT_KINDS, type ImportKind } from "~/imports/importers.server";
import { applyImportJob, checkImportFile, getImportJob } from "~/imports/jobs.server";
import { problemText, summaryText } from "~/imports/ui";
import { createProgress } from "./lib/progress";

const SHOWN = 50;

/** A progress bar that follows the totals the import reports (rows, then rows to write). */
function reporter(label: string) {
  let bar: ReturnType<typeof createProgress> | null = null;
  let total = -1;
  return (done: number, of: number) => {
    if (of !== total) {
      bar = createProgress(label, of);
      total = of;
    }
    bar!.update(done);
  };
}

async function main() {
  const [kind, file] = process.argv.slice(2).filter((a) => !a.startsWith("--") && a !== "ja" && a !== "en");
  const locale = process.argv.includes("--locale") && process.argv[process.argv.indexOf("--locale") + 1] === "ja" ? "ja" : "en";
  const t = translator(locale);
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !file) {
    console.error(`usage: npx tsx scripts/import.ts <${IMPORT_KINDS.join("|")}> <file.csv> [--apply] [--locale ja|en]`);
    process.exitCode = 2;
    return;
  }
  await dbReady;
  const bytes = new Uint8Array(fs.readFileSync(file));
  const checked = await checkImportFile({ kind: kind as ImportKind, fileName: path.basename(file), bytes, actorId: null, progress: reporter("check") });
  if (!checked.ok) {
    console.error(t(`imports.decode.${checked.reason}`));
    process.exitCode = 1;
    return;
  }
  const job = (await getImportJob(checked.jobId))!;
  console.log(`\n${job.fileName}: ${job.rowCount} rows, ${job.encoding}, import ${job.id}`);
  if (job.errorCount) {
    console.log(t("imports.hasProblems", { count: job.errorCount }));
    for (const problem of job.problems.slice(0, SHOWN)) console.log(`  line ${problem.line}${problem.column ? ` [${problem.column}]` : ""}: ${problemText(problem, t)}`);
    if (job.errorCount > SHOWN) console.log(`  ${t("imports.moreProblems", { count: job.errorCount - SHOWN })}`);
    process.exitCode = 1;
    return;
  }
  console.log(t("imports.ready", { summary: summaryText(job.kind, job.summary, t) }));
  if (!process.argv.includes("--apply")) {
    console.log("Check only. Run again with --apply to write it (or apply it at Admin → Imports).");
    return;
  }
  const result = await applyImportJob(job.id, null, reporter("apply"));
  if (!result.ok) {
    console.error(`\n${t("imports.applyFailed", { count: result.problems ?? 0 })}`);
    process.exitCode = 1;
    return;
  }
  console.log(`\n${t("imports.applied", { summary: summaryText(job.kind, result.summary, t, true) })}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
