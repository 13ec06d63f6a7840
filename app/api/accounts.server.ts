// GET /api/v1/accounts and /api/v1/accounts/{id}: what a CRM reads about each customer account.
// The JSON shape of an account is made in one place, serializeAccount(), and documented in one
// place, the Account schema in openapi.ts. Health comes from the scoring engine's stored results
// (app/scoring/read.server.ts): nothing is computed here.
import { z } from "zod";
import { LIFECYCLE_STAGE_CODES, PLANS } from "~/accounts/lifecycle";
import { db } from "~/db.server";
import { messageText } from "~/email/message-text";
import type { Prisma } from "~/generated/prisma/client";
import { translator } from "~/i18n/messages";
import { getStages } from "~/lifecycle/stages.server";
import { slices } from "~/scoring/chunks";
import { BANDS, type Band } from "~/scoring/model";
import { getAccountHealth, TREND_DAYS, type AccountHealth } from "~/scoring/read.server";
import { daysBefore, sqlTime, startOfUtcDay } from "~/scoring/time";
import { PERSONAS } from "~/users/roles";
import { ApiError, issueDetails } from "./errors.server";
import { healthForAccounts, type HealthSummary } from "./health.server";
import { parseDay } from "./usage.server";

const ACTIVE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export const ACCOUNT_API_SELECT = {
  id: true,
  name: true,
  plan: true,
  seatsLicensed: true,
  arr: true,
  renewalDate: true,
  lifecycleStage: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true, email: true } },
  domains: { select: { domain: true }, orderBy: { domain: "asc" } },
  externalIds: { select: { externalId: true }, orderBy: { externalId: "asc" } },
  _count: { select: { members: true } },
} satisfies Prisma.AccountSelect;

export type AccountApiRow = Prisma.AccountGetPayload<{ select: typeof ACCOUNT_API_SELECT }>;

/** Facts about an account that come from other tables, loaded for a whole page at once. */
export type AccountFacts = {
  activeMembers30d: number;
  lastActivityAt: Date | null;
  latestUsage: { day: Date; activeUsers: number } | null;
};

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A 30-day change smaller than this many points (either way) is "flat". */
export const TREND_FLAT_POINTS = 3;
export const TREND_DIRECTIONS = ["up", "flat", "down"] as const;
/** Band filter values: a band, or `none` for accounts without a score in the last 90 days. */
export const BAND_FILTERS = [...BANDS, "none"] as const;

export function trendDirection(change: number | null): (typeof TREND_DIRECTIONS)[number] | null {
  if (change === null) return null;
  return change >= TREND_FLAT_POINTS ? "up" : change <= -TREND_FLAT_POINTS ? "down" : "flat";
}

export type ApiHealth = {
  score: number | null;
  band: Band | null;
  scoredOn: string | null;
  change7: number | null;
  change30: number | null;
  trend: (typeof TREND_DIRECTIONS)[number] | null;
  openAlerts: number;
};

/** The health block of every account: nulls when the account has no score in the last 90 days. */
export function serializeHealth(summary: HealthSummary | undefined): ApiHealth {
  if (!summary) return { score: null, band: null, scoredOn: null, change7: null, change30: null, trend: null, openAlerts: 0 };
  return {
    score: summary.overall,
    band: summary.band,
    scoredOn: summary.day,
    change7: summary.change7,
    change30: summary.change30,
    trend: trendDirection(summary.change30 ?? summary.change7),
    openAlerts: summary.openAlerts,
  };
}

type StageNames = Awaited<ReturnType<typeof getStages>>;

