// Stored alerts: raising them without duplicates, the people named in next actions, and the
// acknowledge / resolve workflow of CS staff.
import { db, isUniqueViolation } from "~/db.server";
import { emailAlertsToOwners } from "~/email/alerts.server";
import { messageText } from "~/email/message-text";
import type { Prisma } from "~/generated/prisma/client";
import { enqueueWebhookEvent, subscribedEndpointIds } from "~/webhooks/enqueue.server";
import { IN_LIST_MAX, inSlices, slices } from "~/scoring/chunks";
import { daysBefore, sqlTime } from "~/scoring/time";
import type { AlertCandidate, AlertMessage, AlertPeople, AlertRule, UnansweredQuestion } from "./rules";

/** A resolved condition is not raised again for this long, so fixing the cause has time to show. */
export const RESOLVED_COOLDOWN_DAYS = 14;

const CREATED_NOW = "created in this run";

export type RaiseResult = { created: number; refreshed: number; suppressed: number; cleared?: number };

/** The webhook event of a new alert: once per alert, whatever re-runs happen. */
export const alertWebhookKey = (alertId: string) => `alert:${alertId}`;

type CreatedAlert = { id: string; candidate: AlertCandidate; accountName: string; ownerId: string | null };

/**
 * alert.created for other systems. Texts are in English (the API's language); `kind` is the rule
 * and the keys let a receiver render its own wording.
 */
function alertCreatedPayload(alert: CreatedAlert, now: Date) {
  const { candidate } = alert;
  return {
    accountId: candidate.accountId,
    accountName: alert.accountName,
    alertId: alert.id,
    kind: candidate.rule,
    severity: candidate.severity,
    message: messageText(candidate.evidence, "en"),
    nextAction: messageText(candidate.nextAction, "en"),
    ownerId: alert.ownerId,
    createdAt: now.toISOString(),
  };
}

/**
 * Emails each new alert to its account's CS owner (by their cs.alert preference). Runs after the
 * alerts are stored; a mail problem is logged and never undoes or fails the scoring run.
 */
async function emailNewAlerts(created: CreatedAlert[]): Promise<void> {
  try {
    await emailAlertsToOwners(
      created.map(({ candidate }) => ({
        accountId: candidate.accountId,
        title: { key: `alerts.rule.${candidate.rule}`, params: {} },
        message: candidate.evidence,
        nextAction: candidate.nextAction,
        ...(candidate.link ? { link: candidate.link } : {}),
      })),
    );
  } catch (error) {
    console.error("[alerts] emailing new alerts to their owners failed", error);
  }
}

/**
 * Stores new alerts, assigned to each account's CS owner. A condition that already has an open
 * or acknowledged alert only refreshes that alert's evidence and lastSeenAt; one staff resolved in
 * the last 14 days is left alone. The unique openKey settles races between two runs.
 * Each new alert (only those) queues an alert.created webhook event in the same transaction, when
 * an endpoint subscribes, and is emailed to the owner afterwards.
 */
