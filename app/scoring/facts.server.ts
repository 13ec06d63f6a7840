// Gathers AccountFacts for many accounts at once. Each source table is read with one aggregate
// query grouped by account (events by account and person), never one query per account: the
// full recompute over 5,000,000 events stays a handful of scans. The same queries, limited to a
// list of accounts, serve the incremental run, so both paths compute identical facts.
import type { Catalog } from "~/content/catalog.server";
import { db } from "~/db.server";
import { PERSONAS, type Persona } from "~/users/roles";
import { emptyFacts, round2, type AccountFacts } from "./facts";
import { CONTRIBUTION_TYPES, HALF_LIFE_DAYS, MEMBER_WINDOW_DAYS } from "./member-engagement";
import { DAY_MS, daysBefore, readTime, sqlTime, startOfUtcDay } from "./time";

/** What scoring needs to know about the learning content. */
export type ContentIndex = {
  /** Article id → tier rank: 1 beginner, 2 intermediate, 3 advanced. */
  tierRank: Record<string, number>;
  /** The paths that mark progress: onboarding paths and advanced paths, with their article ids. */
  paths: Array<{ id: string; kind: "onboarding" | "advanced"; items: string[] }>;
};

const TIER_RANK = { beginner: 1, intermediate: 2, advanced: 3 } as const;

export function contentIndexFromCatalog(catalog: Pick<Catalog, "articles" | "paths">): ContentIndex {
  return {
    tierRank: Object.fromEntries(catalog.articles.map((a) => [a.id, TIER_RANK[a.tier]])),
    paths: catalog.paths.flatMap((p) => {
      const kind = (p.translationKey ?? p.slug) === "onboarding" ? "onboarding" : p.tier === "advanced" ? "advanced" : null;
      return kind ? [{ id: p.id, kind, items: p.items.map((slug) => `${p.locale}/${slug}`) }] : [];
    }),
  };
}

export type AccountRow = {
  id: string;
  name: string;
  plan: string;
  seatsLicensed: number;
  lifecycleStage: string;
  ownerId: string | null;
  renewalDate: Date | null;
  createdAt: Date;
  arr: number;
};

/** One person's engagement inputs: decayed score, contributions and last event in the window. */
export type ActorAggregate = { actorId: string; score: number; contributions: number; lastAt: Date | null };

export type GatheredFacts = {
  accounts: Array<AccountRow & { facts: AccountFacts }>;
  /** Every actor with events in the window among the gathered accounts (all actors for a full run). */
  actors: Map<string, ActorAggregate>;
};

/** Which accounts to gather: all of them, or a list. */
export type Scope = { accountIds: string[] } | "all";

/** Times as SQL text literals. They come from Date.toISOString, so they never hold a quote. */
function lit(date: Date): string {
  return `'${sqlTime(date)}'`;
}

/**
 * Limits a query to the scope's accounts. Queries on User write the role test as `+u.role`: the
 * unary plus keeps SQLite from using the role index (half the table) instead of the account
 * index when no ANALYZE statistics tell it better.
 */
function scopeFilter(column: string, scope: Scope): { sql: string; params: string[] } {
  return scope === "all" ? { sql: "", params: [] } : { sql: ` AND ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope.accountIds)] };
}

const num = (value: unknown) => Number(value ?? 0);

type EventRow = {
  accountId: string | null;
  actorId: string | null;
  w30: number;
  wPrior: number;
  decayed: number;
  touches90: number;
  asked90: number;
  answered90: number;
  accepted90: number;
  attended90: number;
  posted90: number;
  contributions: number;
  lastAt: unknown;
};

/**
 * Events of the member window (180 days) grouped by account and person: one pass feeds the
 * momentum, community, relationship and member-engagement numbers.
 */
async function eventAggregates(asOf: Date, filter: { sql: string; params: string[] }): Promise<EventRow[]> {
  const t30 = daysBefore(asOf, 30);
  const t90 = daysBefore(asOf, 90);
  const t120 = daysBefore(asOf, 120);
  const from = daysBefore(asOf, MEMBER_WINDOW_DAYS);
  const decayPerDay = -Math.LN2 / HALF_LIFE_DAYS;
  const asOfJulian = asOf.getTime() / DAY_MS + 2440587.5;
  const contribution = CONTRIBUTION_TYPES.map((t) => `'${t}'`).join(", ");
  const recent = `occurredAt > ${lit(t90)}`;
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT accountId, actorId,
       SUM(CASE WHEN occurredAt > ${lit(t30)} THEN weight ELSE 0 END) AS w30,
       SUM(CASE WHEN occurredAt <= ${lit(t30)} AND occurredAt > ${lit(t120)} THEN weight ELSE 0 END) AS wPrior,
       SUM(weight * exp(${decayPerDay} * (${asOfJulian} - julianday(occurredAt)))) AS decayed,
       SUM(CASE WHEN ${recent} AND weight > 0 THEN 1 ELSE 0 END) AS touches90,
       SUM(CASE WHEN ${recent} AND type = 'qa.asked' THEN 1 ELSE 0 END) AS asked90,
       SUM(CASE WHEN ${recent} AND type = 'qa.answered' THEN 1 ELSE 0 END) AS answered90,
       SUM(CASE WHEN ${recent} AND type = 'qa.answer_accepted' THEN 1 ELSE 0 END) AS accepted90,
       SUM(CASE WHEN ${recent} AND type = 'group.attended' THEN 1 ELSE 0 END) AS attended90,
       SUM(CASE WHEN ${recent} AND type = 'group.posted' THEN 1 ELSE 0 END) AS posted90,
       SUM(CASE WHEN type IN (${contribution}) THEN 1 ELSE 0 END) AS contributions,
       MAX(occurredAt) AS lastAt
     FROM EngagementEvent
     WHERE occurredAt > ${lit(from)} AND occurredAt <= ${lit(asOf)}${filter.sql}
     GROUP BY accountId, actorId`,
    ...filter.params,
  );
  return rows;
}

