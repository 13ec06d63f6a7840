// Read API of the scoring engine: what the CS workspace, the integrations API and the champion
// program call. Staff only: callers must have checked requireRole(request, "cs") (members never
// see health). Everything here reads stored results; nothing computes on the request path.
//
//   getAccountHealth(accountId, { now? }) → AccountHealth | null
//     The latest snapshot: overall 0–100, band, model version, segment; per component its score,
//     configured and effective weight, points contributed, the facts behind it (message keys +
//     params) and its change against 7 and 30 days before; the headline numbers that changed;
//     and 90 days of trend points. null when the account has no snapshot yet.
//
//   listAccountHealth(accountIds, { now? }) → Map<accountId, AccountHealthSummary>
//     For a portfolio page: latest overall and band, change against 7 days before, 90-day
//     sparkline (one point per day with a snapshot) and the number of unresolved alerts.
//     Two queries for any number of accounts.
//
//   listOpenAlerts({ ownerId?, accountIds? }, take?) → AlertView[]
//     Unresolved (open or acknowledged) alerts, high severity first. An alert carries account,
//     rule, evidence and next action as message keys + params (render with messageText from
//     app/email/message-text.ts), link, owner and the acknowledge/resolve trail.
//
//   getMemberEngagement(userIds) → Map<userId, { score, level, lastEventAt }>
//     Recency-weighted member engagement and level; people without a row are explorers at 0.
//
// Writes live elsewhere: acknowledgeAlert / resolveAlert in app/alerts/alerts.server.ts,
// overrideStage in app/lifecycle/stages.server.ts, the job in app/scoring/recompute.server.ts.
import { countUnresolvedAlerts, listAccountAlerts, listUnresolvedAlerts, type AlertView } from "~/alerts/alerts.server";
import { db } from "~/db.server";
import { inSlices } from "./chunks";
import type { Band, ComponentKey, Weights } from "./model";
import { DEFAULT_MODEL } from "./model";
import { isMemberLevel, type MemberLevel } from "./member-engagement";
import { dayKey, daysBefore, readTime, sqlTime, startOfUtcDay } from "./time";
import { explain, type Explanation, type SnapshotData, type StoredFacts } from "./why";

export type { AlertView } from "~/alerts/alerts.server";

export const TREND_DAYS = 90;

/** One day of the trend: overall, band and each component's score (null when it had no data). */
export type TrendPoint = { day: string; overall: number; band: Band; components: Record<ComponentKey, number | null> };

export type AccountHealth = Explanation & {
  accountId: string;
  day: string;
  overall: number;
  band: Band;
  modelVersion: number;
  segment: string;
  computedAt: string;
  trend: TrendPoint[];
};

type SnapshotRow = {
  day: Date;
  overall: number;
  band: string;
  adoption: number | null;
  enablement: number | null;
  community: number | null;
  relationship: number | null;
  momentum: number | null;
  weights: string;
  segment: string;
  facts: string;
  modelVersion: number;
  computedAt: Date;
};

const snapshotSelect = {
  day: true,
  overall: true,
  band: true,
  adoption: true,
  enablement: true,
  community: true,
  relationship: true,
  momentum: true,
  weights: true,
  segment: true,
  facts: true,
  modelVersion: true,
  computedAt: true,
} as const;

function toSnapshotData(row: SnapshotRow): SnapshotData {
  const parsed = JSON.parse(row.facts) as Partial<StoredFacts>;
  return {
    day: dayKey(row.day),
    overall: row.overall,
    band: row.band as Band,
    scores: { adoption: row.adoption, enablement: row.enablement, community: row.community, relationship: row.relationship, momentum: row.momentum },
    weights: { ...DEFAULT_MODEL.weights, ...(JSON.parse(row.weights) as Partial<Weights>) },
    segment: row.segment,
    modelVersion: row.modelVersion,
    stored: parsed.facts && parsed.keyFeatures ? { facts: parsed.facts, keyFeatures: parsed.keyFeatures } : null,
  };
}

/** The latest snapshot on or before `day`, looking back at most `within` days. */
async function snapshotOnOrBefore(accountId: string, day: Date, within: number): Promise<SnapshotRow | null> {
  return db.healthSnapshot.findFirst({
    where: { accountId, day: { lte: day, gt: daysBefore(day, within) } },
    orderBy: { day: "desc" },
    select: snapshotSelect,
  });
}