export async function raiseAlerts(candidates: AlertCandidate[], now = new Date()): Promise<RaiseResult> {
  const result: RaiseResult = { created: 0, refreshed: 0, suppressed: 0 };
  if (candidates.length === 0) return result;
  const keys = [...new Set(candidates.map((c) => c.conditionKey))];
  const open = await inSlices(keys, (slice) =>
    db.healthAlert.findMany({ where: { openKey: { in: slice } }, select: { id: true, openKey: true, evidence: true, nextAction: true } }),
  );
  // Only what staff resolved cools down; a condition that cleared by itself may come back at once.
  const recentlyResolved = await inSlices(keys, (slice) =>
    db.healthAlert.findMany({
      where: { conditionKey: { in: slice }, resolvedById: { not: null }, resolvedAt: { gt: daysBefore(now, RESOLVED_COOLDOWN_DAYS) } },
      select: { conditionKey: true },
    }),
  );
  const owners = await inSlices([...new Set(candidates.map((c) => c.accountId))], (slice) =>
    db.account.findMany({ where: { id: { in: slice } }, select: { id: true, ownerId: true, name: true } }),
  );
  // Asked once per call: with no subscriber, alerts are written exactly as before.
  const webhookEndpoints = await subscribedEndpointIds("alert.created");
  const created: CreatedAlert[] = [];
  const openByKey = new Map(open.map((a) => [a.openKey!, a.id]));
  const openById = new Map(open.map((a) => [a.id, a]));
  const stillSeen: string[] = [];
  const cooling = new Set(recentlyResolved.map((a) => a.conditionKey));
  const ownerOf = new Map(owners.map((a) => [a.id, a.ownerId]));
  const nameOf = new Map(owners.map((a) => [a.id, a.name]));

  for (const candidate of candidates) {
    const openId = openByKey.get(candidate.conditionKey);
    if (openId === CREATED_NOW) {
      result.refreshed += 1;
      continue;
    }
    if (openId) {
      const evidence = JSON.stringify(candidate.evidence);
      const nextAction = JSON.stringify(candidate.nextAction);
      const stored = openById.get(openId)!;
      // Most open alerts are seen again unchanged: those only get lastSeenAt, in bulk below.
      if (stored.evidence === evidence && stored.nextAction === nextAction) stillSeen.push(openId);
      else await db.healthAlert.update({ where: { id: openId }, data: { lastSeenAt: now, evidence, nextAction } });
      result.refreshed += 1;
      continue;
    }
    if (cooling.has(candidate.conditionKey) || !ownerOf.has(candidate.accountId)) {
      result.suppressed += 1;
      continue;
    }
    const ownerId = ownerOf.get(candidate.accountId) ?? null;
    const data = {
      accountId: candidate.accountId,
      rule: candidate.rule,
      conditionKey: candidate.conditionKey,
      openKey: candidate.conditionKey,
      severity: candidate.severity,
      evidence: JSON.stringify(candidate.evidence),
      nextAction: JSON.stringify(candidate.nextAction),
      link: candidate.link,
      ownerId,
      createdAt: now,
      lastSeenAt: now,
    } satisfies Prisma.HealthAlertUncheckedCreateInput;
    try {
      const write = async (client: Prisma.TransactionClient) => {
        const row = await client.healthAlert.create({ data, select: { id: true } });
        const alert: CreatedAlert = { id: row.id, candidate, accountName: nameOf.get(candidate.accountId) ?? "", ownerId };
        if (webhookEndpoints.length) {
          await enqueueWebhookEvent("alert.created", alertCreatedPayload(alert, now), { tx: client, dedupeKey: alertWebhookKey(row.id), endpointIds: webhookEndpoints, now });
        }
        return alert;
      };
      created.push(webhookEndpoints.length ? await db.$transaction(write) : await write(db));
      result.created += 1;
      openByKey.set(candidate.conditionKey, CREATED_NOW);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      result.refreshed += 1;
    }
  }
  for (const slice of slices(stillSeen)) await db.healthAlert.updateMany({ where: { id: { in: slice } }, data: { lastSeenAt: now } });
  await emailNewAlerts(created);
  return result;
}

/** Conditions that clear on their own; the others (band dropped, score fell) are events staff close. */
export const SELF_CLEARING_RULES = ["no_activity", "champion_inactive", "unanswered_question"] as const;

/**
 * Closes alerts whose condition the job no longer sees: the account was active again, the
 * champion came back, the question got an answer. They are resolved with nobody named, which
 * the UI shows as "closed automatically". `accountIds` is the run's scope; unanswered questions
 * are looked at globally in every run, so their alerts are checked everywhere.
 */
export async function resolveClearedAlerts(input: { accountIds: string[] | "all"; stillHolding: Set<string>; now: Date }): Promise<number> {
  const inScope = input.accountIds === "all" ? null : new Set(input.accountIds);
  const few = input.accountIds !== "all" && input.accountIds.length <= IN_LIST_MAX;
  const unresolved = await db.healthAlert.findMany({
    where: {
      status: { in: ["open", "acknowledged"] },
      // A small run reads only its accounts' alerts (and the unanswered questions, checked everywhere).
      ...(few
        ? { OR: [{ rule: "unanswered_question" }, { rule: { in: ["no_activity", "champion_inactive"] }, accountId: { in: input.accountIds as string[] } }] }
        : { rule: { in: [...SELF_CLEARING_RULES] } }),
    },
    select: { id: true, accountId: true, rule: true, conditionKey: true },
  });
  const cleared = unresolved
    .filter((a) => (a.rule === "unanswered_question" || !inScope || inScope.has(a.accountId)) && !input.stillHolding.has(a.conditionKey))
    .map((a) => a.id);
  let count = 0;
  for (const slice of slices(cleared)) {
    const updated = await db.healthAlert.updateMany({
      where: { id: { in: slice } },
      data: { status: "resolved", openKey: null, resolvedAt: input.now, resolvedById: null },
    });
    count += updated.count;
  }
  return count;
}

