import { dbReady, db } from "~/db.server";
import { recomputeAll } from "~/scoring/recompute.server";
import { SCALE_NOW } from "./lib/scale-activity";
await dbReady;
for (const batchSize of [Number(process.argv[2] ?? 500)]) {
  const t = performance.now();
  const stats = await recomputeAll({ now: SCALE_NOW, batchSize, onProgress: (d, n) => process.stdout.write(`\r${d}/${n} ${Math.round(performance.now() - t)}ms `) });
  console.log("\nbatch", batchSize, JSON.stringify(stats));
}
await db.$disconnect();
