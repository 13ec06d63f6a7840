// The portfolio: every customer account (or a CSM's own) with the facts CS scans first. One page
// is a filtered, sorted id query plus one grouped query per aggregate for just that page's
// accounts, so a page costs the same with 20 accounts or 2,000. Sorting by an aggregate computes
// it per filtered account inside SQLite; the sort expressions are a fixed whitelist, never text
// from the URL.
//
// Health: the id query joins each account's latest snapshot (on or before today, within the
// 90-day trend window) through the snapshot primary key (accountId, day), so the band filter and
// the score sort stay inside the one query. The page's rows then get their 7-day change,
// sparkline from listAccountHealth (two queries for the page).
import { db } from "~/db.server";
import { STAFF_TOUCH_PREFIX } from "~/engagement/events";
import type { Band } from "~/scoring/model";
import { listAccountHealth, TREND_DAYS } from "~/scoring/read.server";
import { PAGE_SIZE, type PortfolioFilters, type SortKey } from "./portfolio";
import { chunks, escapeLike, placeholders, sqlTime, toDate, toNumber } from "./sql";

const DAY_MS = 86_400_000;
/** "Active" means at least one engagement event in this many days. */
export const ACTIVE_DAYS = 30;
const EXPORT_LIMIT = 10_000;

export type PortfolioRow = {
  id: string;
  name: string;
  plan: string;
  seatsLicensed: number;
  arr: number;
  /** YYYY-MM-DD */
  renewalDate: string | null;
  lifecycleStage: string;
  ownerId: string | null;
  ownerName: string | null;
  memberCount: number;
  activeUsers: number;
  champions: number;
  /** The latest health snapshot; null when the account has none in the last 90 days. */
  score: number | null;
  band: Band | null;
  /** Against the snapshot 7 days before the latest, when there is one. */
  change7: number | null;
  /** Daily overall scores of the last 90 days, oldest first. */
  sparkline: number[];
  openAlerts: number;
};

type Sql = { text: string; params: unknown[] };

function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Covers the active-user counts (prisma/schema.prisma); see activeUsersByAccount. */
const ACCOUNT_TIME_INDEX = "EngagementEvent_account_time_idx";

// Shared by the page and the sort: a member's own engagement on the account since `since`.
const ACTIVE_USERS_SQL = `(SELECT COUNT(DISTINCT e.actorId) FROM EngagementEvent e INDEXED BY ${ACCOUNT_TIME_INDEX}
  WHERE e.accountId = a.id AND e.occurredAt >= ? AND e.type NOT LIKE '${STAFF_TOUCH_PREFIX}%')`;
const CHAMPIONS_SQL = `(SELECT COUNT(DISTINCT c.userId) FROM ChampionTerm c JOIN User u ON u.id = c.userId
  WHERE u.accountId = a.id AND c.revokedAt IS NULL AND c.startsAt <= ? AND c.endsAt > ?)`;

const OPEN_ALERTS_SQL = `(SELECT COUNT(*) FROM HealthAlert h WHERE h.accountId = a.id AND h.status IN ('open', 'acknowledged'))`;

/** Joins `s`, the latest snapshot per account; its parameters come first in the statement. */
function latestSnapshotJoin(now: Date): Sql {
  const today = startOfUtcDay(now);
  return {
    text: `LEFT JOIN HealthSnapshot s ON s.accountId = a.id AND s.day = (
      SELECT MAX(x.day) FROM HealthSnapshot x WHERE x.accountId = a.id AND x.day <= ? AND x.day > ?)`,
    params: [sqlTime(today), sqlTime(new Date(today.getTime() - TREND_DAYS * DAY_MS))],
  };
}

