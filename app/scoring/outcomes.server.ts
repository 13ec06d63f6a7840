// Outcome report data: does the program work? Accounts are split into a cohort (members who
// completed an advanced path, who joined a study group, or who are champions now) and the
// others, and each side gets
// the chain activity → output → outcome → impact over a period:
//   activity  events and engaged people per account
//   output    completions, answers and meeting attendances per account
//   outcome   product usage change: active users in the last 30 days against the 30 days
//             before the period began
//   impact    from account fields: ARR and seats per account, renewals due and overdue,
//             accounts ready to expand (seat use ≥ 90 %), accounts that moved forward a stage
// The CS workspace draws it; this module only computes (pure summary + SQL per account).
import { db } from "~/db.server";
import { getStages } from "~/lifecycle/stages.server";
import type { ContentIndex } from "./facts.server";
import { DAY_MS, daysBefore, sqlTime, startOfUtcDay } from "./time";

export const COHORTS = ["advancedPath", "studyGroup", "champion"] as const;
export type CohortKey = (typeof COHORTS)[number];

/** Seat use at which an account counts as ready to expand. */
export const EXPANSION_READY_SEAT_USE = 0.9;

export type AccountOutcome = {
  accountId: string;
  events: number;
  engagedPeople: number;
  completions: number;
  answers: number;
  attendances: number;
  /** Average daily active users in the 30 days before the period, and in the last 30 days; null without data. */
  usageBefore: number | null;
  usageAfter: number | null;
  arr: number;
  seats: number;
  renewalDate: Date | null;
  movedForward: boolean;
};

export type OutcomeFigures = {
  accounts: number;
  activity: { eventsPerAccount: number; engagedPeoplePerAccount: number };
  output: { completionsPerAccount: number; answersPerAccount: number; attendancesPerAccount: number };
  outcome: {
    /** Accounts with usage data in both windows: the ones the change is measured on. */
    accountsMeasured: number;
    activeUsersBefore: number;
    activeUsersAfter: number;
    /** Change of total active users across the measured accounts, in percent; null when none. */
    usageChangePercent: number | null;
    grew: number;
    shrank: number;
  };
  impact: { arrPerAccount: number; seatsPerAccount: number; renewalsDue90: number; renewalsOverdue: number; expansionReady: number; movedForward: number };
  /** Accounts that reached each step, each counted only if it reached the step before (FUNNEL_STEPS). */
  funnel: Record<FunnelStep, number>;
};

/**
 * The funnel the workspace draws, in accounts:
 *   activity  any engagement in the period
 *   output    … and at least one completion, answer or meeting attendance in the period
 *   outcome   … and more active product users in the last 30 days than before the period
 *   impact    … and moved forward a lifecycle stage in the period, or is ready to expand
 */
