// Lifecycle stages in the database: the admin-defined list, automatic forward moves, staff
// overrides, and the history of every change (the hand-offs between teams).
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { enqueueWebhookEvent, subscribedEndpointIds } from "~/webhooks/enqueue.server";
import { DEFAULT_STAGES } from "./defaults";
import { automaticMoves, isStageFact, ruleEvidence, RULE_OPS, type FactValues, type RuleOp, type StageDef, type StageRule } from "./rules";

/** Automatic moves wait this long after a staff override, so the rules do not undo it at once. */
export const OVERRIDE_HOLD_DAYS = 30;

function parseRules(json: string): StageRule[] {
  try {
    const raw = JSON.parse(json) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((r: { fact?: string; op?: string; value?: unknown }) =>
      r && typeof r.fact === "string" && isStageFact(r.fact) && RULE_OPS.includes(r.op as RuleOp) && typeof r.value === "number"
        ? [{ fact: r.fact, op: r.op as RuleOp, value: r.value }]
        : [],
    );
  } catch {
    return [];
  }
}

/** The stages in order: what admins saved, or the defaults until they save for the first time. */
export async function getStages(): Promise<StageDef[]> {
  const rows = await db.lifecycleStageDef.findMany({ orderBy: { position: "asc" } });
  if (rows.length === 0) return DEFAULT_STAGES;
  return rows.map((row) => ({ code: row.code, position: row.position, nameEn: row.nameEn, nameJa: row.nameJa, team: row.team, rules: parseRules(row.rules) }));
}

export function stageName(stages: StageDef[], code: string, locale: "ja" | "en"): string {
  const stage = stages.find((s) => s.code === code);
  return stage ? `${stage.code} ${locale === "ja" ? stage.nameJa : stage.nameEn}` : code;
}

/** Writes the whole ordered list; positions are renumbered 1…n in the given order. */
export async function saveStages(stages: StageDef[], actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.lifecycleStageDef.deleteMany({ where: { code: { notIn: stages.map((s) => s.code) } } });
    for (const [index, stage] of stages.entries()) {
      const data = { position: index + 1, nameEn: stage.nameEn, nameJa: stage.nameJa, team: stage.team, rules: JSON.stringify(stage.rules) };
      await tx.lifecycleStageDef.upsert({ where: { code: stage.code }, create: { code: stage.code, ...data }, update: data });
    }
    await tx.auditEntry.create({
      data: { actorId, action: "lifecycle.stages.saved", targetType: "lifecycle", targetId: "stages", detail: stages.map((s) => s.code).join(",") },
    });
  });
}

/** How many accounts are in each stage: a stage with accounts in it cannot be removed. */
export async function accountsPerStage(): Promise<Map<string, number>> {
  const rows = await db.account.groupBy({ by: ["lifecycleStage"], _count: { _all: true } });
  return new Map(rows.map((r) => [r.lifecycleStage, r._count._all]));
}

export type StageChangeInput = {
  accountId: string;
  from: string;
  to: string;
  kind: "auto" | "override" | "admin";
  reason?: string;
  evidence?: Record<string, unknown>;
  actorId?: string | null;
  holdUntil?: Date | null;
  dedupeKey?: string | null;
  at?: Date;
};

/** The webhook event of one recorded change: once per history row. */
export const stageWebhookKey = (changeId: string) => `stage:${changeId}`;

/**
 * Moves an account and records the change in one transaction, with its stage.changed webhook event
 * when an endpoint subscribes. `webhookEndpoints` is the subscriber list when the caller already
 * looked it up for a batch of moves (subscribedEndpointIds); otherwise it is looked up here.
 */
export async function changeStage(input: StageChangeInput, tx: Prisma.TransactionClient | typeof db = db, webhookEndpoints?: string[]): Promise<void> {
  const write = async (client: Prisma.TransactionClient) => {
    const account = await client.account.update({ where: { id: input.accountId }, data: { lifecycleStage: input.to }, select: { name: true, ownerId: true } });
    const at = input.at ?? new Date();
    const change = await client.accountStageChange.create({
      data: {
        accountId: input.accountId,
        fromStage: input.from,
        toStage: input.to,
        kind: input.kind,
        reason: input.reason ?? "",
        evidence: JSON.stringify(input.evidence ?? {}),
        actorId: input.actorId ?? null,
        holdUntil: input.holdUntil ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: at,
      },
      select: { id: true },
    });
    const endpoints = webhookEndpoints ?? (await subscribedEndpointIds("stage.changed", client));
    if (endpoints.length) {
      await enqueueWebhookEvent(
        "stage.changed",
        { accountId: input.accountId, accountName: account.name, from: input.from, to: input.to, kind: input.kind, reason: input.reason ?? "", ownerId: account.ownerId, changedAt: at.toISOString() },
        { tx: client, dedupeKey: stageWebhookKey(change.id), endpointIds: endpoints, now: at },
      );
    }
  };
  if (tx === db) await db.$transaction(write);
  else await write(tx as Prisma.TransactionClient);
}

export type OverrideResult = { ok: true } | { ok: false; error: "unknownStage" | "sameStage" | "reasonRequired" | "notFound" };

