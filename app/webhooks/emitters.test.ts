// The webhook events raised where things happen: a recompute that changes a band, a new alert, a
// stage move (automatic or by hand) and an approved champion. Each is queued once however often
// the same thing is run again, carries the documented payload, and costs nothing when no
// endpoint subscribes. New alerts also reach the CS owner by email (outbox), once.
import { company, member, staffer } from "../../tests/champion-factories";
import { daysAgo, NOW, scoringAccount, staffMember, TEST_CONTENT } from "../../tests/scoring-factories";
import { alertWebhookKey, raiseAlerts } from "~/alerts/alerts.server";
import type { AlertCandidate } from "~/alerts/rules";
import { nominate, type EvidenceInput } from "~/champions/nominations.server";
import { listCriteria } from "~/champions/program.server";
import { championWebhookKey, decide, saveReview } from "~/champions/review.server";
import { db } from "~/db.server";
import { DEFAULT_STAGES } from "~/lifecycle/defaults";
import { stageFactValues } from "~/lifecycle/rules";
import { applyAutomaticMoves, overrideStage, stageWebhookKey } from "~/lifecycle/stages.server";
import { savePreferences } from "~/notifications/notifications.server";
import { recomputeAccounts } from "~/scoring/recompute.server";
import { emptyFacts } from "~/scoring/facts";
import { startOfUtcDay } from "~/scoring/time";
import { bandWebhookKey } from "./band-changes.server";
import { createEndpoint } from "./endpoints.server";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";

const BASE = "https://kizuna.test";

async function subscribe(events: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES]) {
  return createEndpoint({ url: "https://receiver.example/hooks", description: "", events }, null);
}

async function queued(type: WebhookEventType) {
  const events = await db.webhookEvent.findMany({ where: { type }, include: { deliveries: true }, orderBy: { createdAt: "asc" } });
  return events.map((e) => ({ dedupeKey: e.dedupeKey, data: JSON.parse(e.payload) as Record<string, unknown>, deliveries: e.deliveries.length }));
}

/** A snapshot from before today, as an earlier run would have left it. */
async function storedSnapshot(accountId: string, day: Date, overall: number, band: "green" | "yellow" | "red") {
  await db.healthSnapshot.create({ data: { accountId, day, overall, band, weights: "{}", segment: "default", facts: "{}", modelVersion: 1, computedAt: day } });
}

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  await db.webhookEvent.deleteMany();
});