export const FUNNEL_STEPS = ["activity", "output", "outcome", "impact"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

const FUNNEL_TESTS: Record<FunnelStep, (r: AccountOutcome) => boolean> = {
  activity: (r) => r.events > 0,
  output: (r) => r.completions + r.answers + r.attendances > 0,
  outcome: (r) => r.usageBefore !== null && r.usageAfter !== null && r.usageAfter > r.usageBefore,
  impact: (r) => r.movedForward || isExpansionReady(r),
};

function isExpansionReady(r: AccountOutcome): boolean {
  return r.seats > 0 && r.usageAfter !== null && r.usageAfter >= EXPANSION_READY_SEAT_USE * r.seats;
}

/** Accounts per funnel step, each step a subset of the one before. Pure. */
export function funnelCounts(rows: AccountOutcome[]): Record<FunnelStep, number> {
  const counts = { activity: 0, output: 0, outcome: 0, impact: 0 };
  let reached = rows;
  for (const step of FUNNEL_STEPS) {
    reached = reached.filter(FUNNEL_TESTS[step]);
    counts[step] = reached.length;
  }
  return counts;
}

const per = (total: number, count: number) => (count === 0 ? 0 : Math.round((total / count) * 10) / 10);
const sum = (rows: AccountOutcome[], pick: (r: AccountOutcome) => number) => rows.reduce((s, r) => s + pick(r), 0);

/** Figures for one side of the comparison. Pure. */
export function summarise(rows: AccountOutcome[], now: Date): OutcomeFigures {
  const n = rows.length;
  const measured = rows.filter((r) => r.usageBefore !== null && r.usageAfter !== null && r.usageBefore > 0);
  const before = sum(measured, (r) => r.usageBefore!);
  const after = sum(measured, (r) => r.usageAfter!);
  const in90 = now.getTime() + 90 * DAY_MS;
  return {
    accounts: n,
    activity: { eventsPerAccount: per(sum(rows, (r) => r.events), n), engagedPeoplePerAccount: per(sum(rows, (r) => r.engagedPeople), n) },
    output: {
      completionsPerAccount: per(sum(rows, (r) => r.completions), n),
      answersPerAccount: per(sum(rows, (r) => r.answers), n),
      attendancesPerAccount: per(sum(rows, (r) => r.attendances), n),
    },
    outcome: {
      accountsMeasured: measured.length,
      activeUsersBefore: Math.round(before * 10) / 10,
      activeUsersAfter: Math.round(after * 10) / 10,
      usageChangePercent: measured.length ? Math.round(((after - before) / before) * 1000) / 10 : null,
      grew: measured.filter((r) => r.usageAfter! > r.usageBefore!).length,
      shrank: measured.filter((r) => r.usageAfter! < r.usageBefore!).length,
    },
    impact: {
      arrPerAccount: n === 0 ? 0 : Math.round(sum(rows, (r) => r.arr) / n),
      seatsPerAccount: per(sum(rows, (r) => r.seats), n),
      renewalsDue90: rows.filter((r) => r.renewalDate && r.renewalDate.getTime() >= now.getTime() && r.renewalDate.getTime() <= in90).length,
      renewalsOverdue: rows.filter((r) => r.renewalDate && r.renewalDate.getTime() < now.getTime()).length,
      expansionReady: rows.filter(isExpansionReady).length,
      movedForward: rows.filter((r) => r.movedForward).length,
    },
    funnel: funnelCounts(rows),
  };
}

/**
 * Accounts in the cohort: with a member who finished an advanced path, who joined a study group,
 * or who holds a champion term at `now` (started, not ended, not revoked; the same rule as the
 * portfolio's champions column: the champion's current company counts).
 */
export async function cohortAccountIds(cohort: CohortKey, content: ContentIndex, now: Date): Promise<Set<string>> {
  if (cohort === "champion") {
    const rows = await db.$queryRawUnsafe<Array<{ accountId: string }>>(
      `SELECT DISTINCT u.accountId FROM ChampionTerm c JOIN User u ON u.id = c.userId
       WHERE u.accountId IS NOT NULL AND c.revokedAt IS NULL AND c.startsAt <= ? AND c.endsAt > ?`,
      sqlTime(now),
      sqlTime(now),
    );
    return new Set(rows.map((r) => r.accountId));
  }
  if (cohort === "studyGroup") {
    const rows = await db.$queryRawUnsafe<Array<{ accountId: string }>>(
      `SELECT DISTINCT u.accountId FROM GroupMembership g JOIN User u ON u.id = g.userId
       WHERE u.accountId IS NOT NULL AND g.joinedAt IS NOT NULL AND g.joinedAt <= ?`,
      sqlTime(now),
    );
    return new Set(rows.map((r) => r.accountId));
  }
  const items = content.paths.filter((p) => p.kind === "advanced").flatMap((p) => p.items.map((article) => ({ path: p.id, article })));
  if (items.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<Array<{ accountId: string }>>(
    `WITH items AS (SELECT json_extract(value, '$.path') AS pathId, json_extract(value, '$.article') AS articleId FROM json_each(?)),
       sizes AS (SELECT pathId, COUNT(*) AS size FROM items GROUP BY pathId),
       done AS (
         SELECT u.accountId AS accountId, c.userId AS userId, i.pathId AS pathId, COUNT(*) AS n
         FROM ContentCompletion c JOIN User u ON u.id = c.userId JOIN items i ON i.articleId = c.articleId
         WHERE u.accountId IS NOT NULL AND c.completedAt <= ?
         GROUP BY c.userId, i.pathId)
     SELECT DISTINCT d.accountId FROM done d JOIN sizes s ON s.pathId = d.pathId WHERE d.n >= s.size`,
    JSON.stringify(items),
    sqlTime(now),
  );
  return new Set(rows.map((r) => r.accountId));
}

/** The per-account numbers of the chain, for every account, over the last `periodDays`. */
export async function accountOutcomes(now: Date, periodDays: number): Promise<AccountOutcome[]> {
  const from = daysBefore(now, periodDays);
  const today = startOfUtcDay(now);
  const afterFrom = daysBefore(today, 30);
  const beforeTo = startOfUtcDay(from);
  const beforeFrom = daysBefore(beforeTo, 30);
  const at = sqlTime(now);
  const [accounts, events, completions, usage, moves, stages] = await Promise.all([
    db.account.findMany({ select: { id: true, arr: true, seatsLicensed: true, renewalDate: true } }),
    db.$queryRawUnsafe<Array<{ accountId: string; events: number; people: number; answers: number; attendances: number }>>(
      `SELECT accountId, COUNT(*) AS events, COUNT(DISTINCT actorId) AS people,
         SUM(CASE WHEN type = 'qa.answered' THEN 1 ELSE 0 END) AS answers,
         SUM(CASE WHEN type = 'group.attended' THEN 1 ELSE 0 END) AS attendances
       FROM EngagementEvent WHERE accountId IS NOT NULL AND occurredAt > ? AND occurredAt <= ? AND weight > 0
       GROUP BY accountId`,
      sqlTime(from),
      at,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; n: number }>>(
      `SELECT u.accountId, COUNT(*) AS n FROM ContentCompletion c JOIN User u ON u.id = c.userId
       WHERE u.accountId IS NOT NULL AND c.completedAt > ? AND c.completedAt <= ? GROUP BY u.accountId`,
      sqlTime(from),
      at,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; before: number | null; after: number | null; daysBefore: number; daysAfter: number }>>(
      `SELECT accountId,
         SUM(CASE WHEN day >= ? AND day < ? THEN activeUsers END) AS before,
         SUM(CASE WHEN day >= ? AND day < ? THEN activeUsers END) AS after,
         SUM(CASE WHEN day >= ? AND day < ? THEN 1 ELSE 0 END) AS daysBefore,
         SUM(CASE WHEN day >= ? AND day < ? THEN 1 ELSE 0 END) AS daysAfter
       FROM AccountUsageDay GROUP BY accountId`,
      sqlTime(beforeFrom),
      sqlTime(beforeTo),
      sqlTime(afterFrom),
      sqlTime(today),
      sqlTime(beforeFrom),
      sqlTime(beforeTo),
      sqlTime(afterFrom),
      sqlTime(today),
    ),
    db.accountStageChange.findMany({ where: { createdAt: { gt: from, lte: now } }, select: { accountId: true, fromStage: true, toStage: true } }),
    getStages(),
  ]);
  const eventsBy = new Map(events.map((e) => [e.accountId, e]));
  const completionsBy = new Map(completions.map((c) => [c.accountId, Number(c.n)]));
  const usageBy = new Map(usage.map((u) => [u.accountId, u]));
  const position = new Map(stages.map((s) => [s.code, s.position]));
  const forward = new Set(moves.filter((m) => (position.get(m.toStage) ?? 0) > (position.get(m.fromStage) ?? 0)).map((m) => m.accountId));
  return accounts.map((a) => {
    const e = eventsBy.get(a.id);
    const u = usageBy.get(a.id);
    return {
      accountId: a.id,
      events: Number(e?.events ?? 0),
      engagedPeople: Number(e?.people ?? 0),
      completions: completionsBy.get(a.id) ?? 0,
      answers: Number(e?.answers ?? 0),
      attendances: Number(e?.attendances ?? 0),
      usageBefore: u && Number(u.daysBefore) > 0 ? Number(u.before ?? 0) / 30 : null,
      usageAfter: u && Number(u.daysAfter) > 0 ? Number(u.after ?? 0) / 30 : null,
      arr: a.arr,
      seats: a.seatsLicensed,
      renewalDate: a.renewalDate,
      movedForward: forward.has(a.id),
    };
  });
}

export type OutcomeReport = { cohort: CohortKey; periodDays: number; from: string; to: string; inCohort: OutcomeFigures; others: OutcomeFigures };

/** The comparison the workspace draws: the cohort's chain against everyone else's. */
export async function outcomeReport(cohort: CohortKey, options: { content: ContentIndex; now?: Date; periodDays?: number }): Promise<OutcomeReport> {
  const now = options.now ?? new Date();
  const periodDays = options.periodDays ?? 90;
  const [members, rows] = await Promise.all([cohortAccountIds(cohort, options.content, now), accountOutcomes(now, periodDays)]);
  return {
    cohort,
    periodDays,
    from: daysBefore(now, periodDays).toISOString(),
    to: now.toISOString(),
    inCohort: summarise(rows.filter((r) => members.has(r.accountId)), now),
    others: summarise(rows.filter((r) => !members.has(r.accountId)), now),
  };
}