function whereSql(filters: PortfolioFilters, viewerId: string, now: Date): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.band) {
    clauses.push("s.band = ?");
    params.push(filters.band);
  }
  const owner = filters.owner;
  if (owner === "mine") {
    clauses.push("a.ownerId = ?");
    params.push(viewerId);
  } else if (owner === "none") {
    clauses.push("a.ownerId IS NULL");
  } else if (owner !== "all") {
    clauses.push("a.ownerId = ?");
    params.push(owner.id);
  }
  if (filters.stage) {
    clauses.push("a.lifecycleStage = ?");
    params.push(filters.stage);
  }
  if (filters.plan) {
    clauses.push("a.plan = ?");
    params.push(filters.plan);
  }
  if (filters.renewalWithin) {
    // From today through the N-th day after it (renewal dates are calendar days at 00:00 UTC).
    const today = startOfUtcDay(now);
    clauses.push("a.renewalDate >= ? AND a.renewalDate < ?");
    params.push(sqlTime(today), sqlTime(new Date(today.getTime() + (filters.renewalWithin + 1) * DAY_MS)));
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    clauses.push(
      "(a.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM AccountDomain d WHERE d.accountId = a.id AND d.domain LIKE ? ESCAPE '\\'))",
    );
    params.push(pattern, pattern.toLowerCase());
  }
  return { text: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

function orderSql(filters: PortfolioFilters, now: Date): Sql {
  const dir = filters.dir === "desc" ? "DESC" : "ASC";
  const since = sqlTime(new Date(now.getTime() - ACTIVE_DAYS * DAY_MS));
  const at = sqlTime(now);
  const expressions: Record<SortKey, Sql> = {
    name: { text: `a.name ${dir}`, params: [] },
    // Accounts without a score go last either way.
    score: { text: `s.overall IS NULL ASC, s.overall ${dir}`, params: [] },
    alerts: { text: `${OPEN_ALERTS_SQL} ${dir}`, params: [] },
    plan: { text: `CASE a.plan WHEN 'starter' THEN 0 WHEN 'growth' THEN 1 WHEN 'enterprise' THEN 2 ELSE 3 END ${dir}`, params: [] },
    stage: { text: `a.lifecycleStage ${dir}`, params: [] },
    // Accounts without a renewal date go last either way.
    renewal: { text: `a.renewalDate IS NULL ASC, a.renewalDate ${dir}`, params: [] },
    utilisation: { text: `${ACTIVE_USERS_SQL} * 1.0 / MAX(a.seatsLicensed, 1) ${dir}`, params: [since] },
    champions: { text: `${CHAMPIONS_SQL} ${dir}`, params: [at, at] },
    members: { text: `(SELECT COUNT(*) FROM User m WHERE m.accountId = a.id) ${dir}`, params: [] },
    arr: { text: `a.arr ${dir}`, params: [] },
    owner: { text: `o.name IS NULL ASC, o.name ${dir}`, params: [] },
  };
  const chosen = expressions[filters.sort];
  return { text: `ORDER BY ${chosen.text}, a.name ASC, a.id ASC`, params: chosen.params };
}

type AccountRow = {
  id: string;
  name: string;
  plan: string;
  seatsLicensed: unknown;
  arr: unknown;
  renewalDate: unknown;
  lifecycleStage: string;
  ownerId: string | null;
  ownerName: string | null;
  score: unknown;
  band: string | null;
  openAlerts: unknown;
};

async function selectAccounts(filters: PortfolioFilters, viewerId: string, now: Date, limit: number, offset: number) {
  const where = whereSql(filters, viewerId, now);
  const order = orderSql(filters, now);
  const snapshot = latestSnapshotJoin(now);
  return db.$queryRawUnsafe<AccountRow[]>(
    `SELECT a.id, a.name, a.plan, a.seatsLicensed, a.arr, a.renewalDate, a.lifecycleStage, a.ownerId, o.name AS ownerName,
       s.overall AS score, s.band AS band, ${OPEN_ALERTS_SQL} AS openAlerts
     FROM Account a LEFT JOIN User o ON o.id = a.ownerId ${snapshot.text}
     ${where.text} ${order.text} LIMIT ? OFFSET ?`,
    ...snapshot.params,
    ...where.params,
    ...order.params,
    limit,
    offset,
  );
}

async function countAccounts(filters: PortfolioFilters, viewerId: string, now: Date): Promise<number> {
  const where = whereSql(filters, viewerId, now);
  // The snapshot join is only needed when the band filter reads it.
  const snapshot = filters.band ? latestSnapshotJoin(now) : { text: "", params: [] };
  const [row] = await db.$queryRawUnsafe<Array<{ n: unknown }>>(
    `SELECT COUNT(*) AS n FROM Account a ${snapshot.text} ${where.text}`,
    ...snapshot.params,
    ...where.params,
  );
  return toNumber(row?.n);
}

type Counts = Map<string, number>;

async function grouped(sql: (ids: string) => string, ids: readonly string[], before: unknown[] = [], after: unknown[] = []): Promise<Counts> {
  const counts: Counts = new Map();
  for (const part of chunks(ids)) {
    const rows = await db.$queryRawUnsafe<Array<{ accountId: string; n: unknown }>>(sql(placeholders(part.length)), ...before, ...part, ...after);
    for (const row of rows) counts.set(row.accountId, toNumber(row.n));
  }
  return counts;
}

/**
 * People with their own engagement on each account in the last 30 days. The
 * (accountId, occurredAt, actorId, type, weight) index holds everything this reads, so one
 * account's recent events are one contiguous index range and no table row is fetched (through an
 * index without actorId and type every recent event cost a row lookup: ~100 ms for a page of 25
 * accounts at 5,000,000 events, seconds for all 2,000). INDEXED BY keeps the planner from
 * choosing another index without statistics to tell it better. The ids travel as one JSON
 * parameter, so any number of accounts is one statement.
 */
export async function activeUsersByAccount(ids: readonly string[], now = new Date()): Promise<Counts> {
  const counts: Counts = new Map();
  if (ids.length === 0) return counts;
  const since = sqlTime(new Date(now.getTime() - ACTIVE_DAYS * DAY_MS));
  const rows = await db.$queryRawUnsafe<Array<{ accountId: string; n: unknown }>>(
    `SELECT accountId, COUNT(DISTINCT actorId) AS n FROM EngagementEvent INDEXED BY ${ACCOUNT_TIME_INDEX}
     WHERE accountId IN (SELECT value FROM json_each(?)) AND occurredAt >= ? AND type NOT LIKE '${STAFF_TOUCH_PREFIX}%'
     GROUP BY accountId`,
    JSON.stringify(ids),
    since,
  );
  for (const row of rows) counts.set(row.accountId, toNumber(row.n));
  return counts;
}

/** Members, active members (last 30 days) and current champions, for the given accounts only. */
export async function accountAggregates(ids: readonly string[], now = new Date()) {
  if (ids.length === 0) return { members: new Map() as Counts, active: new Map() as Counts, champions: new Map() as Counts };
  const at = sqlTime(now);
  const [members, active, champions] = await Promise.all([
    grouped((list) => `SELECT accountId, COUNT(*) AS n FROM User WHERE accountId IN (${list}) GROUP BY accountId`, ids),
    activeUsersByAccount(ids, now),
    grouped(
      (list) => `SELECT u.accountId AS accountId, COUNT(DISTINCT c.userId) AS n FROM ChampionTerm c JOIN User u ON u.id = c.userId
        WHERE u.accountId IN (${list}) AND c.revokedAt IS NULL AND c.startsAt <= ? AND c.endsAt > ? GROUP BY u.accountId`,
      ids,
      [],
      [at, at],
    ),
  ]);
  return { members, active, champions };
}

async function withAggregates(rows: AccountRow[], now: Date): Promise<PortfolioRow[]> {
  const ids = rows.map((r) => r.id);
  const [{ members, active, champions }, health] = await Promise.all([accountAggregates(ids, now), listAccountHealth(ids, { now })]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    plan: row.plan,
    seatsLicensed: toNumber(row.seatsLicensed),
    arr: toNumber(row.arr),
    renewalDate: row.renewalDate ? toDate(row.renewalDate).toISOString().slice(0, 10) : null,
    lifecycleStage: row.lifecycleStage,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    memberCount: members.get(row.id) ?? 0,
    activeUsers: active.get(row.id) ?? 0,
    champions: champions.get(row.id) ?? 0,
    score: row.score === null || row.score === undefined ? null : toNumber(row.score),
    band: row.band === "green" || row.band === "yellow" || row.band === "red" ? row.band : null,
    change7: health.get(row.id)?.change7 ?? null,
    sparkline: health.get(row.id)?.sparkline.map((p) => p.overall) ?? [],
    openAlerts: toNumber(row.openAlerts),
  }));
}

/** One page of the portfolio. `viewerId` is who "mine" means. */
export async function listPortfolio(filters: PortfolioFilters, viewerId: string, now = new Date()) {
  const total = await countAccounts(filters, viewerId, now);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await selectAccounts(filters, viewerId, now, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { total, pages, page, accounts: await withAggregates(rows, now) };
}

/** Every account matching the filters, in the chosen order, for the CSV export. */
export async function exportPortfolio(filters: PortfolioFilters, viewerId: string, now = new Date()): Promise<PortfolioRow[]> {
  const rows = await selectAccounts(filters, viewerId, now, EXPORT_LIMIT, 0);
  return withAggregates(rows, now);
}

/** Whether the person owns any account; decides if the portfolio opens on "mine" or "all". */
export async function ownsAccounts(userId: string): Promise<boolean> {
  return (await db.account.findFirst({ where: { ownerId: userId }, select: { id: true } })) !== null;
}

/** The people an account can be assigned to, for the owner filter. */
export async function staffOptions() {
  return db.user.findMany({ where: { role: { in: ["cs", "admin"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