describe("health.band_changed", () => {
  test("a recompute that changes the band queues one event, also when run again; the first score and an unchanged band queue none", async () => {
    const endpoint = await subscribe(["health.band_changed"]);
    // Nobody from these accounts did anything: today's computation is red for all three.
    const fell = await scoringAccount({ name: "株式会社バンド変化" });
    const steady = await scoringAccount({ name: "変わらず商事" });
    const fresh = await scoringAccount({ name: "初回スコア株式会社" });
    await storedSnapshot(fell.id, startOfUtcDay(daysAgo(1)), 82, "green");
    await storedSnapshot(steady.id, startOfUtcDay(daysAgo(1)), 20, "red");

    await recomputeAccounts([fell.id, steady.id, fresh.id], { now: NOW, content: TEST_CONTENT });
    const today = await db.healthSnapshot.findUniqueOrThrow({ where: { accountId_day: { accountId: fell.id, day: startOfUtcDay(NOW) } } });
    expect(today.band).toBe("red");
    await recomputeAccounts([fell.id, steady.id, fresh.id], { now: new Date(NOW.getTime() + 3_600_000), content: TEST_CONTENT });

    const events = await queued("health.band_changed");
    expect(events).toEqual([
      {
        dedupeKey: bandWebhookKey(fell.id, NOW, "red"),
        deliveries: 1,
        data: { accountId: fell.id, accountName: "株式会社バンド変化", from: "green", to: "red", score: today.overall, previousScore: 82, changedAt: NOW.toISOString() },
      },
    ]);
    expect(events[0]!.dedupeKey).toBe(`band:${fell.id}:2026-11-15:red`);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  test("without a subscriber the recompute writes no webhook rows at all", async () => {
    const fell = await scoringAccount();
    await storedSnapshot(fell.id, startOfUtcDay(daysAgo(1)), 90, "green");
    await recomputeAccounts([fell.id], { now: NOW, content: TEST_CONTENT });
    expect(await db.webhookEvent.count()).toBe(0);
  });
});

describe("alert.created and the owner's alert email", () => {
  const candidate = (accountId: string, overrides: Partial<AlertCandidate> = {}): AlertCandidate => ({
    accountId,
    rule: "no_activity",
    conditionKey: `no_activity:${accountId}`,
    severity: "medium",
    evidence: { key: "alerts.evidence.noActivity", params: { days: 21, date: "date:2026-10-25" } },
    nextAction: { key: "alerts.next.noActivityNobody", params: {} },
    link: null,
    ...overrides,
  });

  test("a new alert queues one event with the documented payload and emails the owner once; refreshing it sends nothing", async () => {
    await subscribe(["alert.created"]);
    const owner = await staffMember("担当 次郎", "en");
    const account = await scoringAccount({ name: "静か工業", ownerId: owner.id });

    const first = await raiseAlerts([candidate(account.id)], NOW);
    expect(first.created).toBe(1);
    const alert = await db.healthAlert.findFirstOrThrow({ where: { accountId: account.id } });
    // Seen again (evidence changed or not): refreshed, no second event or email.
    const again = await raiseAlerts([candidate(account.id, { evidence: { key: "alerts.evidence.noActivity", params: { days: 22, date: "date:2026-10-25" } } })], new Date(NOW.getTime() + 600_000));
    expect(again).toMatchObject({ created: 0, refreshed: 1 });
    await raiseAlerts([candidate(account.id)], new Date(NOW.getTime() + 1_200_000));

    const events = await queued("alert.created");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ dedupeKey: alertWebhookKey(alert.id), deliveries: 1 });
    expect(events[0]!.data).toEqual({
      accountId: account.id,
      accountName: "静か工業",
      alertId: alert.id,
      kind: "no_activity",
      severity: "medium",
      message: expect.stringContaining("21"),
      nextAction: expect.any(String),
      ownerId: owner.id,
      createdAt: NOW.toISOString(),
    });
    expect(events[0]!.data.message).not.toMatch(/alerts\.|\{/);

    const mails = await db.outboxEmail.findMany({ where: { to: owner.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Kizuna alert: 静か工業 — No activity");
    expect(mails[0]!.text).toContain(events[0]!.data.message as string);
    expect(mails[0]!.text).toContain(`/workspace/accounts/${account.id}`);
  });

  test("an owner who turned alert emails off gets none; an account without owner raises none; no subscriber queues no event", async () => {
    const owner = await staffMember("メール不要");
    await savePreferences(owner.id, { "cs.alert": { inApp: false, email: false } });
    const quiet = await scoringAccount({ ownerId: owner.id });
    expect((await raiseAlerts([candidate(quiet.id)], NOW)).created).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: owner.email } })).toBe(0);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  test("a mail failure does not fail raising the alert", async () => {
    const owner = await staffMember("壊れたメール");
    const account = await scoringAccount({ ownerId: owner.id });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    const spy = vi.spyOn(db.outboxEmail, "create").mockRejectedValueOnce(new Error("disk full"));
    try {
      expect((await raiseAlerts([candidate(account.id)], NOW)).created).toBe(1);
    } finally {
      spy.mockRestore();
      console.error = original;
    }
    expect(await db.healthAlert.count({ where: { accountId: account.id } })).toBe(1);
    expect(errors).toHaveLength(1);
  });

  test("a recompute whose band drops raises the alert, queues both events and emails the owner, once across two runs", async () => {
    await subscribe(["alert.created", "health.band_changed"]);
    const owner = await staffMember("Owner", "en");
    const account = await scoringAccount({ name: "Dropping KK", ownerId: owner.id });
    await storedSnapshot(account.id, startOfUtcDay(daysAgo(1)), 88, "green");
    const first = await recomputeAccounts([account.id], { now: NOW, content: TEST_CONTENT });
    expect(first.alerts.created).toBeGreaterThanOrEqual(1);
    await recomputeAccounts([account.id], { now: new Date(NOW.getTime() + 600_000), content: TEST_CONTENT });
    const alerts = await db.healthAlert.findMany({ where: { accountId: account.id } });
    expect(alerts.map((a) => a.rule)).toContain("band_dropped");
    expect((await queued("alert.created")).map((e) => e.data.alertId).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(await queued("health.band_changed")).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { to: owner.email } })).toBe(alerts.length);
  });
});

