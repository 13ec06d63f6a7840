// Each alert rule raised by the scoring job against a real database, de-duplication, the
// acknowledge/resolve workflow (the champion condition: champion.server.test.ts).
import { db } from "~/db.server";
import { daysAgo, event, memberOf, NOW, scoringAccount, staffMember, TEST_CONTENT, usageDays } from "../../tests/scoring-factories";
import { recomputeAll } from "~/scoring/recompute.server";
import { startOfUtcDay } from "~/scoring/time";
import { acknowledgeAlert, listAccountAlerts, listUnresolvedAlerts, raiseAlerts, resolveAlert, unansweredAtRiskQuestions } from "./alerts.server";

const run = (now = NOW) => recomputeAll({ now, content: TEST_CONTENT });

async function pastSnapshot(accountId: string, daysBack: number, overall: number, band: string) {
  const day = startOfUtcDay(daysAgo(daysBack));
  await db.healthSnapshot.create({
    data: { accountId, day, overall, band, weights: "{}", segment: "default", facts: "{}", modelVersion: 0, computedAt: day },
  });
}

async function alertsOf(accountId: string) {
  return db.healthAlert.findMany({ where: { accountId }, orderBy: { rule: "asc" } });
}

/** A red account (nothing going on) owned by a CS person, with one member who was active 3 days ago. */
async function redAccount() {
  const owner = await staffMember("Owner");
  const account = await scoringAccount({ ownerId: owner.id, seats: 10 });
  const member = await memberOf(account.id, "practitioner", "Kana");
  await event(member, "content.viewed", daysAgo(3));
  return { owner, account, member };
}

describe("band dropped and score fell", () => {
  test("raised with evidence and a next action, assigned to the owner; a re-run adds nothing", async () => {
    const { owner, account } = await redAccount();
    await pastSnapshot(account.id, 20, 82, "green");
    await pastSnapshot(account.id, 1, 75, "green");
    await run();
    const alerts = await alertsOf(account.id);
    expect(alerts.map((a) => a.rule)).toEqual(["band_dropped", "score_fell"]);
    const drop = alerts[0]!;
    expect(drop).toMatchObject({ ownerId: owner.id, status: "open", severity: "high", conditionKey: `band_dropped:${account.id}:red`, openKey: `band_dropped:${account.id}:red` });
    const snapshot = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: account.id, day: startOfUtcDay(NOW) } });
    expect(JSON.parse(drop.evidence)).toEqual({
      key: "alerts.evidence.bandDropped",
      params: { from: "band:green", to: "band:red", before: 75, day: `date:${daysAgo(1).toISOString().slice(0, 10)}`, score: snapshot.overall },
    });
    expect(JSON.parse(alerts[1]!.evidence).params).toMatchObject({ points: 82 - snapshot.overall, peak: 82 });
    expect(JSON.parse(drop.nextAction).key).toMatch(/^alerts\.next\./);

    await run();
    expect(await alertsOf(account.id)).toHaveLength(2);
  });
});

describe("no activity", () => {
  test("raised after N days with the last active person in the next action", async () => {
    const owner = await staffMember();
    const account = await scoringAccount({ ownerId: owner.id });
    const member = await memberOf(account.id, "manager", "Ken Sato");
    await event(member, "qa.asked", daysAgo(30));
    await run();
    const [alert] = (await alertsOf(account.id)).filter((a) => a.rule === "no_activity");
    expect(JSON.parse(alert!.evidence)).toEqual({ key: "alerts.evidence.noActivity", params: { days: 30, date: `date:${daysAgo(30).toISOString().slice(0, 10)}` } });
    expect(JSON.parse(alert!.nextAction)).toEqual({ key: "alerts.next.noActivity", params: { name: "Ken Sato", date: `date:${daysAgo(30).toISOString().slice(0, 10)}` } });
  });

  test("not raised while the account is active", async () => {
    const { account } = await redAccount();
    await run();
    expect((await alertsOf(account.id)).map((a) => a.rule)).not.toContain("no_activity");
  });
});

describe("conditions that clear by themselves", () => {
  test("a no-activity alert closes when the account is active again, and can come back", async () => {
    const owner = await staffMember();
    const account = await scoringAccount({ ownerId: owner.id });
    const member = await memberOf(account.id);
    await event(member, "qa.asked", daysAgo(30));
    await run();
    const [alert] = (await alertsOf(account.id)).filter((a) => a.rule === "no_activity");
    expect(alert!.status).toBe("open");

    await event(member, "content.viewed", daysAgo(1));
    const cleared = await run();
    expect(cleared.alerts.cleared).toBeGreaterThanOrEqual(1);
    expect(await db.healthAlert.findUniqueOrThrow({ where: { id: alert!.id } })).toMatchObject({ status: "resolved", resolvedById: null, openKey: null });
    expect((await listAccountAlerts(account.id)).resolved[0]).toMatchObject({ id: alert!.id, resolvedBy: null });

    // Quiet again 25 days later: raised again, without a cool-down.
    await run(new Date(NOW.getTime() + 25 * 86_400_000));
    expect((await alertsOf(account.id)).filter((a) => a.rule === "no_activity" && a.status === "open")).toHaveLength(1);
  });

  test("band drops stay open until staff resolve them", async () => {
    const { account } = await redAccount();
    await pastSnapshot(account.id, 1, 80, "green");
    await run();
    await db.healthSnapshot.deleteMany({ where: { accountId: account.id } });
    await run();
    expect((await alertsOf(account.id)).find((a) => a.rule === "band_dropped")!.status).toBe("open");
  });
});

