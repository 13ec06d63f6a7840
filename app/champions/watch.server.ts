// Keeps AccountChampionWatch in step with the champions: one open row per account while its only
// champion is inactive or has left, resolved when that stops being true. Run it for one account
// after a change there, or for every account from a daily job (scripts/champion-watch.ts); the
// scoring job's "only champion inactive" alert refreshes its accounts and reads the open rows
// through openChampionWatches() (app/alerts/champion.server.ts).
import { db } from "~/db.server";
import { inSlices, slices } from "~/scoring/chunks";
import type { WatchCondition } from "./model";
import { decideWatch, type AccountTermFacts, type WatchDecision } from "./watch";

/** Events a person receives rather than does: they say nothing about whether the champion is active. */
const PASSIVE_EVENT_TYPES = ["qa.vote_received", "qa.answer_accepted", "champion.nominated", "champion.endorsed", "champion.became", "champion.renewed"];

export type WatchRefresh = { accounts: number; opened: number; resolved: number; open: number };

/**
 * Re-evaluates the champion watch of `accountId`, or of every account that has had a champion
 * (or still has an open row) when no id is given. Idempotent: running it twice changes nothing.
 */
export async function refreshChampionWatch(accountId?: string, now = new Date()): Promise<WatchRefresh> {
  return refreshWatches(accountId ? [accountId] : undefined, now);
}

/**
 * The same for a list of accounts (the scoring job's alerts read the watch for the accounts of
 * its run): a handful of queries whatever the length of the list.
 */
export async function refreshChampionWatches(accountIds: string[], now = new Date()): Promise<WatchRefresh> {
  return refreshWatches(accountIds, now);
}

async function refreshWatches(scope: string[] | undefined, now: Date): Promise<WatchRefresh> {
  await attributeTerms(scope);
  const accountIds = scope
    ? [...new Set(scope)]
    : [
        ...new Set([
          ...(await db.championTermAccount.findMany({ distinct: ["accountId"], select: { accountId: true } })).map((r) => r.accountId),
          ...(await db.accountChampionWatch.findMany({ where: { resolvedAt: null }, distinct: ["accountId"], select: { accountId: true } })).map((r) => r.accountId),
        ]),
      ];
  const facts = await accountTermFacts(accountIds, now);
  const openRows = await inSlices(accountIds, (slice) =>
    db.accountChampionWatch.findMany({ where: { accountId: { in: slice }, resolvedAt: null }, select: { id: true, accountId: true, condition: true, championId: true } }),
  );
  const openByAccount = new Map<string, typeof openRows>();
  for (const row of openRows) openByAccount.set(row.accountId, [...(openByAccount.get(row.accountId) ?? []), row]);

  const stale: string[] = [];
  const opened: Array<WatchDecision & { accountId: string; detectedAt: Date }> = [];
  let open = 0;
  for (const accountId of accountIds) {
    const decision = decideWatch(facts.get(accountId) ?? [], now);
    const rows = openByAccount.get(accountId) ?? [];
    const keep = decision ? rows.find((row) => row.condition === decision.condition && row.championId === decision.championId) : undefined;
    stale.push(...rows.filter((row) => row !== keep).map((row) => row.id));
    if (decision && !keep) opened.push({ accountId, ...decision, detectedAt: now });
    if (decision) open += 1;
  }
  for (const slice of slices(stale)) await db.accountChampionWatch.updateMany({ where: { id: { in: slice } }, data: { resolvedAt: now } });
  if (opened.length) await db.accountChampionWatch.createMany({ data: opened });
  return { accounts: accountIds.length, opened: opened.length, resolved: stale.length, open };
}

/**
 * Terms created before this table existed (or by a seed) count for the company the champion
 * belongs to now; terms created by an approval were attributed when they were made.
 */
async function attributeTerms(accountIds?: string[]) {
  const select = { id: true, user: { select: { accountId: true } } } as const;
  const terms = accountIds
    ? await inSlices(accountIds, (slice) => db.championTerm.findMany({ where: { user: { accountId: { in: slice } } }, select }))
    : await db.championTerm.findMany({ where: { user: { accountId: { not: null } } }, select });
  if (terms.length === 0) return;
  const known = new Set(
    (await inSlices(terms.map((t) => t.id), (slice) => db.championTermAccount.findMany({ where: { termId: { in: slice } }, select: { termId: true } }))).map((r) => r.termId),
  );
  const missing = terms.filter((t) => !known.has(t.id) && t.user.accountId !== null);
  if (missing.length) await db.championTermAccount.createMany({ data: missing.map((t) => ({ termId: t.id, accountId: t.user.accountId! })) });
}

/** Every account's counted terms, with what is known about each champion now. */
async function accountTermFacts(accountIds: string[], now: Date): Promise<Map<string, AccountTermFacts[]>> {
  const attributed = await inSlices(accountIds, (slice) => db.championTermAccount.findMany({ where: { accountId: { in: slice } }, select: { termId: true, accountId: true } }));
  const terms = await inSlices([...new Set(attributed.map((r) => r.termId))], (slice) =>
    db.championTerm.findMany({
      where: { id: { in: slice } },
      select: { id: true, userId: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true, user: { select: { accountId: true } } },
    }),
  );
  const userIds = [...new Set(terms.map((t) => t.userId))];
  const activity = await inSlices(userIds, (slice) =>
    db.engagementEvent.groupBy({
      by: ["actorId"],
      where: { actorId: { in: slice }, occurredAt: { lte: now }, type: { notIn: PASSIVE_EVENT_TYPES } },
      _max: { occurredAt: true },
    }),
  );
  const lastActivity = new Map(activity.map((row) => [row.actorId, row._max.occurredAt]));
  const termById = new Map(terms.map((t) => [t.id, t]));
  const byAccount = new Map<string, { found: AccountTermFacts[]; removed: AccountTermFacts[] }>();
  for (const { termId, accountId } of attributed) {
    const entry = byAccount.get(accountId) ?? { found: [], removed: [] };
    byAccount.set(accountId, entry);
    const t = termById.get(termId);
    // A deleted person's terms went with them; their attribution rows say the account had them.
    if (!t) {
      entry.removed.push({ userId: null, inAccount: false, lastActivityAt: null, cohort: 0, startsAt: new Date(0), endsAt: new Date(0), revokedAt: null });
      continue;
    }
    entry.found.push({
      userId: t.userId,
      inAccount: t.user.accountId === accountId,
      lastActivityAt: lastActivity.get(t.userId) ?? null,
      cohort: t.cohort,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      revokedAt: t.revokedAt,
    });
  }
  return new Map([...byAccount].map(([accountId, { found, removed }]) => [accountId, [...found, ...removed]]));
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
