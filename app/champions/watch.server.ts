// Keeps AccountChampionWatch in step with the champions: one open row per account while its only
// champion is inactive or has left, resolved when that stops being true. Run it for one account
// after a change there, or for every account from a daily job (scripts/champion-watch.ts); the
// alerts work reads the open rows through openChampionWatches().
import { db } from "~/db.server";
import type { WatchCondition } from "./model";
import { decideWatch, type AccountTermFacts } from "./watch";

/** Events a person receives rather than does: they say nothing about whether the champion is active. */
const PASSIVE_EVENT_TYPES = ["qa.vote_received", "qa.answer_accepted", "champion.nominated", "champion.endorsed", "champion.became", "champion.renewed"];

export type WatchRefresh = { accounts: number; opened: number; resolved: number; open: number };

/**
 * Re-evaluates the champion watch of `accountId`, or of every account that has had a champion
 * (or still has an open row) when no id is given. Idempotent: running it twice changes nothing.
 */
export async function refreshChampionWatch(accountId?: string, now = new Date()): Promise<WatchRefresh> {
  await attributeTerms(accountId);
  const accountIds = accountId
    ? [accountId]
    : [
        ...new Set([
          ...(await db.championTermAccount.findMany({ distinct: ["accountId"], select: { accountId: true } })).map((r) => r.accountId),
          ...(await db.accountChampionWatch.findMany({ where: { resolvedAt: null }, distinct: ["accountId"], select: { accountId: true } })).map((r) => r.accountId),
        ]),
      ];
  const result: WatchRefresh = { accounts: accountIds.length, opened: 0, resolved: 0, open: 0 };
  for (const id of accountIds) {
    const change = await refreshAccount(id, now);
    result.opened += change.opened;
    result.resolved += change.resolved;
    result.open += change.open;
  }
  return result;
}

/**
 * Terms created before this table existed (or by a seed) count for the company the champion
 * belongs to now; terms created by an approval were attributed when they were made.
 */
async function attributeTerms(accountId?: string) {
  const terms = await db.championTerm.findMany({
    where: accountId ? { user: { accountId } } : { user: { accountId: { not: null } } },
    select: { id: true, user: { select: { accountId: true } } },
  });
  if (terms.length === 0) return;
  const known = new Set((await db.championTermAccount.findMany({ where: { termId: { in: terms.map((t) => t.id) } }, select: { termId: true } })).map((r) => r.termId));
  const missing = terms.filter((t) => !known.has(t.id) && t.user.accountId !== null);
  if (missing.length) await db.championTermAccount.createMany({ data: missing.map((t) => ({ termId: t.id, accountId: t.user.accountId! })) });
}

async function accountTermFacts(accountId: string, now: Date): Promise<AccountTermFacts[]> {
  const attributed = await db.championTermAccount.findMany({ where: { accountId }, select: { termId: true } });
  const ids = attributed.map((r) => r.termId);
  const terms = await db.championTerm.findMany({
    where: { id: { in: ids } },
    select: { id: true, userId: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true, user: { select: { accountId: true } } },
  });
  const userIds = [...new Set(terms.map((t) => t.userId))];
  const activity = userIds.length
    ? await db.engagementEvent.groupBy({
        by: ["actorId"],
        where: { actorId: { in: userIds }, occurredAt: { lte: now }, type: { notIn: PASSIVE_EVENT_TYPES } },
        _max: { occurredAt: true },
      })
    : [];
  const lastActivity = new Map(activity.map((row) => [row.actorId, row._max.occurredAt]));
  const found = new Set(terms.map((t) => t.id));
  // A deleted person's terms went with them; their attribution rows say the account had them.
  const removed: AccountTermFacts[] = ids
    .filter((id) => !found.has(id))
    .map(() => ({ userId: null, inAccount: false, lastActivityAt: null, cohort: 0, startsAt: new Date(0), endsAt: new Date(0), revokedAt: null }));
  return [
    ...terms.map((t) => ({
      userId: t.userId,
      inAccount: t.user.accountId === accountId,
      lastActivityAt: lastActivity.get(t.userId) ?? null,
      cohort: t.cohort,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      revokedAt: t.revokedAt,
    })),
    ...removed,
  ];
}

async function refreshAccount(accountId: string, now: Date) {
  const decision = decideWatch(await accountTermFacts(accountId, now), now);
  const open = await db.accountChampionWatch.findMany({ where: { accountId, resolvedAt: null }, select: { id: true, condition: true, championId: true } });
  const keep = decision ? open.find((row) => row.condition === decision.condition && row.championId === decision.championId) : undefined;
  const stale = open.filter((row) => row !== keep);
  if (stale.length) await db.accountChampionWatch.updateMany({ where: { id: { in: stale.map((row) => row.id) } }, data: { resolvedAt: now } });
  let opened = 0;
  if (decision && !keep) {
    await db.accountChampionWatch.create({ data: { accountId, ...decision, detectedAt: now } });
    opened = 1;
  }
  return { opened, resolved: stale.length, open: decision ? 1 : 0 };
}

export type OpenChampionWatch = {
  id: string;
  accountId: string;
  accountName: string;
  condition: WatchCondition;
  championId: string | null;
  championName: string | null;
  since: Date;
  detail: string;
  detectedAt: Date;
};

/** The open conditions, newest first: for one account, or all of them (the alerts inbox). */
export async function openChampionWatches(accountId?: string): Promise<OpenChampionWatch[]> {
  const rows = await db.accountChampionWatch.findMany({
    where: { resolvedAt: null, ...(accountId ? { accountId } : {}) },
    orderBy: [{ since: "desc" }, { id: "asc" }],
    select: {
      id: true,
      accountId: true,
      condition: true,
      championId: true,
      since: true,
      detail: true,
      detectedAt: true,
      account: { select: { name: true } },
      champion: { select: { name: true } },
    },
  });
  return rows.map(({ account, champion, ...row }) => ({
    ...row,
    condition: row.condition as WatchCondition,
    accountName: account.name,
    championName: champion?.name ?? null,
  }));
}
