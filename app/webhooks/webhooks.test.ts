// Webhooks against a real HTTP receiver on 127.0.0.1: signed deliveries, back-off while the
// receiver is down, nothing lost when the worker is replaced ("server restart"), auto-disable,
// manual re-send, and the question.unanswered check.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { askQuestion } from "~/qa/questions.server";
import { createEndpoint, setEndpointEnabled } from "./endpoints.server";
import { enqueueWebhookEvent } from "./enqueue.server";
import { verifyWebhookSignature } from "./signature";
import { announceUnansweredQuestions } from "./unanswered.server";
import { createWebhookWorker, retryDelayMs } from "./worker.server";

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real receiver: records every request and answers with `status` (changeable). */
function receiver(port = 0) {
  const received: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  return {
    received,
    setStatus: (s: number) => (status = s),
    listen: () => new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on right now (bound once, then released). */
async function freePort(): Promise<number> {
  const probe = receiver();
  const port = await probe.listen();
  await probe.close();
  return port;
}

const stagePayload = (to: string) => ({ accountId: "acc-1", accountName: "株式会社さくらコマース", from: "L04", to, kind: "auto" as const, reason: "", ownerId: null, changedAt: "2026-12-01T00:00:00.000Z" });
const endpointInput = (url: string, events: Array<"stage.changed" | "alert.created" | "question.unanswered"> = ["stage.changed"]) => ({ url, description: "", events });

// Each test starts with no endpoints and an empty queue (the file shares one database).
beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  await db.webhookEvent.deleteMany();
});

