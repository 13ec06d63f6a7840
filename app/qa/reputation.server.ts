// Writes reputation changes. Each cause (a vote, an acceptance) owns one row keyed by its
// source, so undoing the cause removes exactly its points; User.reputation is re-summed in the
// same transaction and never drifts from the rows.
import type { db } from "~/db.server";
import { cappedVoteDelta, utcDay } from "./reputation";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function resum(tx: Tx, userId: string) {
  const { _sum } = await tx.reputationEvent.aggregate({ where: { userId }, _sum: { delta: true } });
  await tx.user.update({ where: { id: userId }, data: { reputation: _sum.delta ?? 0 } });
}

export async function addReputation(tx: Tx, input: { userId: string; kind: "vote" | "accepted"; sourceKey: string; raw: number; now: Date }) {
  const day = utcDay(input.now);
  let delta = input.raw;
  if (input.kind === "vote") {
    const { _sum } = await tx.reputationEvent.aggregate({ where: { userId: input.userId, kind: "vote", day, delta: { gt: 0 } }, _sum: { delta: true } });
    delta = cappedVoteDelta(input.raw, _sum.delta ?? 0);
  }
  await tx.reputationEvent.upsert({
    where: { sourceKey: input.sourceKey },
    create: { userId: input.userId, kind: input.kind, sourceKey: input.sourceKey, rawDelta: input.raw, delta, day },
    update: { rawDelta: input.raw, delta, day },
  });
  await resum(tx, input.userId);
}

export async function removeReputation(tx: Tx, sourceKey: string) {
  const row = await tx.reputationEvent.findUnique({ where: { sourceKey }, select: { userId: true } });
  if (!row) return;
  await tx.reputationEvent.delete({ where: { sourceKey } });
  await resum(tx, row.userId);
}