/** Staff put an account in a stage by hand, with a reason; automatic moves then pause for a while. */
export async function overrideStage(
  input: { accountId: string; to: string; reason: string; actorId: string },
  now = new Date(),
): Promise<OverrideResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: "reasonRequired" };
  const stages = await getStages();
  if (!stages.some((s) => s.code === input.to)) return { ok: false, error: "unknownStage" };
  const account = await db.account.findUnique({ where: { id: input.accountId }, select: { lifecycleStage: true } });
  if (!account) return { ok: false, error: "notFound" };
  if (account.lifecycleStage === input.to) return { ok: false, error: "sameStage" };
  await changeStage({
    accountId: input.accountId,
    from: account.lifecycleStage,
    to: input.to,
    kind: "override",
    reason: reason.slice(0, 500),
    actorId: input.actorId,
    holdUntil: new Date(now.getTime() + OVERRIDE_HOLD_DAYS * 86_400_000),
    at: now,
  });
  return { ok: true };
}

/** Accounts whose automatic moves are paused by a recent override, with the time they resume. */
export async function heldAccounts(accountIds: string[] | "all", now: Date): Promise<Map<string, Date>> {
  // Few overrides are ever paused at once: read them all and filter, whatever the list's length.
  const wanted = accountIds === "all" ? null : new Set(accountIds);
  const rows = (
    await db.accountStageChange.findMany({ where: { kind: "override", holdUntil: { gt: now } }, select: { accountId: true, holdUntil: true } })
  ).filter((row) => !wanted || wanted.has(row.accountId));
  const held = new Map<string, Date>();
  for (const row of rows) {
    const until = row.holdUntil!;
    const seen = held.get(row.accountId);
    if (!seen || until > seen) held.set(row.accountId, until);
  }
  return held;
}

export type StageCandidate = { accountId: string; stage: string; values: FactValues };
export type StageMove = { accountId: string; from: string; to: string; evidence: Record<string, number | null> };

/**
 * Moves accounts forward when the next stages' entry rules hold. Never backwards: an account
 * going quiet keeps its stage (its health and alerts show the trouble). Idempotent per day.
 */
export async function applyAutomaticMoves(candidates: StageCandidate[], stages: StageDef[], now: Date): Promise<StageMove[]> {
  const held = await heldAccounts(
    candidates.map((c) => c.accountId),
    now,
  );
  const day = now.toISOString().slice(0, 10);
  const moves: StageMove[] = [];
  for (const candidate of candidates) {
    if (held.has(candidate.accountId)) continue;
    let from = candidate.stage;
    for (const next of automaticMoves(stages, candidate.stage, candidate.values)) {
      moves.push({ accountId: candidate.accountId, from, to: next.code, evidence: ruleEvidence(next, candidate.values) });
      from = next.code;
    }
  }
  if (moves.length === 0) return moves;
  // One look-up for the whole batch of moves; nobody subscribed means no webhook work per move.
  const webhookEndpoints = await subscribedEndpointIds("stage.changed");
  await db.$transaction(async (tx) => {
    for (const move of moves) {
      const dedupeKey = `${move.accountId}:${move.from}>${move.to}:${day}`;
      // Re-running the same day after a reset (the demo seed does that) records the move once.
      const seen = await tx.accountStageChange.findUnique({ where: { dedupeKey }, select: { id: true } });
      if (seen) {
        await tx.account.update({ where: { id: move.accountId }, data: { lifecycleStage: move.to } });
        continue;
      }
      await changeStage({ accountId: move.accountId, from: move.from, to: move.to, kind: "auto", evidence: move.evidence, dedupeKey, at: now }, tx, webhookEndpoints);
    }
  });
  return moves;
}

export async function stageHistory(accountId: string, take = 20) {
  return db.accountStageChange.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, fromStage: true, toStage: true, kind: true, reason: true, evidence: true, holdUntil: true, createdAt: true, actor: { select: { name: true } } },
  });
}

export type LifecyclePanelData = {
  current: Pick<StageDef, "code" | "nameEn" | "nameJa" | "team"> | null;
  next: Pick<StageDef, "code" | "nameEn" | "nameJa" | "rules"> | null;
  heldUntil: string | null;
  stages: Array<Pick<StageDef, "code" | "nameEn" | "nameJa">>;
  history: Array<{ id: string; fromStage: string; toStage: string; kind: string; reason: string; evidence: Record<string, number | null>; createdAt: string; actorName: string | null }>;
};

/** Everything the lifecycle panel of the staff account page shows. */
export async function lifecyclePanelData(accountId: string, currentStage: string, now = new Date()): Promise<LifecyclePanelData> {
  const [stages, history, held] = await Promise.all([getStages(), stageHistory(accountId), heldAccounts([accountId], now)]);
  const index = stages.findIndex((s) => s.code === currentStage);
  const current = index === -1 ? null : stages[index]!;
  const next = index === -1 ? null : (stages[index + 1] ?? null);
  return {
    current: current && { code: current.code, nameEn: current.nameEn, nameJa: current.nameJa, team: current.team },
    next: next && { code: next.code, nameEn: next.nameEn, nameJa: next.nameJa, rules: next.rules },
    heldUntil: held.get(accountId)?.toISOString() ?? null,
    stages: stages.map((s) => ({ code: s.code, nameEn: s.nameEn, nameJa: s.nameJa })),
    history: history.map((h) => ({
      id: h.id,
      fromStage: h.fromStage,
      toStage: h.toStage,
      kind: h.kind,
      reason: h.reason,
      evidence: JSON.parse(h.evidence) as Record<string, number | null>,
      createdAt: h.createdAt.toISOString(),
      actorName: h.actor?.name ?? null,
    })),
  };
}