describe("unanswered question from an at-risk account", () => {
  async function question(accountId: string, authorId: string, hoursAgo: number, state = "open") {
    return db.question.create({
      data: { title: `Question ${hoursAgo}h`, body: "b", bodyHtml: "<p>b</p>", accountId, authorId, state, createdAt: new Date(NOW.getTime() - hoursAgo * 3_600_000) },
    });
  }

  test("raised for a red account's question older than N hours, linked to the question", async () => {
    const { account, member } = await redAccount();
    const old = await question(account.id, member.id, 50);
    await question(account.id, member.id, 10);
    await question(account.id, member.id, 80, "answered");
    await run();
    const alerts = (await alertsOf(account.id)).filter((a) => a.rule === "unanswered_question");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ conditionKey: `unanswered_question:${old.id}`, link: `/questions/${old.id}` });
    expect(JSON.parse(alerts[0]!.nextAction)).toEqual({ key: "alerts.next.unanswered", params: { title: "Question 50h", name: "Kana", hours: 50 } });

    // Answered: the alert closes by itself on the next run.
    await db.question.update({ where: { id: old.id }, data: { answerCount: 1, state: "answered" } });
    await run();
    expect((await alertsOf(account.id)).find((a) => a.rule === "unanswered_question")!.status).toBe("resolved");
  });

  test("not raised for a healthy account", async () => {
    const green = await scoringAccount();
    const asker = await memberOf(green.id);
    await db.healthSnapshot.create({
      data: { accountId: green.id, day: startOfUtcDay(NOW), overall: 90, band: "green", weights: "{}", segment: "default", facts: "{}", modelVersion: 0, computedAt: NOW },
    });
    await question(green.id, asker.id, 60);
    expect((await unansweredAtRiskQuestions(NOW, 48)).filter((q) => q.accountId === green.id)).toEqual([]);
    await db.healthSnapshot.updateMany({ where: { accountId: green.id }, data: { band: "red", overall: 20 } });
    expect((await unansweredAtRiskQuestions(NOW, 48)).map((q) => q.accountId)).toContain(green.id);
  });
});

describe("de-duplication and the staff workflow", () => {
  const candidate = (accountId: string) => ({
    accountId,
    rule: "no_activity" as const,
    conditionKey: `no_activity:${accountId}`,
    severity: "high" as const,
    evidence: { key: "alerts.evidence.noActivity" as const, params: { days: 30, date: "date:2026-10-16" } },
    nextAction: { key: "alerts.next.noActivityNobody" as const, params: { account: "A" } },
    link: null,
  });

  test("one open alert per condition, acknowledged or not; resolved ones cool down for 14 days", async () => {
    const owner = await staffMember();
    const account = await scoringAccount({ ownerId: owner.id });
    expect(await raiseAlerts([candidate(account.id), candidate(account.id)], NOW)).toEqual({ created: 1, refreshed: 1, suppressed: 0 });
    const [alert] = await alertsOf(account.id);

    expect(await acknowledgeAlert({ alertId: alert!.id, accountId: account.id, actorId: owner.id, note: "Calling them Monday" }, NOW)).toEqual({ ok: true });
    expect(await raiseAlerts([candidate(account.id)], NOW)).toEqual({ created: 0, refreshed: 1, suppressed: 0 });
    expect((await listUnresolvedAlerts({ ownerId: owner.id })).map((a) => [a.id, a.status, a.acknowledgeNote])).toEqual([[alert!.id, "acknowledged", "Calling them Monday"]]);

    expect(await resolveAlert({ alertId: alert!.id, accountId: account.id, actorId: owner.id, note: " " }, NOW)).toEqual({ ok: false, error: "noteRequired" });
    expect(await resolveAlert({ alertId: alert!.id, accountId: "other", actorId: owner.id, note: "x" }, NOW)).toEqual({ ok: false, error: "notFound" });
    expect(await resolveAlert({ alertId: alert!.id, accountId: account.id, actorId: owner.id, note: "Met the team; usage review booked" }, NOW)).toEqual({ ok: true });
    expect(await resolveAlert({ alertId: alert!.id, accountId: account.id, actorId: owner.id, note: "again" }, NOW)).toEqual({ ok: false, error: "alreadyResolved" });
    expect(await acknowledgeAlert({ alertId: alert!.id, accountId: account.id, actorId: owner.id, note: "" }, NOW)).toEqual({ ok: false, error: "alreadyResolved" });

    expect(await raiseAlerts([candidate(account.id)], new Date(NOW.getTime() + 3 * 86_400_000))).toEqual({ created: 0, refreshed: 0, suppressed: 1 });
    expect(await raiseAlerts([candidate(account.id)], new Date(NOW.getTime() + 15 * 86_400_000))).toEqual({ created: 1, refreshed: 0, suppressed: 0 });

    const { unresolved, resolved } = await listAccountAlerts(account.id);
    expect(unresolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ status: "resolved", resolutionNote: "Met the team; usage review booked", resolvedBy: owner.name });
    expect(await db.auditEntry.count({ where: { targetType: "alert", targetId: alert!.id } })).toBe(2);
  });

  test("the database refuses a second open alert for the same condition", async () => {
    const account = await scoringAccount();
    await raiseAlerts([candidate(account.id)], NOW);
    await expect(
      db.healthAlert.create({
        data: { accountId: account.id, rule: "no_activity", conditionKey: `no_activity:${account.id}`, openKey: `no_activity:${account.id}`, severity: "high", evidence: "{}", nextAction: "{}" },
      }),
    ).rejects.toThrow();
  });

  test("usage keeps an account from 'no activity'", async () => {
    const owner = await staffMember();
    const account = await scoringAccount({ ownerId: owner.id });
    await memberOf(account.id);
    await usageDays(account.id, 40, 1, 3, { email: 1 });
    await run();
    expect((await alertsOf(account.id)).map((a) => a.rule)).not.toContain("no_activity");
  });
});
