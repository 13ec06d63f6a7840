// Prints one closing line for the whole suite ("N passed, N failed") from the runners' JSON.
import fs from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = [];

if (vitestFile && fs.existsSync(vitestFile)) {
  const report = JSON.parse(fs.readFileSync(vitestFile, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else missing.push("vitest");

if (playwrightFile && fs.existsSync(playwrightFile)) {
  const { stats } = JSON.parse(fs.readFileSync(playwrightFile, "utf8"));
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
} else missing.push("playwright");

if (missing.length) console.log(`No results from: ${missing.join(", ")}`);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