export async function getAccountHealth(accountId: string, options: { now?: Date } = {}): Promise<AccountHealth | null> {
  const today = startOfUtcDay(options.now ?? new Date());
  const latest = await snapshotOnOrBefore(accountId, today, TREND_DAYS);
  if (!latest) return null;
  const [weekAgo, monthAgo, trend] = await Promise.all([
    snapshotOnOrBefore(accountId, daysBefore(latest.day, 7), 7),
    snapshotOnOrBefore(accountId, daysBefore(latest.day, 30), 7),
    db.healthSnapshot.findMany({
      where: { accountId, day: { gt: daysBefore(today, TREND_DAYS), lte: today } },
      orderBy: { day: "asc" },
      select: { day: true, overall: true, band: true, adoption: true, enablement: true, community: true, relationship: true, momentum: true },
    }),
  ]);
  const current = toSnapshotData(latest);
  return {
    accountId,
    day: current.day,
    overall: current.overall,
    band: current.band,
    modelVersion: current.modelVersion,
    segment: current.segment,
    computedAt: latest.computedAt.toISOString(),
    ...explain(current, weekAgo ? toSnapshotData(weekAgo) : null, monthAgo ? toSnapshotData(monthAgo) : null),
    trend: trend.map((p) => ({
      day: dayKey(p.day),
      overall: p.overall,
      band: p.band as Band,
      components: { adoption: p.adoption, enablement: p.enablement, community: p.community, relationship: p.relationship, momentum: p.momentum },
    })),
  };
}

export type AccountHealthSummary = {
  accountId: string;
  day: string;
  overall: number;
  band: Band;
  /** Against the snapshot 7 days before, when there is one. */
  change7: number | null;
  /** One point per day with a snapshot in the last 90 days, oldest first. */
  sparkline: Array<{ day: string; overall: number }>;
  openAlerts: number;
};

export async function listAccountHealth(accountIds: string[], options: { now?: Date } = {}): Promise<Map<string, AccountHealthSummary>> {
  const result = new Map<string, AccountHealthSummary>();
  if (accountIds.length === 0) return result;
  const today = startOfUtcDay(options.now ?? new Date());
  const [rows, alerts] = await Promise.all([
    db.$queryRawUnsafe<Array<{ accountId: string; day: unknown; overall: number; band: string }>>(
      `SELECT accountId, day, overall, band FROM HealthSnapshot
       WHERE accountId IN (SELECT value FROM json_each(?)) AND day > ? AND day <= ?
       ORDER BY accountId, day`,
      JSON.stringify(accountIds),
      sqlTime(daysBefore(today, TREND_DAYS)),
      sqlTime(today),
    ),
    countUnresolvedAlerts(accountIds),
  ]);
  const byAccount = new Map<string, Array<{ day: string; overall: number; band: string }>>();
  for (const row of rows) {
    const list = byAccount.get(row.accountId) ?? [];
    list.push({ day: dayKey(readTime(row.day)!), overall: Number(row.overall), band: row.band });
    byAccount.set(row.accountId, list);
  }
  for (const [accountId, points] of byAccount) {
    const last = points[points.length - 1]!;
    const weekBefore = dayKey(daysBefore(new Date(`${last.day}T00:00:00Z`), 7));
    const then = [...points].reverse().find((p) => p.day <= weekBefore && p.day > dayKey(daysBefore(new Date(`${weekBefore}T00:00:00Z`), 7)));
    result.set(accountId, {
      accountId,
      day: last.day,
      overall: last.overall,
      band: last.band as Band,
      change7: then ? last.overall - then.overall : null,
      sparkline: points.map((p) => ({ day: p.day, overall: p.overall })),
      openAlerts: alerts.get(accountId) ?? 0,
    });
  }
  return result;
}

export async function listOpenAlerts(filter: { ownerId?: string | null; accountIds?: string[] } = {}, take = 100): Promise<AlertView[]> {
  return listUnresolvedAlerts(filter, take);
}

export { listAccountAlerts };

export type MemberEngagementView = { score: number; level: MemberLevel; lastEventAt: string | null };

export async function getMemberEngagement(userIds: string[]): Promise<Map<string, MemberEngagementView>> {
  if (userIds.length === 0) return new Map();
  const rows = await inSlices(userIds, (slice) =>
    db.memberEngagement.findMany({ where: { userId: { in: slice } }, select: { userId: true, score: true, level: true, lastEventAt: true } }),
  );
  return new Map(
    rows.map((r) => [r.userId, { score: r.score, level: isMemberLevel(r.level) ? r.level : "explorer", lastEventAt: r.lastEventAt?.toISOString() ?? null }]),
  );
}
