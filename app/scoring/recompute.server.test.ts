// The scoring job against a real database: snapshots, idempotency, the incremental watermark,
// member engagement, the lease, and "why this score" matching the stored numbers.
import { db } from "~/db.server";
import { completion, daysAgo, event, memberOf, NOW, scoringAccount, TEST_CONTENT, usageDays } from "../../tests/scoring-factories";
import { computeHealth } from "./components";
import { gatherFacts } from "./facts.server";
import { DEFAULT_MODEL } from "./model";
import { saveModelVersion } from "./model.server";
import { getAccountHealth, getMemberEngagement, listAccountHealth } from "./read.server";
import { recomputeAccounts, recomputeAll, recomputeIncremental } from "./recompute.server";
import { queueAccountsForScoring } from "./queue.server";
import { DAY_MS, startOfUtcDay } from "./time";
import { applyUsageRows } from "./usage-import.server";

const options = { now: NOW, content: TEST_CONTENT };

async function snapshotRows() {
  return db.healthSnapshot.findMany({ orderBy: [{ accountId: "asc" }, { day: "asc" }], select: { accountId: true, day: true, overall: true, band: true, adoption: true, momentum: true, facts: true } });
}

describe("recomputeAll", () => {
  test("writes one snapshot per account and day, and a second run changes nothing", async () => {
    const a = await scoringAccount({ seats: 4 });
    const b = await scoringAccount();
    const ann = await memberOf(a.id, "executive");
    await event(ann, "qa.answered", daysAgo(2));
    await usageDays(a.id, 60, 1, 3, { email: 2 });

    const first = await recomputeAll(options);
    expect(first.accounts).toBeGreaterThanOrEqual(2);
    const rows = await snapshotRows();
    expect(rows.filter((r) => r.accountId === a.id)).toHaveLength(1);
    expect(rows.filter((r) => r.accountId === b.id)).toHaveLength(1);
    const alertsBefore = await db.healthAlert.count();
    const movesBefore = await db.accountStageChange.count();

    const second = await recomputeAll(options);
    expect(second.alerts.created).toBe(0);
    expect(await snapshotRows()).toEqual(rows);
    expect(await db.healthAlert.count()).toBe(alertsBefore);
    expect(await db.accountStageChange.count()).toBe(movesBefore);
  });

  test("the snapshot holds exactly what the model computes from the facts", async () => {
    const a = await scoringAccount({ seats: 10 });
    const m = await memberOf(a.id, "manager");
    await event(m, "content.completed", daysAgo(5));
    await completion(m.id, "en/start-1", daysAgo(5));
    await usageDays(a.id, 40, 1, 6, { email: 1, scoring: 2 });
    await recomputeAll(options);
    const { accounts } = await gatherFacts(NOW, TEST_CONTENT, { accountIds: [a.id] });
    const expected = computeHealth(accounts[0]!.facts, DEFAULT_MODEL);
    const snapshot = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id } });
    expect(snapshot.overall).toBe(expected.overall);
    expect(snapshot.band).toBe(expected.band);
    expect(snapshot.adoption).toBe(expected.components[0]!.score);
    expect(snapshot.day.toISOString()).toBe(startOfUtcDay(NOW).toISOString());
  });

  test("uses the newest model version: a new weight changes the next computation", async () => {
    const a = await scoringAccount({ seats: 10 });
    const m = await memberOf(a.id);
    await completion(m.id, "en/deep-1", daysAgo(3));
    await recomputeAll(options);
    const before = (await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id } })).overall;
    await saveModelVersion({ ...DEFAULT_MODEL, weights: { adoption: 0, enablement: 100, community: 0, relationship: 0, momentum: 0 } }, { actorId: null, note: "enablement only" });
    await recomputeAll(options);
    const after = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id } });
    expect(after.modelVersion).toBe(1);
    // 1/1 learner (40) + 1 of 10 items (2) + advanced tier (40).
    expect(after.overall).toBe(82);
    expect(after.overall).not.toBe(before);
  });

  test("batches give the same result as one pass over all accounts", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const account = await scoringAccount({ seats: 3 + i });
      const m = await memberOf(account.id, i % 2 ? "manager" : "practitioner");
      for (let e = 0; e <= i; e++) await event(m, "qa.asked", daysAgo(e * 20 + 1));
      ids.push(account.id);
    }
    await recomputeAll({ ...options, batchSize: 2 });
    const batched = await snapshotRows();
    const engagementBatched = await db.memberEngagement.findMany({ orderBy: { userId: "asc" }, select: { userId: true, score: true, level: true } });
    await recomputeAll({ ...options, batchSize: 1000 });
    expect(await snapshotRows()).toEqual(batched);
    expect(await db.memberEngagement.findMany({ orderBy: { userId: "asc" }, select: { userId: true, score: true, level: true } })).toEqual(engagementBatched);
  });

  test("reports progress per batch", async () => {
    for (let i = 0; i < 3; i++) await scoringAccount();
    const calls: Array<[number, number]> = [];
    await recomputeAll({ ...options, batchSize: 2, onProgress: (done, total) => calls.push([done, total]) });
    const total = calls[0]![1];
    expect(calls[0]).toEqual([0, total]);
    expect(calls[calls.length - 1]).toEqual([total, total]);
  });
});

