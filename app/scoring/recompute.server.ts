// The scoring job: facts → component scores → daily snapshot per account, member engagement,
// automatic lifecycle moves and alerts.
//
//   recomputeAll()          every account (the daily run); facts aggregated in SQL per batch of
//                           accounts, one GROUP BY over the event window, never a query per account
//   recomputeIncremental()  only accounts with events past the last run's rowid watermark in the
//                           event log, or on the scoring queue (usage imports; queue.server.ts)
//   recomputeAccounts(ids)  a given list, e.g. right after a usage import
//
// All are idempotent: a day's snapshot is replaced, not added; alerts de-duplicate on their
// condition; stage moves are recorded once per day. A lease in ScoringJobState keeps two runs
// (script, schedule, another server) from overlapping.
import { randomUUID } from "node:crypto";
import { getCatalog } from "~/content/catalog.server";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { alertPeople, raiseAlerts, resolveClearedAlerts, unansweredAtRiskQuestions, type RaiseResult } from "~/alerts/alerts.server";
import { accountsWithOnlyChampionInactive } from "~/alerts/champion.server";
import { describeAccountAlert, describeChampionAlert, describeUnansweredAlert, triggeredRules, type AccountAlertInput, type AlertCandidate } from "~/alerts/rules";
import { stageFactValues, type StageDef } from "~/lifecycle/rules";
import { applyAutomaticMoves, getStages, type StageCandidate } from "~/lifecycle/stages.server";
import { enqueueBandChanges, latestStoredBands, type StoredBand } from "~/webhooks/band-changes.server";
import { subscribedEndpointIds } from "~/webhooks/enqueue.server";
import { computeHealth, type HealthResult } from "./components";
import { contentIndexFromCatalog, gatherFacts, actorAggregates, type AccountRow, type ActorAggregate, type ContentIndex, type Scope } from "./facts.server";
import type { AccountFacts } from "./facts";
import { levelFor } from "./member-engagement";
import { currentModel, type ModelVersion } from "./model.server";
import { dayKey, daysBefore, readTime, sqlTime, startOfUtcDay } from "./time";
import type { StoredFacts } from "./why";

/**
 * Snapshots keep their facts (the "why") this long; older ones keep only the scores, which is all
 * a trend needs. Keeps a year of 2,000 accounts' history small.
 */
export const FACTS_RETENTION_DAYS = 35;

export type RecomputeOptions = {
  /** The moment to compute for; defaults to now. Past moments rebuild history (the demo seed). */
  now?: Date;
  content?: ContentIndex;
  /** Alerts and automatic stage moves. Off when rebuilding past days without bothering anyone. */
  sideEffects?: boolean;
  /** Accounts per aggregation batch in a full run. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

export type RecomputeStats = {
  mode: "full" | "incremental" | "accounts";
  /** Set when another run held the lease and this one did nothing. */
  skipped?: "locked";
  accounts: number;
  members: number;
  stageMoves: number;
  alerts: RaiseResult;
  ms: number;
  /** Milliseconds per phase (facts, snapshots, members, stages, alerts), for the bench and logs. */
  phases: Record<string, number>;
};

const STATE_ID = "scoring";
const LEASE_MS = 30 * 60 * 1000;
const DEFAULT_BATCH = 500;
const NO_ALERTS: RaiseResult = { created: 0, refreshed: 0, suppressed: 0 };

declare global {
  var __kizunaScoringStateReady: boolean | undefined;
}

async function ensureState() {
  if (globalThis.__kizunaScoringStateReady) return;
  await db.scoringJobState.upsert({ where: { id: STATE_ID }, create: { id: STATE_ID }, update: {} });
  globalThis.__kizunaScoringStateReady = true;
}

/** What a run leaves in ScoringJobState, written together with the lease's release. */
type RunRecord = { lastEventRowId?: number; lastRunAt?: Date; lastFullAt?: Date };

/**
 * Runs `fn` holding the job lease, or returns "locked" when another run holds it. The record
 * `fn` returns is stored in the same statement that releases the lease.
 */