describe("delivery", () => {
  test("a delivery is signed over timestamp.body and verifies with the endpoint's secret", async () => {
    const target = receiver();
    const port = await target.listen();
    try {
      const endpoint = await createEndpoint(endpointInput(`http://127.0.0.1:${port}/hooks`), null);
      const queued = await enqueueWebhookEvent("stage.changed", stagePayload("L05"));
      expect(queued?.deliveries).toBe(1);
      expect(await createWebhookWorker().drain()).toEqual({ attempted: 1, delivered: 1 });

      expect(target.received).toHaveLength(1);
      const [{ headers, body }] = target.received as [Received];
      expect(JSON.parse(body)).toEqual({ id: queued!.eventId, type: "stage.changed", createdAt: expect.any(String), data: stagePayload("L05") });
      expect(headers["kizuna-event"]).toBe("stage.changed");
      expect(headers["content-type"]).toBe("application/json");
      const signature = String(headers["kizuna-signature"]);
      const timestamp = String(headers["kizuna-timestamp"]);
      expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
      expect(verifyWebhookSignature({ secret: endpoint.secret, body, signature, timestamp })).toEqual({ ok: true });
      expect(verifyWebhookSignature({ secret: endpoint.secret, body: body.replace("L05", "L06"), signature, timestamp })).toEqual({ ok: false, reason: "mismatch" });
      expect(verifyWebhookSignature({ secret: "whsec_other", body, signature, timestamp })).toEqual({ ok: false, reason: "mismatch" });
      expect(verifyWebhookSignature({ secret: endpoint.secret, body, signature, timestamp, now: new Date(Number(timestamp) * 1000 + 600_000) })).toEqual({ ok: false, reason: "stale" });
      expect(verifyWebhookSignature({ secret: endpoint.secret, body, signature: null, timestamp })).toEqual({ ok: false, reason: "missing" });

      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, include: { log: true } });
      expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
      expect(delivery.log.map((a) => [a.trigger, a.statusCode])).toEqual([["worker", 200]]);
    } finally {
      await target.close();
    }
  });

  test("only endpoints subscribed to the type (and enabled) get a delivery; a dedupe key queues once", async () => {
    const stage = await createEndpoint(endpointInput("https://stage.example/hook", ["stage.changed"]), null);
    const alerts = await createEndpoint(endpointInput("https://alerts.example/hook", ["alert.created", "question.unanswered"]), null);
    const paused = await createEndpoint(endpointInput("https://paused.example/hook", ["alert.created"]), null);
    await setEndpointEnabled(paused.id, false, null);
    const queued = await enqueueWebhookEvent(
      "alert.created",
      { accountId: "a", accountName: "A", alertId: "al-1", kind: "band_drop", severity: "high", message: "m", nextAction: "n", ownerId: null, createdAt: "2026-12-01T00:00:00Z" },
      { dedupeKey: "alert.created:al-1" },
    );
    expect(queued?.deliveries).toBe(1);
    const deliveries = await db.webhookDelivery.findMany({ where: { eventId: queued!.eventId } });
    expect(deliveries.map((d) => d.endpointId)).toEqual([alerts.id]);
    expect(deliveries.map((d) => d.endpointId)).not.toContain(stage.id);
    expect(await enqueueWebhookEvent("alert.created", { accountId: "a", accountName: "A", alertId: "al-1", kind: "k", severity: "s", message: "m", nextAction: "n", ownerId: null, createdAt: "x" }, { dedupeKey: "alert.created:al-1" })).toBeNull();
    expect(await db.webhookEvent.count({ where: { dedupeKey: "alert.created:al-1" } })).toBe(1);
  });

  test("receiver down: retried with exponential back-off, delivered when it comes back", async () => {
    const port = await freePort();
    const endpoint = await createEndpoint(endpointInput(`http://127.0.0.1:${port}/down`), null);
    let now = new Date("2026-12-01T00:00:00Z");
    const worker = createWebhookWorker({ baseDelayMs: 60_000, now: () => now });
    await enqueueWebhookEvent("stage.changed", stagePayload("L06"), { now });
    const delivery = () => db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    expect(await worker.runOnce()).toEqual({ attempted: 1, delivered: 0 });
    let state = await delivery();
    expect(state).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(state.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    expect(state.nextAttemptAt.getTime() - now.getTime()).toBe(60_000);

    // Not due yet: nothing is sent before the back-off has passed.
    expect(await worker.runOnce()).toEqual({ attempted: 0, delivered: 0 });
    now = new Date(now.getTime() + 60_000);
    expect(await worker.runOnce()).toEqual({ attempted: 1, delivered: 0 });
    state = await delivery();
    expect(state.attempts).toBe(2);
    expect(state.nextAttemptAt.getTime() - now.getTime()).toBe(120_000);
    now = new Date(now.getTime() + 60_000);
    expect(await worker.runOnce()).toEqual({ attempted: 0, delivered: 0 });

    const target = receiver(port);
    await target.listen();
    try {
      now = new Date(now.getTime() + 60_000);
      expect(await worker.runOnce()).toEqual({ attempted: 1, delivered: 1 });
      expect(target.received).toHaveLength(1);
      state = await delivery();
      expect(state).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
      const log = await db.webhookAttempt.findMany({ where: { deliveryId: state.id }, orderBy: { attemptedAt: "asc" } });
      expect(log.map((a) => a.statusCode)).toEqual([null, null, 200]);
      expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
    } finally {
      await target.close();
    }
  });

  test("nothing is lost across a restart: a new worker delivers what the old one left, each exactly once", async () => {
    const target = receiver();
    const port = await target.listen();
    try {
      const endpoint = await createEndpoint(endpointInput(`http://127.0.0.1:${port}/restart`), null);
      let now = new Date("2026-12-02T00:00:00Z");
      target.setStatus(503);
      const before = createWebhookWorker({ baseDelayMs: 1_000, now: () => now });
      for (let i = 0; i < 4; i++) await enqueueWebhookEvent("stage.changed", stagePayload(`L0${i + 1}`), { now });
      // The first server tried once (the receiver answered 503)…
      expect(await before.drain()).toEqual({ attempted: 4, delivered: 0 });
      // …then claimed one more delivery and died in the middle of sending it.
      await enqueueWebhookEvent("stage.changed", stagePayload("L09"), { now });
      const orphan = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, attempts: 0 } });
      await db.webhookDelivery.update({ where: { id: orphan.id }, data: { lockedUntil: new Date(now.getTime() + 30_000) } });
      before.stop();

      // A new process starts with nothing in memory: only the database.
      target.setStatus(204);
      now = new Date(now.getTime() + 60_000);
      const after = createWebhookWorker({ baseDelayMs: 1_000, now: () => now });
      expect(await after.drain()).toEqual({ attempted: 5, delivered: 5 });
      expect(await after.drain()).toEqual({ attempted: 0, delivered: 0 });

      const ids = target.received.filter((r) => r.headers["kizuna-event"] === "stage.changed").map((r) => String(r.headers["kizuna-delivery"]));
      const delivered = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
      expect(delivered.every((d) => d.status === "delivered")).toBe(true);
      // 4 failed first tries + 5 successful deliveries; each delivery succeeded once.
      expect(ids).toHaveLength(9);
      expect(new Set(ids.slice(4)).size).toBe(5);
      expect(new Set(ids.slice(4))).toEqual(new Set(delivered.map((d) => d.id)));
    } finally {
      await target.close();
    }
  });

  test("repeated failures disable the endpoint; re-enabling delivers what waited; manual re-send is logged", async () => {
    const target = receiver();
    const port = await target.listen();
    try {
      target.setStatus(500);
      const endpoint = await createEndpoint(endpointInput(`http://127.0.0.1:${port}/flaky`), null);
      let now = new Date("2026-12-03T00:00:00Z");
      const worker = createWebhookWorker({ baseDelayMs: 1_000, disableAfter: 3, maxAttempts: 2, now: () => now });
      for (let i = 0; i < 3; i++) await enqueueWebhookEvent("stage.changed", stagePayload(`L0${i + 1}`), { now });
      expect(await worker.drain()).toEqual({ attempted: 3, delivered: 0 });
      const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(disabled.disabledAt).not.toBeNull();
      expect(disabled.disabledReason).toMatch(/3 failed deliveries in a row.*HTTP 500/);

      // While disabled: no new deliveries, and the waiting ones are not attempted.
      expect((await enqueueWebhookEvent("stage.changed", stagePayload("L07"), { now }))?.deliveries).toBe(0);
      now = new Date(now.getTime() + 60_000);
      expect(await worker.drain()).toEqual({ attempted: 0, delivered: 0 });

      target.setStatus(200);
      await setEndpointEnabled(endpoint.id, true, null, now);
      expect(await worker.drain()).toEqual({ attempted: 3, delivered: 3 });

      // A delivery that used up its attempts is marked failed; an admin's re-send still goes out.
      target.setStatus(500);
      await enqueueWebhookEvent("stage.changed", stagePayload("L08"), { now });
      await worker.drain();
      now = new Date(now.getTime() + 60_000);
      await worker.drain();
      const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, status: "failed" } });
      expect(failed.attempts).toBe(2);
      now = new Date(now.getTime() + 3_600_000);
      expect(await worker.drain()).toEqual({ attempted: 0, delivered: 0 });
      target.setStatus(200);
      expect(await worker.resend(failed.id)).toMatchObject({ statusCode: 200, error: null });
      const resent = await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id }, include: { log: { orderBy: { attemptedAt: "asc" } } } });
      expect(resent.status).toBe("delivered");
      expect(resent.log.map((a) => [a.trigger, a.statusCode])).toEqual([["worker", 500], ["worker", 500], ["manual", 200]]);
    } finally {
      await target.close();
    }
  });

  test("back-off doubles from the base delay and stops growing at the cap", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, 6 * 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30, 30_000, 6 * 3_600_000)).toBe(6 * 3_600_000);
  });
});

