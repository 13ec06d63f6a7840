// The "only champion inactive" condition, computed from champion terms and engagement events.
// The champion program may later store this condition itself; this one function is the seam.
import { db } from "~/db.server";
import { inSlices } from "~/scoring/chunks";
import { daysBefore, readTime, sqlTime } from "~/scoring/time";
import type { ChampionCondition } from "./rules";

/** A champion without an event for this many days counts as inactive. */
export const CHAMPION_INACTIVE_DAYS = 30;
/** A champion who had events with an account in this window and then moved away "left" it. */
const LEFT_LOOKBACK_DAYS = 180;

/**
 * Accounts whose one and only champion (a person with a current champion term) is inactive —
 * no event in 30 days — or has left the account (had events with it lately but belongs
 * elsewhere or nowhere now). Accounts with two or more champions are not reported.
 */
export async function accountsWithOnlyChampionInactive(asOf: Date, accountIds: string[] | "all"): Promise<ChampionCondition[]> {
  const at = sqlTime(asOf);
  const lookback = sqlTime(daysBefore(asOf, LEFT_LOOKBACK_DAYS));
  const active = "t.startsAt <= ? AND t.endsAt > ? AND (t.revokedAt IS NULL OR t.revokedAt > ?)";
  // For a list of accounts, only the champions who belong to them or lately acted for them.
  const champions =
    accountIds === "all"
      ? await db.$queryRawUnsafe<Array<{ userId: string; name: string; accountId: string | null }>>(
          `SELECT DISTINCT t.userId, u.name, u.accountId FROM ChampionTerm t JOIN User u ON u.id = t.userId WHERE ${active}`,
          at,
          at,
          at,
        )
      : await db.$queryRawUnsafe<Array<{ userId: string; name: string; accountId: string | null }>>(
          `SELECT DISTINCT t.userId, u.name, u.accountId FROM ChampionTerm t JOIN User u ON u.id = t.userId
           WHERE ${active} AND (u.accountId IN (SELECT value FROM json_each(?)) OR t.userId IN (
             SELECT e.actorId FROM EngagementEvent e
             WHERE e.accountId IN (SELECT value FROM json_each(?)) AND e.occurredAt > ? AND e.occurredAt <= ?))`,
          at,
          at,
          at,
          JSON.stringify(accountIds),
          JSON.stringify(accountIds),
          lookback,
          at,
        );
  if (champions.length === 0) return [];

  const touches = await db.$queryRawUnsafe<Array<{ actorId: string; accountId: string | null; lastAt: unknown }>>(
    `SELECT actorId, accountId, MAX(occurredAt) AS lastAt FROM EngagementEvent
     WHERE actorId IN (SELECT value FROM json_each(?)) AND occurredAt <= ? AND occurredAt > ?
     GROUP BY actorId, accountId`,
    JSON.stringify(champions.map((c) => c.userId)),
    at,
    lookback,
  );
  const lastEvent = new Map<string, Date>();
  const formerAccounts = new Map<string, Set<string>>();
  const current = new Map(champions.map((c) => [c.userId, c.accountId]));
  for (const row of touches) {
    const lastAt = readTime(row.lastAt);
    if (lastAt && (!lastEvent.has(row.actorId) || lastAt > lastEvent.get(row.actorId)!)) lastEvent.set(row.actorId, lastAt);
    if (row.accountId && row.accountId !== current.get(row.actorId)) {
      const set = formerAccounts.get(row.actorId) ?? new Set<string>();
      set.add(row.accountId);
      formerAccounts.set(row.actorId, set);
    }
  }

  // Every account's champions: those who belong to it now, and those who recently left it.
  const byAccount = new Map<string, Array<{ userId: string; name: string; left: boolean }>>();
  const add = (accountId: string, entry: { userId: string; name: string; left: boolean }) => {
    const list = byAccount.get(accountId) ?? [];
    if (!list.some((e) => e.userId === entry.userId)) list.push(entry);
    byAccount.set(accountId, list);
  };
  for (const champion of champions) {
    if (champion.accountId) add(champion.accountId, { userId: champion.userId, name: champion.name, left: false });
    for (const former of formerAccounts.get(champion.userId) ?? []) add(former, { userId: champion.userId, name: champion.name, left: true });
  }

  const inScope = accountIds === "all" ? null : new Set(accountIds);
  const inactiveBefore = daysBefore(asOf, CHAMPION_INACTIVE_DAYS);
  const found: Array<Omit<ChampionCondition, "accountName">> = [];
  for (const [accountId, list] of byAccount) {
    if (inScope && !inScope.has(accountId)) continue;
    // A champion who both left and still belongs is impossible; two different people means two champions.
    if (list.length !== 1) continue;
    const only = list[0]!;
    const last = lastEvent.get(only.userId) ?? null;
    if (only.left) found.push({ accountId, championId: only.userId, name: only.name, reason: "left", lastEventAt: last });
    else if (!last || last <= inactiveBefore) found.push({ accountId, championId: only.userId, name: only.name, reason: "inactive", lastEventAt: last });
  }
  if (found.length === 0) return [];
  const names = new Map(
    (await inSlices(found.map((f) => f.accountId), (slice) => db.account.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } }))).map((a) => [a.id, a.name]),
  );
  return found.filter((f) => names.has(f.accountId)).map((f) => ({ ...f, accountName: names.get(f.accountId)! }));
}