async function withLease<T>(fn: () => Promise<{ value: T; record?: RunRecord }>): Promise<T | "locked"> {
  await ensureState();
  const holder = randomUUID();
  const now = new Date();
  // Raw statements: this bookkeeping runs every few minutes and costs less without the ORM.
  const taken = await db.$executeRawUnsafe(
    `UPDATE ScoringJobState SET lockedUntil = ?, lockHolder = ? WHERE id = ? AND (lockedUntil IS NULL OR lockedUntil < ?)`,
    sqlTime(new Date(now.getTime() + LEASE_MS)),
    holder,
    STATE_ID,
    sqlTime(now),
  );
  if (taken === 0) return "locked";
  let record: RunRecord = {};
  try {
    const result = await fn();
    record = result.record ?? {};
    return result.value;
  } finally {
    const sets = (["lastEventRowId", "lastRunAt", "lastFullAt"] as const).filter((key) => record[key] !== undefined);
    await db.$executeRawUnsafe(
      `UPDATE ScoringJobState SET ${sets.map((key) => `${key} = ?, `).join("")}lockedUntil = NULL, lockHolder = NULL WHERE id = ? AND lockHolder = ?`,
      ...sets.map((key) => {
        const value = record[key]!;
        return value instanceof Date ? sqlTime(value) : value;
      }),
      STATE_ID,
      holder,
    );
  }
}

async function maxEventRowId(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ maxId: number | null }>>("SELECT MAX(rowid) AS maxId FROM EngagementEvent");
  return Number(row?.maxId ?? 0);
}

function defaultContent(): ContentIndex {
  return contentIndexFromCatalog(getCatalog());
}

type Scored = AccountRow & { facts: AccountFacts; health: HealthResult };
type History = { previous: { day: string; overall: number; band: string } | null; peak30: { day: string; overall: number } | null };

/** Each account's latest snapshot before today and its highest score of the last 30 days. */
async function recentHistory(accountIds: string[], today: Date): Promise<Map<string, History>> {
  const rows = await db.$queryRawUnsafe<Array<{ accountId: string; day: unknown; overall: number; band: string }>>(
    `SELECT accountId, day, overall, band FROM HealthSnapshot
     WHERE day >= ? AND day < ? AND accountId IN (SELECT value FROM json_each(?))`,
    sqlTime(daysBefore(today, 30)),
    sqlTime(today),
    JSON.stringify(accountIds),
  );
  const history = new Map<string, History>();
  for (const row of rows) {
    const day = dayKey(readTime(row.day)!);
    const overall = Number(row.overall);
    const entry = history.get(row.accountId) ?? { previous: null, peak30: null };
    if (!entry.previous || day > entry.previous.day) entry.previous = { day, overall, band: row.band };
    if (!entry.peak30 || overall > entry.peak30.overall || (overall === entry.peak30.overall && day > entry.peak30.day)) entry.peak30 = { day, overall };
    history.set(row.accountId, entry);
  }
  return history;
}

const SNAPSHOT_COLUMNS = ["accountId", "day", "overall", "band", "adoption", "enablement", "community", "relationship", "momentum", "weights", "segment", "facts", "modelVersion", "computedAt"];
const MEMBER_COLUMNS = ["userId", "score", "level", "contributions", "lastEventAt", "computedAt"];

/** Multi-row upsert in slices that stay well under SQLite's bound-parameter limit. */
const rowsPerStatement = (columns: string[]) => Math.max(1, Math.floor(5_000 / columns.length));

async function upsertRows(tx: Pick<Prisma.TransactionClient, "$executeRawUnsafe">, table: string, columns: string[], key: string[], rows: unknown[][]) {
  const perStatement = rowsPerStatement(columns);
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = excluded."${c}"`).join(", ");
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${slice.map(() => placeholders).join(", ")}
       ON CONFLICT (${key.map((k) => `"${k}"`).join(", ")}) DO UPDATE SET ${updates}`,
      ...slice.flat(),
    );
  }
}

/** Work that must commit together with the snapshots (the band-change webhook events). */
type WithSnapshots = (tx: Prisma.TransactionClient) => Promise<unknown>;

async function writeSnapshots(scored: Scored[], today: Date, model: ModelVersion, computedAt: Date, alongside?: WithSnapshots) {
  const day = sqlTime(today);
  const at = sqlTime(computedAt);
  const rows = scored.map((a) => {
    const score = (key: string) => a.health.components.find((c) => c.key === key)?.score ?? null;
    return [
      a.id,
      day,
      a.health.overall,
      a.health.band,
      score("adoption"),
      score("enablement"),
      score("community"),
      score("relationship"),
      score("momentum"),
      JSON.stringify(a.health.weights),
      a.health.segment,
      JSON.stringify({ facts: a.facts, keyFeatures: model.config.keyFeatures } satisfies StoredFacts),
      model.version,
      at,
    ];
  });
  // One statement is atomic by itself; more need a transaction to be all or nothing.
  if (!alongside && rows.length <= rowsPerStatement(SNAPSHOT_COLUMNS)) await upsertRows(db, "HealthSnapshot", SNAPSHOT_COLUMNS, ["accountId", "day"], rows);
  else {
    await db.$transaction(
      async (tx) => {
        await upsertRows(tx, "HealthSnapshot", SNAPSHOT_COLUMNS, ["accountId", "day"], rows);
        await alongside?.(tx);
      },
      { timeout: 120_000 },
    );
  }
}

