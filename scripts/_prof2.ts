import { dbReady, db } from "~/db.server";
import { SCALE_NOW } from "./lib/scale-activity";
await dbReady;
const orig = db.$queryRawUnsafe.bind(db);
let chain: Promise<unknown> = Promise.resolve();
(db as any).$queryRawUnsafe = (sql: string, ...p: unknown[]) => {
  const run = chain.then(async () => { const t = performance.now(); const r = await orig(sql, ...p); console.log(Math.round(performance.now() - t), "ms", (r as unknown[]).length, sql.replace(/\s+/g, " ").slice(0, 90)); return r; });
  chain = run.catch(() => undefined);
  return run;
};
const { gatherFacts, contentIndexFromCatalog } = await import("~/scoring/facts.server");
const { getCatalog } = await import("~/content/catalog.server");
const t = performance.now();
await gatherFacts(SCALE_NOW, contentIndexFromCatalog(getCatalog()), "all");
console.log("total", Math.round(performance.now() - t));
await db.$disconnect();