/** The API's account object. Every endpoint that returns an account goes through here. */
export function serializeAccount(row: AccountApiRow, facts: AccountFacts, health: HealthSummary | undefined, stages: StageNames) {
  return {
    id: row.id,
    name: row.name,
    plan: row.plan,
    seatsLicensed: row.seatsLicensed,
    arr: row.arr,
    renewalDate: isoDay(row.renewalDate),
    lifecycleStage: row.lifecycleStage,
    lifecycleStageName: stages.find((st) => st.code === row.lifecycleStage)?.nameEn ?? null,
    health: serializeHealth(health),
    owner: row.owner ? { id: row.owner.id, name: row.owner.name, email: row.owner.email } : null,
    externalIds: row.externalIds.map((e) => e.externalId),
    domains: row.domains.map((d) => d.domain),
    members: { total: row._count.members, active30d: facts.activeMembers30d },
    lastActivityAt: facts.lastActivityAt?.toISOString() ?? null,
    latestUsage: facts.latestUsage ? { day: isoDay(facts.latestUsage.day), activeUsers: facts.latestUsage.activeUsers } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ApiAccount = ReturnType<typeof serializeAccount>;

/** Engagement and usage facts for many accounts in three grouped queries. */
export async function loadAccountFacts(accountIds: string[], now = new Date()): Promise<Map<string, AccountFacts>> {
  const since = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS);
  const [last, active, usage] = await Promise.all([
    db.engagementEvent.groupBy({ by: ["accountId"], where: { accountId: { in: accountIds } }, _max: { occurredAt: true } }),
    db.engagementEvent.groupBy({ by: ["accountId", "actorId"], where: { accountId: { in: accountIds }, occurredAt: { gte: since }, actorId: { not: null } } }),
    db.accountUsageDay.findMany({
      where: { accountId: { in: accountIds }, day: { gte: new Date(now.getTime() - 90 * DAY_MS) } },
      orderBy: { day: "desc" },
      select: { accountId: true, day: true, activeUsers: true },
    }),
  ]);
  const facts = new Map<string, AccountFacts>(accountIds.map((id) => [id, { activeMembers30d: 0, lastActivityAt: null, latestUsage: null }]));
  for (const row of last) if (row.accountId) facts.get(row.accountId)!.lastActivityAt = row._max.occurredAt;
  for (const row of active) if (row.accountId) facts.get(row.accountId)!.activeMembers30d += 1;
  for (const row of usage) {
    const entry = facts.get(row.accountId)!;
    entry.latestUsage ??= { day: row.day, activeUsers: row.activeUsers };
  }
  return facts;
}

const listQuerySchema = z
  .object({
    plan: z.enum(PLANS).optional(),
    stage: z.enum(LIFECYCLE_STAGE_CODES).optional(),
    band: z.enum(BAND_FILTERS, { message: `must be one of ${BAND_FILTERS.join(", ")}` }).optional(),
    owner: z.string().trim().min(1).max(254).optional(),
    renewalBefore: z.string().refine((v) => parseDay(v) !== null, "must be a date as YYYY-MM-DD").optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    domain: z.string().trim().toLowerCase().min(1).max(253).optional(),
    limit: z.string().regex(/^\d+$/, "must be a whole number").transform(Number).refine((n) => n >= 1 && n <= 200, "must be between 1 and 200").optional(),
    cursor: z.string().trim().min(1).max(40).optional(),
  })
  .passthrough();

export type AccountListQuery = z.infer<typeof listQuerySchema>;

/**
 * Ids of the accounts whose latest score (last 90 days) is in `band`, or that have none, in id
 * order after `cursor`: one statement, an index seek per account.
 */
async function accountIdsInBand(band: (typeof BAND_FILTERS)[number], cursor: string | undefined, now: Date): Promise<string[]> {
  const today = startOfUtcDay(now);
  const latest = `(SELECT s.band FROM HealthSnapshot s WHERE s.accountId = a.id AND s.day > ? AND s.day <= ? ORDER BY s.day DESC LIMIT 1)`;
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT a.id AS id FROM Account a WHERE a.id > ? AND ${latest} ${band === "none" ? "IS NULL" : "= ?"} ORDER BY a.id`,
    cursor ?? "",
    sqlTime(daysBefore(today, TREND_DAYS)),
    sqlTime(today),
    ...(band === "none" ? [] : [band]),
  );
  return rows.map((r) => r.id);
}

/** A page of accounts in id order; `nextCursor` continues after the last one. */
export async function listAccountsForApi(searchParams: URLSearchParams, now = new Date()) {
  const parsed = listQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) throw new ApiError("validation_failed", "Some query parameters are not valid.", issueDetails(parsed.error.issues));
  const query = parsed.data;
  const limit = query.limit ?? 50;
  const where: Prisma.AccountWhereInput = {
    ...(query.plan ? { plan: query.plan } : {}),
    ...(query.stage ? { lifecycleStage: query.stage } : {}),
    ...(query.owner ? (query.owner === "none" ? { ownerId: null } : { owner: { OR: [{ id: query.owner }, { email: query.owner.toLowerCase() }] } }) : {}),
    ...(query.renewalBefore ? { renewalDate: { lt: parseDay(query.renewalBefore)! } } : {}),
    ...(query.externalId ? { externalIds: { some: { externalId: query.externalId } } } : {}),
    ...(query.domain ? { domains: { some: { domain: query.domain } } } : {}),
    ...(query.cursor ? { id: { gt: query.cursor } } : {}),
  };
  let rows: AccountApiRow[];
  if (!query.band) rows = await db.account.findMany({ where, orderBy: { id: "asc" }, take: limit + 1, select: ACCOUNT_API_SELECT });
  else {
    // The band's accounts in id order, in slices, until the page (and one more) is full.
    rows = [];
    for (const ids of slices(await accountIdsInBand(query.band, query.cursor, now))) {
      rows.push(...(await db.account.findMany({ where: { ...where, id: { in: ids } }, orderBy: { id: "asc" }, take: limit + 1 - rows.length, select: ACCOUNT_API_SELECT })));
      if (rows.length > limit) break;
    }
  }
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  // A fixed number of queries for the page's snapshots and open alerts, whatever the page size.
  const [facts, health, stages] = await Promise.all([loadAccountFacts(ids, now), healthForAccounts(ids, now), getStages()]);
  return {
    data: page.map((row) => serializeAccount(row, facts.get(row.id)!, health.get(row.id), stages)),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

const en = translator("en");

/** "Why this score" for the API: each component with its facts as keys, parameters and English text. */
export function serializeExplanation(health: AccountHealth | null) {
  if (!health) return { modelVersion: null, segment: null, components: [], whatChanged: [] };
  return {
    modelVersion: health.modelVersion,
    segment: health.segment,
    components: health.components.map((c) => ({
      key: c.key,
      score: c.score,
      weight: c.weight,
      effectiveWeight: Math.round(c.effectiveWeight * 10) / 10,
      points: Math.round(c.points * 10) / 10,
      change7: c.change7,
      change30: c.change30,
      facts: c.facts.map((f) => ({ key: f.key, params: f.params, text: messageText(f, "en", en) })),
    })),
    whatChanged: health.factChanges.map((f) => ({ key: f.key, label: en(f.key), before: f.before, now: f.now })),
  };
}

/** One account with its people broken down by persona (relationship breadth) and recent usage. */
export async function getAccountForApi(id: string, now = new Date()) {
  const row = await db.account.findUnique({ where: { id }, select: ACCOUNT_API_SELECT });
  if (!row) throw new ApiError("not_found", "No account has this id.");
  const [facts, summaries, explained, stages, personas, usage] = await Promise.all([
    loadAccountFacts([id], now),
    healthForAccounts([id], now),
    getAccountHealth(id, { now }),
    getStages(),
    db.user.groupBy({ by: ["persona"], where: { accountId: id }, _count: { _all: true } }),
    db.accountUsageDay.findMany({
      where: { accountId: id, day: { gte: new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS) } },
      orderBy: { day: "asc" },
      select: { day: true, activeUsers: true, featureCounts: true },
    }),
  ]);
  const membersByPersona = Object.fromEntries(PERSONAS.map((p) => [p, personas.find((g) => g.persona === p)?._count._all ?? 0])) as Record<(typeof PERSONAS)[number], number>;
  const account = serializeAccount(row, facts.get(id)!, summaries.get(id), stages);
  return {
    ...account,
    health: { ...account.health, ...serializeExplanation(explained) },
    membersByPersona,
    recentUsage: usage.map((u) => ({ day: isoDay(u.day)!, activeUsers: u.activeUsers, featureCounts: parseCounts(u.featureCounts) })),
  };
}

function parseCounts(json: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number"));
  } catch {
    return {};
  }
}