async function writeMemberEngagement(actors: Iterable<ActorAggregate>, computedAt: Date, resetUntouched: boolean): Promise<number> {
  const at = sqlTime(computedAt);
  const rows: unknown[][] = [];
  for (const actor of actors) {
    const score = Math.round(actor.score * 10) / 10;
    rows.push([actor.actorId, score, levelFor(score, actor.contributions), actor.contributions, actor.lastAt ? sqlTime(actor.lastAt) : null, at]);
  }
  if (!resetUntouched && rows.length <= rowsPerStatement(MEMBER_COLUMNS)) {
    await upsertRows(db, "MemberEngagement", MEMBER_COLUMNS, ["userId"], rows);
    return rows.length;
  }
  await db.$transaction(
    async (tx) => {
      await upsertRows(tx, "MemberEngagement", MEMBER_COLUMNS, ["userId"], rows);
      // A full run saw every recent actor; anyone it did not touch has no event in the window.
      if (resetUntouched) {
        await tx.$executeRawUnsafe(`UPDATE "MemberEngagement" SET score = 0, level = 'explorer', contributions = 0, computedAt = ? WHERE computedAt <> ?`, at, at);
      }
    },
    { timeout: 120_000 },
  );
  return rows.length;
}

type RunContext = {
  asOf: Date;
  today: Date;
  model: ModelVersion;
  stages: StageDef[];
  content: ContentIndex;
  sideEffects: boolean;
  /** Endpoints subscribed to health.band_changed, looked up once per run; empty: no webhook work. */
  bandWebhooks: string[];
  phases: Record<string, number>;
};

/** Runs `fn` and adds its time to `phases[name]`. */
async function timed<T>(phases: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = Math.round((phases[name] ?? 0) + performance.now() - start);
  }
}

/** Scores one batch of accounts: snapshots now, stage and alert candidates for the end of the run. */
async function scoreBatch(scope: Scope, ctx: RunContext) {
  const gathered = await timed(ctx.phases, "facts", () => gatherFacts(ctx.asOf, ctx.content, scope));
  const scored: Scored[] = gathered.accounts.map((a) => ({ ...a, health: computeHealth(a.facts, ctx.model.config) }));
  const history = ctx.sideEffects ? await timed(ctx.phases, "alerts", () => recentHistory(scored.map((a) => a.id), ctx.today)) : new Map<string, History>();
  // Band changes against the stored snapshots, read before today's are replaced.
  let bands: Map<string, StoredBand> | null = null;
  if (ctx.bandWebhooks.length) bands = await timed(ctx.phases, "webhooks", () => latestStoredBands(scored.map((a) => a.id), ctx.today));
  const bandChanges: WithSnapshots | undefined = bands
    ? (tx) =>
        enqueueBandChanges(tx, {
          scored: scored.map((a) => ({ id: a.id, name: a.name, band: a.health.band, overall: a.health.overall })),
          previous: bands,
          day: ctx.today,
          asOf: ctx.asOf,
          endpointIds: ctx.bandWebhooks,
        })
    : undefined;
  await timed(ctx.phases, "snapshots", () => writeSnapshots(scored, ctx.today, ctx.model, ctx.asOf, bandChanges));

  const stageCandidates: StageCandidate[] = [];
  const alertCandidates: AlertCandidate[] = [];
  if (ctx.sideEffects) {
    const fired: Array<{ input: AccountAlertInput; rules: ReturnType<typeof triggeredRules> }> = [];
    for (const a of scored) {
      stageCandidates.push({
        accountId: a.id,
        stage: a.lifecycleStage,
        values: stageFactValues(a.facts, { healthScore: a.health.overall, keyFeatures: ctx.model.config.keyFeatures, asOf: ctx.asOf, renewalDate: a.renewalDate, createdAt: a.createdAt }),
      });
      const h = history.get(a.id);
      const input: AccountAlertInput = {
        accountId: a.id,
        accountName: a.name,
        asOf: ctx.asOf,
        createdAt: a.createdAt,
        facts: a.facts,
        health: a.health,
        previous: h?.previous ?? null,
        peak30: h?.peak30 ?? null,
        settings: ctx.model.config.alerts,
        keyFeatures: ctx.model.config.keyFeatures,
      };
      const rules = triggeredRules(input);
      if (rules.length) fired.push({ input, rules });
    }
    const people = await timed(ctx.phases, "alerts", () => alertPeople(fired.map((f) => f.input.accountId), ctx.asOf));
    for (const { input, rules } of fired) {
      for (const rule of rules) alertCandidates.push(describeAccountAlert(input, rule, people.get(input.accountId)!));
    }
  }
  return { scored: scored.length, actors: gathered.actors, stageCandidates, alertCandidates };
}