/** Names for next actions: the last member active, and the most active one of the last 120 days. */
export async function alertPeople(accountIds: string[], asOf: Date): Promise<Map<string, AlertPeople>> {
  const people = new Map<string, AlertPeople>(accountIds.map((id) => [id, { lastActive: null, mostActive: null }]));
  if (accountIds.length === 0) return people;
  const ids = JSON.stringify(accountIds);
  const at = sqlTime(asOf);
  const [last, most] = await Promise.all([
    db.$queryRawUnsafe<Array<{ accountId: string; name: string; lastAt: string }>>(
      `SELECT e.accountId, u.name, MAX(e.occurredAt) AS lastAt
       FROM EngagementEvent e JOIN User u ON u.id = e.actorId
       WHERE e.accountId IN (SELECT value FROM json_each(?)) AND e.occurredAt <= ? AND u.accountId = e.accountId AND u.role = 'member'
       GROUP BY e.accountId`,
      ids,
      at,
    ),
    db.$queryRawUnsafe<Array<{ accountId: string; name: string; total: number }>>(
      `SELECT accountId, name, MAX(total) AS total FROM (
         SELECT e.accountId AS accountId, u.name AS name, SUM(e.weight) AS total
         FROM EngagementEvent e JOIN User u ON u.id = e.actorId
         WHERE e.accountId IN (SELECT value FROM json_each(?)) AND e.occurredAt <= ? AND e.occurredAt > ?
           AND u.accountId = e.accountId AND u.role = 'member'
         GROUP BY e.accountId, e.actorId
       ) GROUP BY accountId`,
      ids,
      at,
      sqlTime(daysBefore(asOf, 120)),
    ),
  ]);
  for (const row of last) {
    const entry = people.get(row.accountId);
    if (entry && row.lastAt) entry.lastActive = { name: row.name, at: new Date(row.lastAt) };
  }
  for (const row of most) {
    const entry = people.get(row.accountId);
    if (entry && Number(row.total) > 0) entry.mostActive = { name: row.name };
  }
  return people;
}

/** Open questions nobody answered, older than `hours`, from accounts whose latest band is red. */
export async function unansweredAtRiskQuestions(asOf: Date, hours: number): Promise<UnansweredQuestion[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string; title: string; accountId: string; askerName: string | null; createdAt: unknown; score: number }>>(
    `SELECT q.id, q.title, q.accountId, u.name AS askerName, q.createdAt, s.overall AS score
     FROM Question q
     JOIN HealthSnapshot s ON s.accountId = q.accountId
       AND s.day = (SELECT MAX(day) FROM HealthSnapshot WHERE accountId = q.accountId AND day <= ?)
     LEFT JOIN User u ON u.id = q.authorId
     WHERE q.state = 'open' AND q.answerCount = 0 AND q.createdAt <= ? AND s.band = 'red'`,
    sqlTime(asOf),
    sqlTime(new Date(asOf.getTime() - hours * 3_600_000)),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    accountId: r.accountId,
    askerName: r.askerName ?? "—",
    createdAt: new Date(String(r.createdAt)),
    score: Number(r.score),
  }));
}

export type AlertView = {
  id: string;
  accountId: string;
  accountName: string;
  rule: AlertRule;
  severity: string;
  status: string;
  evidence: AlertMessage;
  nextAction: AlertMessage;
  link: string | null;
  ownerName: string | null;
  createdAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgeNote: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string;
};

const alertSelect = {
  id: true,
  accountId: true,
  rule: true,
  severity: true,
  status: true,
  evidence: true,
  nextAction: true,
  link: true,
  createdAt: true,
  lastSeenAt: true,
  acknowledgedAt: true,
  acknowledgeNote: true,
  resolvedAt: true,
  resolutionNote: true,
  account: { select: { name: true } },
  owner: { select: { name: true } },
  acknowledgedBy: { select: { name: true } },
  resolvedBy: { select: { name: true } },
} as const;

type AlertRow = {
  id: string;
  accountId: string;
  rule: string;
  severity: string;
  status: string;
  evidence: string;
  nextAction: string;
  link: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  acknowledgedAt: Date | null;
  acknowledgeNote: string;
  resolvedAt: Date | null;
  resolutionNote: string;
  account: { name: string };
  owner: { name: string } | null;
  acknowledgedBy: { name: string } | null;
  resolvedBy: { name: string } | null;
};

function toView(row: AlertRow): AlertView {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.account.name,
    rule: row.rule as AlertRule,
    severity: row.severity,
    status: row.status,
    evidence: JSON.parse(row.evidence) as AlertMessage,
    nextAction: JSON.parse(row.nextAction) as AlertMessage,
    link: row.link,
    ownerName: row.owner?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy?.name ?? null,
    acknowledgeNote: row.acknowledgeNote,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy?.name ?? null,
    resolutionNote: row.resolutionNote,
  };
}

