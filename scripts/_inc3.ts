import { dbReady, db } from "~/db.server";
import { SCALE_NOW } from "./lib/scale-activity";
await dbReady;
const { recomputeIncremental } = await import("~/scoring/recompute.server");
await recomputeIncremental({ now: SCALE_NOW });
const rows: string[] = [];
for (let i = 0; i < 15; i++) {
  const person = await db.user.findUniqueOrThrow({ where: { id: `scale_usr_${String(3000 + i * 411).padStart(5, "0")}` }, select: { id: true, accountId: true } });
  await db.engagementEvent.create({ data: { type: "qa.answered", actorId: person.id, accountId: person.accountId, subjectType: "bench", subjectId: "x", weight: 4, occurredAt: new Date(SCALE_NOW.getTime() - 3600000), idempotencyKey: `prof:${Date.now()}:${i}`, source: "seed" } });
  const t = performance.now();
  const r = await recomputeIncremental({ now: SCALE_NOW });
  const total = performance.now() - t;
  rows.push(`total ${total.toFixed(0)} run ${r.ms} outside ${(total - r.ms).toFixed(0)} ${JSON.stringify(r.phases)}`);
}
console.log(rows.join("\n"));
await db.$disconnect();