describe("member engagement", () => {
  test("recency-weighted score and level, reset when events age out", async () => {
    const a = await scoringAccount();
    const leader = await memberOf(a.id);
    const reader = await memberOf(a.id);
    const old = await memberOf(a.id);
    for (let i = 0; i < 6; i++) await event(leader, "qa.answered", daysAgo(i));
    await event(reader, "content.completed", daysAgo(0));
    await event(reader, "content.viewed", daysAgo(30));
    await event(old, "group.attended", daysAgo(0));
    await event(old, "group.attended", daysAgo(10));
    await recomputeAll(options);
    let engagement = await getMemberEngagement([leader.id, reader.id, old.id]);
    // 4 × (1 + 0.977 + 0.955 + 0.933 + 0.912 + 0.891) ≈ 22.7, 6 answers: a contributor (leader needs 50 points).
    expect(engagement.get(leader.id)!.level).toBe("contributor");
    expect(engagement.get(leader.id)!.score).toBeCloseTo(22.7, 1);
    // 3 + 1 × ½ = 3.5: below the participant threshold of 5.
    expect(engagement.get(reader.id)).toMatchObject({ score: 3.5, level: "explorer" });
    // 5 + 5 × 0.5^(10/30) ≈ 9: a participant.
    expect(engagement.get(old.id)).toMatchObject({ score: 9, level: "participant" });

    // 200 days later nothing is left in the window: everyone is back to explorer at 0.
    await recomputeAll({ ...options, now: new Date(NOW.getTime() + 200 * DAY_MS) });
    engagement = await getMemberEngagement([leader.id, reader.id, old.id]);
    expect([...engagement.values()].map((e) => [e.score, e.level])).toEqual([
      [0, "explorer"],
      [0, "explorer"],
      [0, "explorer"],
    ]);
  });
});

describe("recomputeIncremental", () => {
  test("recomputes only accounts with new events or usage, then nothing", async () => {
    const a = await scoringAccount();
    const b = await scoringAccount();
    const ma = await memberOf(a.id);
    const mb = await memberOf(b.id);
    await recomputeAll(options);
    const bBefore = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: b.id } });

    await event(ma, "group.attended", daysAgo(0));
    const run = await recomputeIncremental(options);
    expect(run.accounts).toBe(1);
    expect((await getMemberEngagement([ma.id])).get(ma.id)!.score).toBe(5);
    expect(await db.healthSnapshot.findFirstOrThrow({ where: { accountId: b.id } })).toEqual(bBefore);

    expect((await recomputeIncremental(options)).accounts).toBe(0);

    // Usage arrives through the import, which queues the account.
    await applyUsageRows([1, 2, 3].map((d) => ({ line: d, accountId: b.id, day: startOfUtcDay(daysAgo(d)), activeUsers: 2, featureCounts: {} })));
    expect(await db.scoringQueue.count()).toBe(1);
    const usageRun = await recomputeIncremental(options);
    expect(usageRun.accounts).toBe(1);
    expect((await db.healthSnapshot.findFirstOrThrow({ where: { accountId: b.id } })).adoption).not.toBeNull();
    expect(await db.scoringQueue.count()).toBe(0);
    expect((await getMemberEngagement([mb.id])).size).toBe(0);
  });

  test("an incremental run gives the same snapshot as a full one", async () => {
    const a = await scoringAccount({ seats: 8 });
    const m = await memberOf(a.id, "executive");
    await recomputeAll(options);
    await event(m, "qa.asked", daysAgo(1));
    await usageDays(a.id, 35, 1, 5, { forms: 1 });
    await queueAccountsForScoring([a.id]);
    await recomputeIncremental(options);
    const incremental = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id }, select: { overall: true, facts: true, momentum: true } });
    await recomputeAll(options);
    expect(await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id }, select: { overall: true, facts: true, momentum: true } })).toEqual(incremental);
  });

  test("a run that finds the lease taken does nothing", async () => {
    await scoringAccount();
    const snapshots = await db.healthSnapshot.count();
    await db.scoringJobState.upsert({
      where: { id: "scoring" },
      create: { id: "scoring", lockedUntil: new Date(Date.now() + 60_000), lockHolder: "someone else" },
      update: { lockedUntil: new Date(Date.now() + 60_000), lockHolder: "someone else" },
    });
    expect((await recomputeAll(options)).skipped).toBe("locked");
    expect((await recomputeIncremental(options)).skipped).toBe("locked");
    expect(await db.healthSnapshot.count()).toBe(snapshots);
    await db.scoringJobState.update({ where: { id: "scoring" }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect((await recomputeAccounts([], options)).skipped).toBeUndefined();
  });
});