/** The run shared by every mode. `memberActors` limits member engagement to those people. */
async function run(mode: RecomputeStats["mode"], accountIds: string[] | "all", options: RecomputeOptions, memberActors?: string[]): Promise<RecomputeStats> {
  const started = performance.now();
  const asOf = options.now ?? new Date();
  const ctx: RunContext = {
    asOf,
    today: startOfUtcDay(asOf),
    model: await currentModel(),
    stages: await getStages(),
    content: options.content ?? defaultContent(),
    sideEffects: options.sideEffects ?? true,
    bandWebhooks: [],
    phases: {},
  };
  if (ctx.sideEffects) ctx.bandWebhooks = await subscribedEndpointIds("health.band_changed");
  const ids =
    accountIds === "all" ? (await db.account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id) : [...new Set(accountIds)].sort();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const actors = new Map<string, ActorAggregate>();
  const stageCandidates: StageCandidate[] = [];
  const alertCandidates: AlertCandidate[] = [];
  let done = 0;
  options.onProgress?.(0, ids.length);
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    // One batch covering every account reads the event window in a single scan.
    const scope: Scope = accountIds === "all" && batch.length === ids.length ? "all" : { accountIds: batch };
    const result = await scoreBatch(scope, ctx);
    // A full run sums each person's events over the batches (someone may have acted for two accounts).
    for (const [id, actor] of mode === "full" ? result.actors : []) {
      const seen = actors.get(id);
      if (seen) {
        seen.score += actor.score;
        seen.contributions += actor.contributions;
        if (actor.lastAt && (!seen.lastAt || actor.lastAt > seen.lastAt)) seen.lastAt = actor.lastAt;
      } else actors.set(id, { ...actor });
    }
    stageCandidates.push(...result.stageCandidates);
    alertCandidates.push(...result.alertCandidates);
    done += batch.length;
    options.onProgress?.(done, ids.length);
  }

  // Member engagement: a full run has every actor already; an incremental run re-reads the people
  // with new events over all their accounts, so someone who changed companies keeps one true score.
  const members = await timed(ctx.phases, "members", async () => {
    if (mode === "full") {
      const written = await writeMemberEngagement(actors.values(), asOf, true);
      // The days that just passed the retention limit (a month's slice keeps the daily update small).
      const limit = daysBefore(ctx.today, FACTS_RETENTION_DAYS);
      await db.$executeRawUnsafe(`UPDATE "HealthSnapshot" SET facts = '{}' WHERE day >= ? AND day < ? AND facts <> '{}'`, sqlTime(daysBefore(limit, 30)), sqlTime(limit));
      return written;
    }
    // Only people with new events changed; everyone's decay is the daily full run's job.
    const people = memberActors ?? [];
    const fresh = await actorAggregates(asOf, people);
    const untouched = people.filter((p) => !fresh.has(p)).map((actorId) => ({ actorId, score: 0, contributions: 0, lastAt: null }));
    return writeMemberEngagement([...fresh.values(), ...untouched], asOf, false);
  });

  let stageMoves = 0;
  let alerts = NO_ALERTS;
  if (ctx.sideEffects) {
    stageMoves = (await timed(ctx.phases, "stages", () => applyAutomaticMoves(stageCandidates, ctx.stages, asOf))).length;
    alerts = await timed(ctx.phases, "alerts", async () => {
      const champions = await accountsWithOnlyChampionInactive(asOf, accountIds === "all" ? "all" : ids);
      alertCandidates.push(...champions.map((c) => describeChampionAlert(c, asOf)));
      // Questions age without any new event, so every run looks at all of them (one cheap query).
      const questions = await unansweredAtRiskQuestions(asOf, ctx.model.config.alerts.unansweredHours);
      alertCandidates.push(...questions.map((q) => describeUnansweredAlert(q, asOf)));
      const raised = await raiseAlerts(alertCandidates, asOf);
      raised.cleared = await resolveClearedAlerts({ accountIds: accountIds === "all" ? "all" : ids, stillHolding: new Set(alertCandidates.map((c) => c.conditionKey)), now: asOf });
      return raised;
    });
  }
  return { mode, accounts: ids.length, members, stageMoves, alerts, ms: Math.round(performance.now() - started), phases: ctx.phases };
}

