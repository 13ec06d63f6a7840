// The "only champion inactive" alert reads the champion program's watch (AccountChampionWatch,
// app/champions/watch.server.ts), so the alert and the champion pages share one definition of
// an account whose only champion went quiet or left. The watch is refreshed first, in one batch,
// for the accounts in the run's scope that have (or had) a champion.
import { openChampionWatches, refreshChampionWatch, refreshChampionWatches, type OpenChampionWatch } from "~/champions/watch.server";
import { LEFT_REASONS, type LeftReason } from "~/champions/model";
import { db } from "~/db.server";
import type { ChampionCondition } from "./rules";

/** Up to this many accounts, the open watch rows are read account by account. */
const FEW = 20;

/**
 * Of `accountIds`, those the champion watch can have something to say about: accounts with a
 * champion term counted for them, an open watch row, or a member holding a champion term that
 * the watch has not attributed yet. Everything else is skipped without a per-account query.
 */
async function accountsWithChampions(accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const ids = JSON.stringify(accountIds);
  const rows = await db.$queryRawUnsafe<Array<{ accountId: string }>>(
    `SELECT accountId FROM ChampionTermAccount WHERE accountId IN (SELECT value FROM json_each(?))
     UNION SELECT accountId FROM AccountChampionWatch WHERE resolvedAt IS NULL AND accountId IN (SELECT value FROM json_each(?))
     UNION SELECT u.accountId FROM ChampionTerm t JOIN User u ON u.id = t.userId WHERE u.accountId IN (SELECT value FROM json_each(?))`,
    ids,
    ids,
    ids,
  );
  return rows.map((r) => r.accountId);
}

function toCondition(watch: OpenChampionWatch): ChampionCondition {
  const base = { accountId: watch.accountId, accountName: watch.accountName, championId: watch.championId, name: watch.championName, since: watch.since };
  if (watch.condition === "champion_inactive") {
    // The watch keeps the champion's last own activity as an ISO date, "" when there was none.
    return { ...base, reason: "inactive", leftReason: null, lastEventAt: watch.detail ? new Date(watch.detail) : null };
  }
  const leftReason = (LEFT_REASONS as readonly string[]).includes(watch.detail) ? (watch.detail as LeftReason) : "moved";
  return { ...base, reason: "left", leftReason, lastEventAt: null };
}

/**
 * Accounts of the scope whose only champion is inactive (no own activity for 30 days) or whose
 * last champion left (term expired or revoked, moved to another company, or deleted), as the
 * champion watch sees them at `asOf`. Refreshes the watch for those accounts first.
 */
export async function accountsWithOnlyChampionInactive(asOf: Date, accountIds: string[] | "all"): Promise<ChampionCondition[]> {
  if (accountIds === "all") {
    if ((await refreshChampionWatch(undefined, asOf)).open === 0) return [];
    return (await openChampionWatches()).map(toCondition);
  }
  const relevant = await accountsWithChampions(accountIds);
  if (relevant.length === 0) return [];
  // Most accounts' champions are fine: then there is nothing to read back.
  if ((await refreshChampionWatches(relevant, asOf)).open === 0) return [];
  // Open rows are few (one per account at most): a long list reads them all and keeps its own.
  if (relevant.length > FEW) {
    const wanted = new Set(relevant);
    return (await openChampionWatches()).filter((w) => wanted.has(w.accountId)).map(toCondition);
  }
  const found: ChampionCondition[] = [];
  for (const accountId of relevant) found.push(...(await openChampionWatches(accountId)).map(toCondition));
  return found;
}