describe("stage.changed", () => {
  test("an automatic move queues one event per recorded change, even when the day is re-run", async () => {
    await subscribe(["stage.changed"]);
    const owner = await staffMember();
    const account = await scoringAccount({ name: "段階前進", stage: "L01", ownerId: owner.id });
    const facts = emptyFacts({ plan: "growth", stage: "L01", seats: 10 });
    facts.members = 2;
    const candidate = { accountId: account.id, stage: "L01", values: stageFactValues(facts, { healthScore: 0, keyFeatures: [], asOf: NOW, renewalDate: null, createdAt: NOW }) };
    expect((await applyAutomaticMoves([candidate], DEFAULT_STAGES, NOW)).map((m) => m.to)).toEqual(["L02"]);
    // The demo seed resets stages and runs the day again: the move and its event stay single.
    await db.account.update({ where: { id: account.id }, data: { lifecycleStage: "L01" } });
    await applyAutomaticMoves([candidate], DEFAULT_STAGES, NOW);

    const change = await db.accountStageChange.findFirstOrThrow({ where: { accountId: account.id } });
    expect(await queued("stage.changed")).toEqual([
      {
        dedupeKey: stageWebhookKey(change.id),
        deliveries: 1,
        data: { accountId: account.id, accountName: "段階前進", from: "L01", to: "L02", kind: "auto", reason: "", ownerId: owner.id, changedAt: NOW.toISOString() },
      },
    ]);
  });

  test("an override queues its own event with the reason", async () => {
    await subscribe(["stage.changed"]);
    const staff = await staffMember();
    const account = await scoringAccount({ stage: "L05" });
    expect(await overrideStage({ accountId: account.id, to: "L07", reason: "契約更新の交渉開始", actorId: staff.id }, NOW)).toEqual({ ok: true });
    const [event] = await queued("stage.changed");
    expect(event!.data).toMatchObject({ accountId: account.id, from: "L05", to: "L07", kind: "override", reason: "契約更新の交渉開始" });
    expect(event!.dedupeKey).toMatch(/^stage:/);
  });

  test("without a subscriber a move records no event", async () => {
    const staff = await staffMember();
    const account = await scoringAccount({ stage: "L05" });
    await overrideStage({ accountId: account.id, to: "L06", reason: "理由", actorId: staff.id }, NOW);
    expect(await db.webhookEvent.count()).toBe(0);
  });
});

describe("champion.approved", () => {
  test("approving queues one event; deciding again changes nothing", async () => {
    await subscribe(["champion.approved"]);
    const acme = await company("承認商事");
    const nominee = await member(acme.id, "候補 花子");
    const nominator = await staffer("cs", "推薦 CS");
    const admin = await staffer("admin");
    const criteria = await listCriteria();
    const evidence: EvidenceInput = Object.fromEntries(criteria.map((c) => [c.id, { text: "根拠", links: [] }]));
    const nominated = await nominate(nominator, { nomineeId: nominee.id, evidence }, { tierOf: () => null });
    if (!nominated.ok) throw new Error(nominated.error);
    await saveReview(admin, nominated.nominationId, { scores: Object.fromEntries(criteria.map((c) => [c.id, 4])), comment: "" });
    const now = new Date(Date.UTC(nominated.cohort, 3, 10, 9));
    expect(await decide(admin, nominated.nominationId, { decision: "approve", reason: "" }, BASE, now)).toBe("ok");
    expect(await decide(admin, nominated.nominationId, { decision: "approve", reason: "" }, BASE, now)).toBe("invalid-transition");

    const term = await db.championTerm.findFirstOrThrow({ where: { userId: nominee.id } });
    expect(await queued("champion.approved")).toEqual([
      {
        dedupeKey: championWebhookKey(nominated.nominationId),
        deliveries: 1,
        data: {
          userId: nominee.id,
          name: "候補 花子",
          accountId: acme.id,
          accountName: acme.name,
          cohort: nominated.cohort,
          nominationId: nominated.nominationId,
          termStartsAt: term.startsAt.toISOString(),
          termEndsAt: term.endsAt.toISOString(),
          approvedAt: now.toISOString(),
        },
      },
    ]);
  });
});
