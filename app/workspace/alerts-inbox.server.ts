// The alerts inbox: a staff person's unresolved alerts, and who may act on which alert.
//
// The rule (also in README "Workspace access"): every staff person can read every alert, but
// acknowledging or resolving one is for the person it is assigned to (its owner, the account's
// CS owner when it was raised) or an admin. Anyone else gets 403 and nothing changes. Alerts
// nobody owns are for admins.
import { acknowledgeAlert, listUnresolvedAlerts, resolveAlert, type AlertView } from "~/alerts/alerts.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { forbidden } from "./access.server";

export const INBOX_SCOPES = ["mine", "all"] as const;
export type InboxScope = (typeof INBOX_SCOPES)[number];
const INBOX_LIMIT = 200;
const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1 };

export type InboxAlert = AlertView & { ownerId: string | null; mayAct: boolean };

/** "all" only for admins; everyone else sees what is assigned to them. */
export function inboxScope(url: URL, viewer: Pick<SessionUser, "role">): InboxScope {
  return viewer.role === "admin" && url.searchParams.get("scope") === "all" ? "all" : "mine";
}

export function mayActOnAlert(viewer: Pick<SessionUser, "id" | "role">, alert: { ownerId: string | null }): boolean {
  return viewer.role === "admin" || (alert.ownerId !== null && alert.ownerId === viewer.id);
}

/** Which of `alertIds` the viewer may acknowledge or resolve (the account page hides the others' forms). */
export async function alertsActionableBy(viewer: Pick<SessionUser, "id" | "role">, alertIds: readonly string[]): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const rows = await db.healthAlert.findMany({ where: { id: { in: [...alertIds] } }, select: { id: true, ownerId: true } });
  return rows.filter((row) => mayActOnAlert(viewer, row)).map((row) => row.id);
}

/** Unresolved alerts, most severe first, then the oldest first. */
export async function listInbox(viewer: Pick<SessionUser, "id" | "role">, scope: InboxScope): Promise<InboxAlert[]> {
  const alerts = await listUnresolvedAlerts(scope === "all" ? {} : { ownerId: viewer.id }, INBOX_LIMIT);
  const owners = new Map(
    (await db.healthAlert.findMany({ where: { id: { in: alerts.map((a) => a.id) } }, select: { id: true, ownerId: true } })).map((a) => [a.id, a.ownerId]),
  );
  return alerts
    .map((alert) => {
      const ownerId = owners.get(alert.id) ?? null;
      return { ...alert, ownerId, mayAct: mayActOnAlert(viewer, { ownerId }) };
    })
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.createdAt.localeCompare(b.createdAt));
}

export type InboxActionInput = { intent: "alert-acknowledge" | "alert-resolve"; alertId: string; note: string };

/**
 * Acknowledges or resolves an alert for `viewer`. Throws 404 for an unknown alert and 403 when the
 * viewer may not act on it (see the rule above); other refusals come back as the result.
 */
export async function actOnInboxAlert(viewer: Pick<SessionUser, "id" | "role">, input: InboxActionInput, now = new Date()) {
  const alert = await db.healthAlert.findUnique({ where: { id: input.alertId }, select: { accountId: true, ownerId: true } });
  if (!alert) throw new Response("Alert not found", { status: 404 });
  if (!mayActOnAlert(viewer, alert)) throw forbidden();
  const args = { alertId: input.alertId, accountId: alert.accountId, actorId: viewer.id, note: input.note };
  return input.intent === "alert-acknowledge" ? acknowledgeAlert(args, now) : resolveAlert(args, now);
}