function locked(mode: RecomputeStats["mode"]): RecomputeStats {
  return { mode, skipped: "locked", accounts: 0, members: 0, stageMoves: 0, alerts: NO_ALERTS, ms: 0, phases: {} };
}

/** Every account. Moves the incremental watermark past every event that existed at the start. */
export async function recomputeAll(options: RecomputeOptions = {}): Promise<RecomputeStats> {
  const result = await withLease(async () => {
    const startedAt = new Date();
    const watermark = await maxEventRowId();
    const stats = await run("full", "all", options);
    await db.scoringQueue.deleteMany({ where: { queuedAt: { lte: startedAt } } });
    return { value: stats, record: { lastEventRowId: watermark, lastRunAt: startedAt, lastFullAt: startedAt } };
  });
  return result === "locked" ? locked("full") : result;
}

/** Accounts with events since the last run or on the queue, and the people behind the new events. */
export async function dirtySinceLastRun(): Promise<{ accountIds: string[]; actorIds: string[]; watermark: number; queuedUntil: Date; queued: number }> {
  await ensureState();
  const [state] = await db.$queryRawUnsafe<Array<{ lastEventRowId: number }>>("SELECT lastEventRowId FROM ScoringJobState WHERE id = ?", STATE_ID);
  const queuedUntil = new Date();
  const watermark = await maxEventRowId();
  // rowid grows with every insert into the append-only log: everything past the watermark is new.
  const events = await db.$queryRawUnsafe<Array<{ accountId: string | null; actorId: string | null }>>(
    "SELECT DISTINCT accountId, actorId FROM EngagementEvent WHERE rowid > ? AND rowid <= ?",
    Number(state?.lastEventRowId ?? 0),
    watermark,
  );
  const queued = await db.$queryRawUnsafe<Array<{ accountId: string }>>("SELECT accountId FROM ScoringQueue WHERE queuedAt <= ?", sqlTime(queuedUntil));
  const accountIds = new Set([...events.flatMap((e) => (e.accountId ? [e.accountId] : [])), ...queued.map((q) => q.accountId)]);
  const actorIds = new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  return { accountIds: [...accountIds], actorIds: [...actorIds], watermark, queuedUntil, queued: queued.length };
}

/** Only what changed since the last run (full or incremental). */
export async function recomputeIncremental(options: RecomputeOptions = {}): Promise<RecomputeStats> {
  const result = await withLease(async () => {
    const startedAt = new Date();
    const dirty = await dirtySinceLastRun();
    const stats = await run("incremental", dirty.accountIds, options, dirty.actorIds);
    if (dirty.queued) await db.scoringQueue.deleteMany({ where: { queuedAt: { lte: dirty.queuedUntil } } });
    return { value: { ...stats, mode: "incremental" as const }, record: { lastEventRowId: dirty.watermark, lastRunAt: startedAt } };
  });
  return result === "locked" ? locked("incremental") : result;
}

/** Recomputes the given accounts now (e.g. after their usage was imported). Leaves the watermark alone. */
export async function recomputeAccounts(accountIds: string[], options: RecomputeOptions = {}): Promise<RecomputeStats> {
  const result = await withLease(async () => ({ value: await run("accounts", accountIds, options) }));
  return result === "locked" ? locked("accounts") : result;
}

/** When the job last ran, for the admin page and the scheduler. */
export async function scoringJobState() {
  const state = await db.scoringJobState.findUnique({ where: { id: STATE_ID } });
  return { lastRunAt: state?.lastRunAt ?? null, lastFullAt: state?.lastFullAt ?? null, running: !!state?.lockedUntil && state.lockedUntil > new Date() };
}
