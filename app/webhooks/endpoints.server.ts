// Admins register the URLs that receive webhooks, choose their events, pause and resume them,
// rotate their secrets, and read the delivery log.
import { z } from "zod";
import { db } from "~/db.server";
import { WEBHOOK_EVENT_TYPES } from "./events";
import { createWebhookSecret } from "./signature";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** HTTPS, except on this machine itself (local receivers in development and tests). */
export function isAcceptableWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
}

export const endpointFormSchema = z.object({
  url: z.string().trim().min(1).max(500).refine(isAcceptableWebhookUrl, "webhooks.urlInvalid"),
  description: z.string().trim().max(200).default(""),
  /** Space-separated, as the form joins its checkboxes. */
  events: z
    .string()
    .max(500)
    .transform((v) => [...new Set(v.split(/\s+/).filter(Boolean))])
    .pipe(z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "webhooks.eventsRequired")),
});

export type EndpointInput = z.infer<typeof endpointFormSchema>;

async function audit(actorId: string | null, action: string, endpointId: string, detail = "") {
  await db.auditEntry.create({ data: { actorId, action, targetType: "webhook_endpoint", targetId: endpointId, detail } });
}

export async function createEndpoint(input: EndpointInput, createdById: string | null) {
  const endpoint = await db.webhookEndpoint.create({
    data: { url: input.url, description: input.description, events: input.events.join(" "), secret: createWebhookSecret(), createdById },
    select: { id: true, secret: true },
  });
  await audit(createdById, "webhook.created", endpoint.id, input.url);
  return endpoint;
}

export async function updateEndpoint(id: string, input: EndpointInput, actorId: string | null) {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id }, data: { url: input.url, description: input.description, events: input.events.join(" ") } });
  if (count) await audit(actorId, "webhook.updated", id, input.url);
  return count === 1;
}

/** Pauses or resumes. Resuming forgets past failures and sends what waited, right away. */
export async function setEndpointEnabled(id: string, enabled: boolean, actorId: string | null, now = new Date()) {
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id },
      data: enabled ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0 } : { disabledAt: now, disabledReason: "Paused by an administrator." },
    });
    if (count && enabled) await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: "pending" }, data: { nextAttemptAt: now } });
    return count === 1;
  });
  if (done) await audit(actorId, enabled ? "webhook.enabled" : "webhook.disabled", id);
  return done;
}

export async function rotateEndpointSecret(id: string, actorId: string | null) {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id }, data: { secret: createWebhookSecret() } });
  if (count) await audit(actorId, "webhook.secret_rotated", id);
  return count === 1;
}

export async function deleteEndpoint(id: string, actorId: string | null) {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id } });
  if (count) await audit(actorId, "webhook.deleted", id);
  return count === 1;
}

export async function listEndpoints() {
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, url: true, description: true, events: true, disabledAt: true, disabledReason: true, consecutiveFailures: true, createdAt: true },
  });
  const pending = await db.webhookDelivery.groupBy({ by: ["endpointId"], where: { status: "pending" }, _count: { _all: true } });
  return endpoints.map((e) => ({ ...e, events: e.events.split(" "), pending: pending.find((p) => p.endpointId === e.id)?._count._all ?? 0 }));
}

export const DELIVERIES_PAGE_SIZE = 30;

/** One endpoint with its newest deliveries and each delivery's attempts (the delivery log). */
export async function endpointWithLog(id: string, page = 1) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, url: true, description: true, events: true, secret: true, disabledAt: true, disabledReason: true, consecutiveFailures: true, createdAt: true },
  });
  if (!endpoint) return null;
  const [total, deliveries] = await Promise.all([
    db.webhookDelivery.count({ where: { endpointId: id } }),
    db.webhookDelivery.findMany({
      where: { endpointId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERIES_PAGE_SIZE,
      take: DELIVERIES_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastStatusCode: true,
        lastError: true,
        deliveredAt: true,
        createdAt: true,
        event: { select: { id: true, type: true } },
        log: { orderBy: { attemptedAt: "desc" }, take: 20, select: { id: true, trigger: true, statusCode: true, error: true, durationMs: true, attemptedAt: true } },
      },
    }),
  ]);
  return { endpoint: { ...endpoint, events: endpoint.events.split(" ") }, deliveries, total, pages: Math.max(1, Math.ceil(total / DELIVERIES_PAGE_SIZE)) };
}

/** The delivery, if it belongs to this endpoint (forms carry both ids; neither is trusted alone). */
export function deliveryOfEndpoint(endpointId: string, deliveryId: string) {
  return db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId }, select: { id: true } });
}
