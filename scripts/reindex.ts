// Rebuilds the search index from the data and the content build: the embedded SQLite index always,
// and Meilisearch too when MEILI_HOST is set (into a fresh index swapped in at the end, so searches
// keep working meanwhile). Safe to run while the app serves.
//   npm run reindex
import { db, dbReady } from "~/db.server";
import { meiliConfig, rebuildAll } from "~/search/backends.server";
import type { DocType } from "~/search/model";
import { createProgress } from "./lib/progress";

async function main() {
  await dbReady;
  const bars = new Map<DocType, ReturnType<typeof createProgress>>();
  let meiliBar: ReturnType<typeof createProgress> | null = null;
  const meili = meiliConfig();
  const report = await rebuildAll({
    onProgress(type, done, total) {
      let bar = bars.get(type);
      if (!bar) {
        for (const other of bars.values()) other.done();
        bars.clear();
        bars.set(type, (bar = createProgress(`${type}s`, total)));
      }
      bar.update(done);
      if (done === total) {
        bar.done();
        bars.delete(type);
      }
    },
    onMeiliProgress(done, total) {
      meiliBar ??= createProgress("meili", total);
      meiliBar.update(done);
    },
  });
  for (const bar of bars.values()) bar.done();
  (meiliBar as ReturnType<typeof createProgress> | null)?.done();
  const counts = Object.entries(report.documents)
    .map(([type, n]) => `${n.toLocaleString()} ${type}s`)
    .join(", ");
  console.log(`Embedded index: ${counts} in ${(report.embeddedMs / 1000).toFixed(1)}s`);
  if (meili && report.meiliMs !== null) console.log(`Meilisearch (${meili.host}, index ${meili.indexUid}): ${(report.meiliMs / 1000).toFixed(1)}s`);
  else console.log("Meilisearch: not configured (set MEILI_HOST to use it)");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
