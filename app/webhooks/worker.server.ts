// Delivers queued webhook events. The queue lives in the database (WebhookDelivery), so a
// restarted server, or another process running scripts/deliver-webhooks.ts, carries on where
// the last one stopped. A worker claims a delivery with a lease (lockedUntil) before sending:
// two workers never send the same delivery at once, and a crashed worker's lease runs out.
import { db } from "~/db.server";
import { deliveryBody } from "./enqueue.server";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./signature";

export type WorkerOptions = {
  /** Delay before the first retry; each further retry waits twice as long, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many attempts a delivery is marked failed (an admin can still re-send it). */
  maxAttempts?: number;
  /** This many failed attempts in a row to one endpoint disable it. */
  disableAfter?: number;
  requestTimeoutMs?: number;
  batchSize?: number;
  now?: () => Date;
};

export const WEBHOOK_DEFAULTS = {
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
  maxAttempts: 12,
  disableAfter: 20,
  requestTimeoutMs: 10_000,
  batchSize: 25,
} as const;

/** Exponential back-off: base, 2×base, 4×base … capped. `attempts` counts those already made. */
export function retryDelayMs(attempts: number, baseDelayMs: number = WEBHOOK_DEFAULTS.baseDelayMs, maxDelayMs: number = WEBHOOK_DEFAULTS.maxDelayMs): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

type Outcome = { statusCode: number | null; error: string | null; durationMs: number };

async function post(url: string, secret: string, delivery: { id: string; event: { type: string } }, body: string, now: Date, timeoutMs: number): Promise<Outcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Kizuna-Webhooks/1.0",
        "Kizuna-Event": delivery.event.type,
        "Kizuna-Delivery": delivery.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
    // The receiver's answer body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = error instanceof Error ? `${error.name === "TimeoutError" ? "timed out" : error.message}${cause}` : String(error);
    return { statusCode: null, error: message.slice(0, 500), durationMs: Math.round(performance.now() - started) };
  }
}

export function createWebhookWorker(options: WorkerOptions = {}) {
  const settings = { ...WEBHOOK_DEFAULTS, ...options };
  const clock = options.now ?? (() => new Date());
  const lease = settings.requestTimeoutMs * 3;

  /** Sends one delivery and records the attempt; `trigger` says who asked (the worker or an admin). */
  async function attempt(deliveryId: string, trigger: "worker" | "manual"): Promise<Outcome | null> {
    const delivery = await db.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, attempts: true, endpoint: { select: { id: true, url: true, secret: true } }, event: { select: { id: true, type: true, payload: true, createdAt: true } } },
    });
    if (!delivery) return null;
    const outcome = await post(delivery.endpoint.url, delivery.endpoint.secret, delivery, deliveryBody(delivery.event), clock(), settings.requestTimeoutMs);
    const finishedAt = clock();
    const attempts = delivery.attempts + 1;
    const delivered = outcome.error === null;
    await db.$transaction(async (tx) => {
      await tx.webhookAttempt.create({ data: { deliveryId, trigger, statusCode: outcome.statusCode, error: outcome.error, durationMs: outcome.durationMs, attemptedAt: finishedAt } });
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: delivered
          ? { status: "delivered", attempts, deliveredAt: finishedAt, lastStatusCode: outcome.statusCode, lastError: null, lockedUntil: null }
          : {
              status: attempts >= settings.maxAttempts ? "failed" : "pending",
              attempts,
              lastStatusCode: outcome.statusCode,
              lastError: outcome.error,
              nextAttemptAt: new Date(finishedAt.getTime() + retryDelayMs(attempts, settings.baseDelayMs, settings.maxDelayMs)),
              lockedUntil: null,
            },
      });
      if (delivered) {
        await tx.webhookEndpoint.update({ where: { id: delivery.endpoint.id }, data: { consecutiveFailures: 0 } });
      } else {
        const endpoint = await tx.webhookEndpoint.update({ where: { id: delivery.endpoint.id }, data: { consecutiveFailures: { increment: 1 } }, select: { consecutiveFailures: true, disabledAt: true } });
        if (!endpoint.disabledAt && endpoint.consecutiveFailures >= settings.disableAfter) {
          await tx.webhookEndpoint.update({
            where: { id: delivery.endpoint.id },
            data: { disabledAt: finishedAt, disabledReason: `Disabled after ${endpoint.consecutiveFailures} failed deliveries in a row (last: ${outcome.error}).` },
          });
        }
      }
    });
    return outcome;
  }

  /** Claims and sends the deliveries that are due; returns how many were attempted. */
  async function runOnce(): Promise<{ attempted: number; delivered: number }> {
    const now = clock();
    const free = [{ lockedUntil: null }, { lockedUntil: { lt: now } }];
    const due = await db.webhookDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now }, OR: free, endpoint: { disabledAt: null } },
      orderBy: { nextAttemptAt: "asc" },
      take: settings.batchSize,
      select: { id: true },
    });
    const claimed: string[] = [];
    for (const { id } of due) {
      const { count } = await db.webhookDelivery.updateMany({ where: { id, status: "pending", OR: free }, data: { lockedUntil: new Date(now.getTime() + lease) } });
      if (count === 1) claimed.push(id);
    }
    const outcomes = await Promise.all(claimed.map((id) => attempt(id, "worker")));
    return { attempted: claimed.length, delivered: outcomes.filter((o) => o && o.error === null).length };
  }

  /** Keeps sending until nothing is due right now (used by the script and the tests). */
  async function drain(): Promise<{ attempted: number; delivered: number }> {
    const total = { attempted: 0, delivered: 0 };
    for (;;) {
      const pass = await runOnce();
      total.attempted += pass.attempted;
      total.delivered += pass.delivered;
      if (pass.attempted < settings.batchSize) return total;
    }
  }

  /** An admin's re-send: goes out now, whatever the delivery's state, and is logged as manual. */
  async function resend(deliveryId: string): Promise<Outcome | null> {
    const exists = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true } });
    if (!exists) return null;
    return attempt(deliveryId, "manual");
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  return {
    runOnce,
    drain,
    resend,
    /** Polls the queue every `intervalMs` without overlapping passes. */
    start(intervalMs = 5_000) {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = true;
        drain()
          .catch((error) => console.error("[webhooks] delivery pass failed", error))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
