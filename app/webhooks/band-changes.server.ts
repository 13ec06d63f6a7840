// health.band_changed: the scoring run (app/scoring/recompute.server.ts) compares each account's
// new band with its latest stored snapshot, read just before the new snapshots replace today's,
// and queues one event per change in the transaction that writes them. An account's first score
// is not a change. Only runs that found a subscriber (subscribedEndpointIds, once per run) call in.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { dayKey, sqlTime } from "~/scoring/time";
import { enqueueWebhookEvent } from "./enqueue.server";

export type StoredBand = { band: string; overall: number };

/** One event per account, day and new band, however often the day is recomputed. */
export const bandWebhookKey = (accountId: string, day: Date, band: string) => `band:${accountId}:${dayKey(day)}:${band}`;

/** Each account's latest snapshot on or before `day` (one query; an index seek per account). */
export async function latestStoredBands(accountIds: string[], day: Date): Promise<Map<string, StoredBand>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<Array<{ accountId: string; overall: number; band: string }>>(
    `SELECT j.value AS accountId, s.overall AS overall, s.band AS band
     FROM json_each(?) j
     JOIN HealthSnapshot s ON s.accountId = j.value
       AND s.day = (SELECT MAX(h.day) FROM HealthSnapshot h WHERE h.accountId = j.value AND h.day <= ?)`,
    JSON.stringify(accountIds),
    sqlTime(day),
  );
  return new Map(rows.map((r) => [r.accountId, { band: r.band, overall: Number(r.overall) }]));
}

export type ScoredBand = { id: string; name: string; band: string; overall: number };

/** Queues health.band_changed for every account whose band differs from the stored one; returns how many. */
export async function enqueueBandChanges(
  tx: Prisma.TransactionClient,
  input: { scored: ScoredBand[]; previous: Map<string, StoredBand>; day: Date; asOf: Date; endpointIds: string[] },
): Promise<number> {
  let queued = 0;
  for (const account of input.scored) {
    const before = input.previous.get(account.id);
    if (!before || before.band === account.band) continue;
    const event = await enqueueWebhookEvent(
      "health.band_changed",
      {
        accountId: account.id,
        accountName: account.name,
        from: before.band,
        to: account.band,
        score: account.overall,
        previousScore: before.overall,
        changedAt: input.asOf.toISOString(),
      },
      { tx, dedupeKey: bandWebhookKey(account.id, input.day, account.band), endpointIds: input.endpointIds, now: input.asOf },
    );
    if (event) queued += 1;
  }
  return queued;
}