const SEVERITY_FIRST = [{ severity: "asc" as const }, { createdAt: "desc" as const }];

/** Unresolved alerts (open and acknowledged), high severity first, newest first. */
export async function listUnresolvedAlerts(filter: { ownerId?: string | null; accountIds?: string[] } = {}, take = 100): Promise<AlertView[]> {
  const where = { status: { in: ["open", "acknowledged"] }, ...(filter.ownerId ? { ownerId: filter.ownerId } : {}) };
  // "high" sorts before "medium".
  if (!filter.accountIds) return (await db.healthAlert.findMany({ where, orderBy: SEVERITY_FIRST, take, select: alertSelect })).map(toView);
  if (filter.accountIds.length <= IN_LIST_MAX) {
    return (await db.healthAlert.findMany({ where: { ...where, accountId: { in: filter.accountIds } }, orderBy: SEVERITY_FIRST, take, select: alertSelect })).map(toView);
  }
  // A long list of accounts (a whole portfolio): filter the unresolved alerts, which stay few.
  const wanted = new Set(filter.accountIds);
  const rows = await db.healthAlert.findMany({ where, orderBy: SEVERITY_FIRST, select: alertSelect });
  return rows.filter((row) => wanted.has(row.accountId)).slice(0, take).map(toView);
}

/** One account's alerts: unresolved first, then the most recently resolved. */
export async function listAccountAlerts(accountId: string, resolvedTake = 5): Promise<{ unresolved: AlertView[]; resolved: AlertView[] }> {
  const [unresolved, resolved] = await Promise.all([
    listUnresolvedAlerts({ accountIds: [accountId] }),
    db.healthAlert.findMany({ where: { accountId, status: "resolved" }, orderBy: { resolvedAt: "desc" }, take: resolvedTake, select: alertSelect }),
  ]);
  return { unresolved, resolved: resolved.map(toView) };
}

export type AlertActionResult = { ok: true } | { ok: false; error: "notFound" | "alreadyResolved" | "noteRequired" };

export async function acknowledgeAlert(input: { alertId: string; accountId: string; actorId: string; note: string }, now = new Date()): Promise<AlertActionResult> {
  const alert = await db.healthAlert.findFirst({ where: { id: input.alertId, accountId: input.accountId }, select: { status: true } });
  if (!alert) return { ok: false, error: "notFound" };
  if (alert.status === "resolved") return { ok: false, error: "alreadyResolved" };
  await db.$transaction([
    db.healthAlert.update({
      where: { id: input.alertId },
      data: { status: "acknowledged", acknowledgedAt: now, acknowledgedById: input.actorId, acknowledgeNote: input.note.trim().slice(0, 1000) },
    }),
    db.auditEntry.create({ data: { actorId: input.actorId, action: "alert.acknowledged", targetType: "alert", targetId: input.alertId, detail: input.note.trim().slice(0, 1000) } }),
  ]);
  return { ok: true };
}

/** Resolving needs a note: what was done. The condition may be raised again after the cool-down. */
export async function resolveAlert(input: { alertId: string; accountId: string; actorId: string; note: string }, now = new Date()): Promise<AlertActionResult> {
  const note = input.note.trim();
  if (!note) return { ok: false, error: "noteRequired" };
  const alert = await db.healthAlert.findFirst({ where: { id: input.alertId, accountId: input.accountId }, select: { status: true } });
  if (!alert) return { ok: false, error: "notFound" };
  if (alert.status === "resolved") return { ok: false, error: "alreadyResolved" };
  await db.$transaction([
    db.healthAlert.update({
      where: { id: input.alertId },
      data: { status: "resolved", openKey: null, resolvedAt: now, resolvedById: input.actorId, resolutionNote: note.slice(0, 1000) },
    }),
    db.auditEntry.create({ data: { actorId: input.actorId, action: "alert.resolved", targetType: "alert", targetId: input.alertId, detail: note.slice(0, 1000) } }),
  ]);
  return { ok: true };
}

export async function countUnresolvedAlerts(accountIds: string[]): Promise<Map<string, number>> {
  const rows = await inSlices(accountIds, (slice) =>
    db.healthAlert.groupBy({
      by: ["accountId"],
      where: { accountId: { in: slice }, status: { in: ["open", "acknowledged"] } },
      _count: { _all: true },
    }),
  );
  return new Map(rows.map((r) => [r.accountId, r._count._all]));
}