describe("why this score", () => {
  test("contributions add up to the overall score and facts carry the same numbers", async () => {
    const a = await scoringAccount({ seats: 20 });
    const execs = [await memberOf(a.id, "executive"), await memberOf(a.id, "executive"), await memberOf(a.id, "executive"), await memberOf(a.id, "executive"), await memberOf(a.id, "executive")];
    const p = await memberOf(a.id, "practitioner");
    await event(execs[0]!, "content.viewed", daysAgo(3));
    await event(execs[1]!, "qa.asked", daysAgo(4));
    await event(p, "qa.answered", daysAgo(1));
    await usageDays(a.id, 120, 1, 8, { email: 1, reports: 3 });

    // A month of history: the account was smaller 30 and 7 days ago.
    await recomputeAll({ ...options, now: new Date(NOW.getTime() - 30 * DAY_MS) });
    await recomputeAll({ ...options, now: new Date(NOW.getTime() - 7 * DAY_MS) });
    await recomputeAll(options);

    const health = (await getAccountHealth(a.id, { now: NOW }))!;
    const snapshot = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id, day: startOfUtcDay(NOW) } });
    expect(health.overall).toBe(snapshot.overall);
    const exact = health.components.reduce((sum, c) => sum + ((c.score ?? 0) * c.effectiveWeight) / 100, 0);
    expect(Math.round(exact)).toBe(health.overall);
    expect(Math.abs(health.components.reduce((s, c) => s + c.points, 0) - exact)).toBeLessThan(0.05);

    const relationship = health.components.find((c) => c.key === "relationship")!;
    expect(relationship.score).toBe(snapshot.relationship);
    expect(relationship.facts.find((f) => f.key === "scoring.fact.executives")!.params).toEqual({ engaged: 2, total: 5 });
    expect(relationship.facts.find((f) => f.key === "scoring.fact.engaged")!.params).toEqual({ engaged: 3, target: 3 });

    // 30 days ago the executives' events had not happened yet.
    expect(health.change30).not.toBeNull();
    const before30 = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id, day: startOfUtcDay(new Date(NOW.getTime() - 30 * DAY_MS)) } });
    expect(health.change30!.overall).toBe(snapshot.overall - before30.overall);
    expect(relationship.change30).toBe(snapshot.relationship! - before30.relationship!);
    expect(health.factChanges).toContainEqual({ key: "scoring.change.executives", before: 0, now: 2 });
    // And against 7 days before, component by component.
    const before7 = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: a.id, day: startOfUtcDay(new Date(NOW.getTime() - 7 * DAY_MS)) } });
    expect(health.change7!.overall).toBe(snapshot.overall - before7.overall);
    for (const c of health.components) {
      const now = snapshot[c.key];
      const then = before7[c.key];
      expect(c.change7, c.key).toBe(now === null || then === null ? null : now - then);
    }
    expect(health.trend.map((t) => t.overall)).toEqual([before30.overall, expect.any(Number), snapshot.overall]);
    expect(health.trend.map((t) => t.components.relationship)).toEqual([before30.relationship, expect.anything(), snapshot.relationship]);

    const summary = (await listAccountHealth([a.id], { now: NOW })).get(a.id)!;
    expect(summary).toMatchObject({ overall: snapshot.overall, band: snapshot.band, openAlerts: expect.any(Number) });
    expect(summary.sparkline).toHaveLength(3);
  });

  test("edges through the real job: no members, no usage data and 0 seats is scored 0 (red), with reasons", async () => {
    // An earlier test in this file put another model in force: back to the defaults.
    await saveModelVersion(DEFAULT_MODEL, { actorId: null, note: "defaults" });
    const bare = await scoringAccount({ seats: 0 });
    await recomputeAll(options);
    const snapshot = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: bare.id, day: startOfUtcDay(NOW) } });
    // No usage data: adoption has no score and its weight goes to the others, which are all 0.
    expect(snapshot).toMatchObject({ overall: 0, band: "red", adoption: null, enablement: 0, community: 0, relationship: 0, momentum: 0 });
    const health = (await getAccountHealth(bare.id, { now: NOW }))!;
    const component = (key: string) => health.components.find((c) => c.key === key)!;
    expect(component("adoption")).toMatchObject({ score: null, points: 0 });
    expect(component("adoption").facts.map((f) => f.key)).toEqual(["scoring.fact.noUsage"]);
    expect(component("momentum").facts.map((f) => f.key)).toEqual(["scoring.fact.noActivity"]);
    expect(component("enablement")).toMatchObject({ weight: DEFAULT_MODEL.weights.enablement });
    expect(component("enablement").effectiveWeight).toBeGreaterThan(DEFAULT_MODEL.weights.enablement);
    // No history yet: nothing to compare with.
    expect(health.change7).toBeNull();
    expect(health.components.every((c) => c.change7 === null && c.change30 === null)).toBe(true);
  });

  test("an account without snapshots has no health yet", async () => {
    const a = await scoringAccount();
    expect(await getAccountHealth(a.id, { now: NOW })).toBeNull();
    expect((await listAccountHealth([a.id], { now: NOW })).has(a.id)).toBe(false);
  });
});