function toActors(rows: EventRow[]): Map<string, ActorAggregate> {
  const actors = new Map<string, ActorAggregate>();
  for (const row of rows) {
    if (!row.actorId) continue;
    const lastAt = readTime(row.lastAt);
    const seen = actors.get(row.actorId);
    if (seen) {
      seen.score += num(row.decayed);
      seen.contributions += num(row.contributions);
      if (lastAt && (!seen.lastAt || lastAt > seen.lastAt)) seen.lastAt = lastAt;
    } else {
      actors.set(row.actorId, { actorId: row.actorId, score: num(row.decayed), contributions: num(row.contributions), lastAt });
    }
  }
  return actors;
}

/** Member-engagement inputs for a list of people, over all accounts they had events with. */
export async function actorAggregates(asOf: Date, actorIds: string[]): Promise<Map<string, ActorAggregate>> {
  if (actorIds.length === 0) return new Map();
  return toActors(await eventAggregates(asOf, scopeFilter("actorId", { accountIds: actorIds })));
}

/** The facts of every account in `scope`, as of `asOf`. */
export async function gatherFacts(asOf: Date, content: ContentIndex, scope: Scope): Promise<GatheredFacts> {
  const today = startOfUtcDay(asOf);
  const d30 = daysBefore(today, 30);
  const d120 = daysBefore(today, 120);
  const accountFilter = scopeFilter("id", scope);
  const userFilter = scopeFilter("u.accountId", scope);

  const accounts = await db.$queryRawUnsafe<Array<Omit<AccountRow, "renewalDate" | "createdAt"> & { renewalDate: unknown; createdAt: unknown }>>(
    `SELECT id, name, plan, seatsLicensed, lifecycleStage, ownerId, renewalDate, createdAt, arr FROM Account WHERE 1 = 1${accountFilter.sql} ORDER BY id`,
    ...accountFilter.params,
  );
  const byId = new Map<string, AccountRow & { facts: AccountFacts }>();
  for (const a of accounts) {
    const row = { ...a, seatsLicensed: num(a.seatsLicensed), arr: num(a.arr), renewalDate: readTime(a.renewalDate), createdAt: readTime(a.createdAt) ?? asOf };
    byId.set(a.id, { ...row, facts: emptyFacts({ plan: a.plan, stage: a.lifecycleStage, seats: row.seatsLicensed }) });
  }
  if (byId.size === 0) return { accounts: [], actors: new Map() };

  const [members, events, usage, features, tiers, paths, groups, champions] = await Promise.all([
    db.$queryRawUnsafe<Array<{ id: string; accountId: string; persona: string }>>(
      `SELECT u.id, u.accountId, u.persona FROM User u WHERE +u.role = 'member' AND u.accountId IS NOT NULL${userFilter.sql}`,
      ...userFilter.params,
    ),
    eventAggregates(asOf, scopeFilter("accountId", scope)),
    db.$queryRawUnsafe<Array<{ accountId: string; sum30: number; days30: number; min30: number | null; sumPrior: number; lastActiveDay: unknown }>>(
      `SELECT accountId,
         SUM(CASE WHEN day >= ${lit(d30)} THEN activeUsers ELSE 0 END) AS sum30,
         SUM(CASE WHEN day >= ${lit(d30)} THEN 1 ELSE 0 END) AS days30,
         MIN(CASE WHEN day >= ${lit(d30)} THEN activeUsers END) AS min30,
         SUM(CASE WHEN day >= ${lit(d120)} AND day < ${lit(d30)} THEN activeUsers ELSE 0 END) AS sumPrior,
         MAX(CASE WHEN activeUsers > 0 THEN day END) AS lastActiveDay
       FROM AccountUsageDay WHERE day < ${lit(today)}${scopeFilter("accountId", scope).sql}
       GROUP BY accountId`,
      ...scopeFilter("accountId", scope).params,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; feature: string }>>(
      `SELECT d.accountId, j.key AS feature
       FROM AccountUsageDay d, json_each(CASE WHEN json_valid(d.featureCounts) THEN d.featureCounts ELSE '{}' END) j
       WHERE d.day >= ${lit(d30)} AND d.day < ${lit(today)} AND j.value > 0${scopeFilter("d.accountId", scope).sql}
       GROUP BY d.accountId, j.key`,
      ...scopeFilter("d.accountId", scope).params,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; topRank: number; people: number; items: number }>>(
      `WITH tiers AS (SELECT key AS articleId, value AS tierRank FROM json_each(?))
       SELECT accountId, topRank, COUNT(*) AS people, 0 AS items FROM (
         SELECT u.accountId AS accountId, c.userId, MAX(COALESCE(t.tierRank, 1)) AS topRank
         FROM ContentCompletion c JOIN User u ON u.id = c.userId LEFT JOIN tiers t ON t.articleId = c.articleId
         WHERE +u.role = 'member' AND u.accountId IS NOT NULL AND c.completedAt <= ${lit(asOf)}${userFilter.sql}
         GROUP BY c.userId
       ) GROUP BY accountId, topRank
       UNION ALL
       SELECT u.accountId, 0, 0, COUNT(DISTINCT c.articleId)
       FROM ContentCompletion c JOIN User u ON u.id = c.userId
       WHERE +u.role = 'member' AND u.accountId IS NOT NULL AND c.completedAt <= ${lit(asOf)}${userFilter.sql}
       GROUP BY u.accountId`,
      JSON.stringify(content.tierRank),
      ...userFilter.params,
      ...userFilter.params,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; kind: string; started: number; completed: number }>>(
      `WITH items AS (
         SELECT json_extract(value, '$.path') AS pathId, json_extract(value, '$.kind') AS kind, json_extract(value, '$.article') AS articleId
         FROM json_each(?)
       ),
       sizes AS (SELECT pathId, COUNT(*) AS size FROM items GROUP BY pathId),
       progress AS (
         SELECT u.accountId AS accountId, c.userId AS userId, i.pathId AS pathId, i.kind AS kind, COUNT(*) AS done
         FROM ContentCompletion c JOIN User u ON u.id = c.userId JOIN items i ON i.articleId = c.articleId
         WHERE +u.role = 'member' AND u.accountId IS NOT NULL AND c.completedAt <= ${lit(asOf)}${userFilter.sql}
         GROUP BY c.userId, i.pathId
       )
       SELECT p.accountId, p.kind, COUNT(DISTINCT p.userId) AS started,
         COUNT(DISTINCT CASE WHEN p.done >= s.size THEN p.userId END) AS completed
       FROM progress p JOIN sizes s ON s.pathId = p.pathId
       GROUP BY p.accountId, p.kind`,
      JSON.stringify(content.paths.flatMap((p) => p.items.map((article) => ({ path: p.id, kind: p.kind, article })))),
      ...userFilter.params,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; n: number }>>(
      `SELECT u.accountId, COUNT(DISTINCT g.userId) AS n
       FROM GroupMembership g JOIN User u ON u.id = g.userId
       WHERE g.status = 'active' AND (g.joinedAt IS NULL OR g.joinedAt <= ${lit(asOf)})
         AND +u.role = 'member' AND u.accountId IS NOT NULL${userFilter.sql}
       GROUP BY u.accountId`,
      ...userFilter.params,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; n: number }>>(
      `SELECT u.accountId, COUNT(DISTINCT t.userId) AS n
       FROM ChampionTerm t JOIN User u ON u.id = t.userId
       WHERE t.startsAt <= ${lit(asOf)} AND t.endsAt > ${lit(asOf)} AND (t.revokedAt IS NULL OR t.revokedAt > ${lit(asOf)})
         AND u.accountId IS NOT NULL${userFilter.sql}
       GROUP BY u.accountId`,
      ...userFilter.params,
    ),
  ]);

  const personaOf = new Map<string, { accountId: string; persona: Persona }>();
  for (const m of members) {
    const facts = byId.get(m.accountId)?.facts;
    if (!facts) continue;
    const persona = (PERSONAS as readonly string[]).includes(m.persona) ? (m.persona as Persona) : "practitioner";
    personaOf.set(m.id, { accountId: m.accountId, persona });
    facts.members += 1;
    facts.personas[persona].total += 1;
  }

  for (const row of events) {
    const facts = row.accountId ? byId.get(row.accountId)?.facts : undefined;
    if (!facts) continue;
    facts.activity.weight30 += num(row.w30);
    facts.activity.weightPrior90 += num(row.wPrior);
    const lastAt = readTime(row.lastAt);
    if (lastAt && (!facts.activity.lastEventAt || lastAt.toISOString() > facts.activity.lastEventAt)) facts.activity.lastEventAt = lastAt.toISOString();
    const c = facts.community;
    c.asked90 += num(row.asked90);
    c.answered90 += num(row.answered90);
    c.acceptedAnswers90 += num(row.accepted90);
    c.attended90 += num(row.attended90);
    c.posted90 += num(row.posted90);
    // Engaged people are the account's current members who did something for it lately.
    const member = row.actorId ? personaOf.get(row.actorId) : undefined;
    if (member && member.accountId === row.accountId && num(row.touches90) > 0) {
      facts.engaged90 += 1;
      facts.personas[member.persona].engaged += 1;
    }
  }

  // Accounts with nothing in the window: their last event, however old, for "no activity".
  const silent = [...byId.values()].filter((a) => !a.facts.activity.lastEventAt).map((a) => a.id);
  if (silent.length) {
    const last = await db.$queryRawUnsafe<Array<{ accountId: string; lastAt: unknown }>>(
      `SELECT accountId, MAX(occurredAt) AS lastAt FROM EngagementEvent
       WHERE accountId IN (SELECT value FROM json_each(?)) AND occurredAt <= ${lit(asOf)} GROUP BY accountId`,
      JSON.stringify(silent),
    );
    for (const row of last) {
      const facts = byId.get(row.accountId)?.facts;
      const lastAt = readTime(row.lastAt);
      if (facts && lastAt) facts.activity.lastEventAt = lastAt.toISOString();
    }
  }

  for (const row of usage) {
    const facts = byId.get(row.accountId)?.facts;
    if (!facts) continue;
    const days30 = num(row.days30);
    facts.usage = {
      ...facts.usage,
      hasData: true,
      days30,
      avgActive30: round2(num(row.sum30) / 30),
      minActive30: days30 < 30 ? 0 : num(row.min30),
      avgActivePrior90: round2(num(row.sumPrior) / 90),
      lastActiveDay: readTime(row.lastActiveDay)?.toISOString().slice(0, 10) ?? null,
    };
  }
  for (const row of features) byId.get(row.accountId)?.facts.usage.featuresUsed30.push(row.feature);
  for (const account of byId.values()) account.facts.usage.featuresUsed30.sort();

  for (const row of tiers) {
    const facts = byId.get(row.accountId)?.facts;
    if (!facts) continue;
    const rank = num(row.topRank);
    if (rank === 0) {
      facts.learning.distinctItems = num(row.items);
      continue;
    }
    facts.learning.learners += num(row.people);
    const tier = rank >= 3 ? "advanced" : rank === 2 ? "intermediate" : "beginner";
    facts.learning.topTier[tier] += num(row.people);
  }
  for (const row of paths) {
    const facts = byId.get(row.accountId)?.facts;
    if (!facts) continue;
    if (row.kind === "onboarding") {
      facts.learning.onboardingStarted = num(row.started);
      facts.learning.onboardingCompleted = num(row.completed);
    } else if (row.kind === "advanced") {
      facts.learning.advancedPathCompleted = num(row.completed);
    }
  }
  for (const row of groups) {
    const facts = byId.get(row.accountId)?.facts;
    if (facts) facts.community.groupMembers = num(row.n);
  }
  for (const row of champions) {
    const facts = byId.get(row.accountId)?.facts;
    if (facts) facts.community.activeChampions = num(row.n);
  }
  for (const account of byId.values()) {
    account.facts.activity.weight30 = round2(account.facts.activity.weight30);
    account.facts.activity.weightPrior90 = round2(account.facts.activity.weightPrior90);
  }

  return { accounts: [...byId.values()], actors: toActors(events) };
}
