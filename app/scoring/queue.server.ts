// The scoring queue: accounts the next incremental run must rescore although no new event
// says so (usage imported, a champion term granted, …). Kept apart from the job so writers
// (imports, the API, other areas) can queue without loading the scoring engine.
import { db } from "~/db.server";
import { sqlTime } from "./time";

/**
 * Puts accounts on the incremental run's list for a reason the event log does not show (product
 * usage imported, a champion term granted, …). Pass a transaction client to queue atomically
 * with the change itself.
 */
export async function queueAccountsForScoring(accountIds: string[], client: Pick<typeof db, "$executeRawUnsafe"> = db): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  await client.$executeRawUnsafe(
    `INSERT INTO ScoringQueue (accountId, queuedAt) SELECT value, ? FROM json_each(?) WHERE value IN (SELECT id FROM Account)
     ON CONFLICT (accountId) DO UPDATE SET queuedAt = excluded.queuedAt`,
    sqlTime(new Date()),
    JSON.stringify(ids),
  );
}