describe("question.unanswered", () => {
  test("announces each open question without answers after N hours, once", async () => {
    const account = await upsertAccount({ name: "未回答商事", domains: ["unanswered.example"] });
    const asker = await upsertUser({ email: uniqueEmail("unanswered.example"), name: "質問 者", accountId: account.id });
    await createEndpoint(endpointInput("https://qa.example/hook", ["question.unanswered"]), null);
    const now = new Date("2026-12-10T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const old = await askQuestion(asker, { title: "スコアの減衰はどう設定しますか？", body: "本文", tags: ["スコアリング"], beginner: false }, hoursAgo(50));
    await askQuestion(asker, { title: "まだ新しい質問ですがどうでしょう", body: "本文", tags: [], beginner: false }, hoursAgo(3));
    const answered = await askQuestion(asker, { title: "回答済みの質問はどうなりますか", body: "本文", tags: [], beginner: false }, hoursAgo(60));
    await db.question.update({ where: { id: answered.id }, data: { answerCount: 1 } });
    await askQuestion(asker, { title: "ずっと昔の質問はどうなりますか", body: "本文", tags: [], beginner: false }, hoursAgo(24 * 30));

    expect(await announceUnansweredQuestions({ hours: 48, now })).toBe(1);
    expect(await announceUnansweredQuestions({ hours: 48, now: new Date(now.getTime() + 3_600_000) })).toBe(0);
    const event = await db.webhookEvent.findFirstOrThrow({ where: { type: "question.unanswered" }, include: { deliveries: true } });
    expect(JSON.parse(event.payload)).toMatchObject({ questionId: old.id, hoursUnanswered: 50, tags: ["スコアリング"], accountId: account.id, accountName: "未回答商事", url: `/questions/${old.id}` });
    expect(event.deliveries).toHaveLength(1);
  });
});
