// The scenario the scoring engine exists for: an account that was thriving goes quiet for 60 days.
// Computed day by day like the daily job would: its score falls, its band turns red, alerts with
// concrete next actions reach its CS owner (its only champion went quiet too: the champion
// alert agrees with the champion watch), and its lifecycle stage stays where it was.
import { openChampionWatches } from "~/champions/watch.server";
import { db } from "~/db.server";
import { recomputeAll } from "~/scoring/recompute.server";
import { getAccountHealth } from "~/scoring/read.server";
import { DAY_MS, startOfUtcDay } from "~/scoring/time";
import { championTerm, completion, daysAgo, event, memberOf, NOW, scoringAccount, staffMember, TEST_CONTENT, usageDays } from "../scoring-factories";

const QUIET_DAYS = 60;
const HISTORY_DAYS = 150;
const FEATURES = { email: 20, scoring: 8, forms: 5, landing_pages: 3, workflows: 2, reports: 4 };

async function thrivingAccount(name: string, ownerId: string, quietFor: number) {
  const account = await scoringAccount({ name, seats: 10, stage: "L06", ownerId, plan: "growth" });
  const people = [
    await memberOf(account.id, "practitioner", `${name} Practitioner`),
    await memberOf(account.id, "practitioner", `${name} Analyst`),
    await memberOf(account.id, "manager", `${name} Manager`),
    await memberOf(account.id, "executive", `${name} Executive`),
  ];
  for (let d = HISTORY_DAYS; d > quietFor; d--) {
    const person = people[d % people.length]!;
    await event(person, "content.viewed", daysAgo(d));
    if (d % 7 === 0) await event(person, "qa.answered", daysAgo(d));
    if (d % 14 === 0) await event(people[(d + 1) % people.length]!, "group.attended", daysAgo(d));
  }
  for (const person of people) await completion(person.id, "en/start-1", daysAgo(HISTORY_DAYS));
  await usageDays(account.id, HISTORY_DAYS, 1, (d) => (d > quietFor ? 8 : 0), {});
  // Feature counts only while the account is busy.
  await db.accountUsageDay.updateMany({ where: { accountId: account.id, activeUsers: { gt: 0 } }, data: { featureCounts: JSON.stringify(FEATURES) } });
  return { account, people };
}

test("an account going quiet for 60 days: score falls, band turns red, alerts with next actions, stage stays", async () => {
  const owner = await staffMember("Misaki Owner");
  const quiet = await thrivingAccount("Quiet", owner.id, QUIET_DAYS);
  // The quiet account's only champion goes quiet with it.
  const champion = quiet.people[0]!;
  await championTerm(champion.id);
  const steady = await thrivingAccount("Steady", owner.id, 0);

  // The daily job over the last 75 days.
  for (let d = QUIET_DAYS + 15; d >= 0; d--) {
    await recomputeAll({ now: new Date(NOW.getTime() - d * DAY_MS), content: TEST_CONTENT });
  }

  const snapshot = (accountId: string, daysBack: number) =>
    db.healthSnapshot.findUniqueOrThrow({ where: { accountId_day: { accountId, day: startOfUtcDay(daysAgo(daysBack)) } } });
  const before = await snapshot(quiet.account.id, QUIET_DAYS + 1);
  const now = await snapshot(quiet.account.id, 0);
  expect(before.band).toBe("green");
  expect(now.band).toBe("red");
  expect(before.overall - now.overall).toBeGreaterThanOrEqual(30);
  expect(now.momentum).toBe(0);
  expect(now.adoption).toBe(0);

  // The steady account is the control: still green, nothing raised.
  expect((await snapshot(steady.account.id, 0)).band).toBe("green");
  expect(await db.healthAlert.count({ where: { accountId: steady.account.id } })).toBe(0);

  const alerts = await db.healthAlert.findMany({ where: { accountId: quiet.account.id }, orderBy: { createdAt: "asc" } });
  expect(alerts.every((a) => a.ownerId === owner.id && a.status === "open")).toBe(true);
  const rules = alerts.map((a) => a.rule);
  expect(rules).toContain("band_dropped");
  expect(rules).toContain("score_fell");
  expect(rules).toContain("no_activity");
  expect(rules).toContain("champion_inactive");
  // No duplicates, although the conditions held on many days.
  expect(new Set(alerts.map((a) => a.conditionKey)).size).toBe(alerts.length);

  // The right next action: call the last person who was active, on the day they were.
  const lastPerson = quiet.people[(QUIET_DAYS + 1) % quiet.people.length]!;
  const noActivity = alerts.find((a) => a.rule === "no_activity")!;
  expect(JSON.parse(noActivity.nextAction)).toEqual({
    key: "alerts.next.noActivity",
    params: { name: lastPerson.name, date: `date:${daysAgo(QUIET_DAYS + 1).toISOString().slice(0, 10)}` },
  });
  // It was raised once the account had been idle for the configured 21 days.
  expect(Math.round((noActivity.createdAt.getTime() - startOfUtcDay(daysAgo(QUIET_DAYS + 1)).getTime()) / DAY_MS)).toBeGreaterThanOrEqual(21);
  const redDrop = alerts.find((a) => a.conditionKey === `band_dropped:${quiet.account.id}:red`)!;
  expect(JSON.parse(redDrop.evidence).params.to).toBe("band:red");
  expect(JSON.parse(redDrop.nextAction).key).toMatch(/^alerts\.next\.(adoption|momentum|momentumNoName)$/);

  // The champion's last own event was the last day the account was busy with them in it; the
  // alert names them, and it is the condition the champion program's watch holds open.
  const championAlert = alerts.find((a) => a.rule === "champion_inactive")!;
  const championLast = (await db.engagementEvent.findFirstOrThrow({ where: { actorId: champion.id }, orderBy: { occurredAt: "desc" } })).occurredAt;
  expect(JSON.parse(championAlert.evidence)).toEqual({
    key: "alerts.evidence.championInactive",
    params: { name: champion.name, days: Math.floor((NOW.getTime() - championLast.getTime()) / DAY_MS) },
  });
  expect(JSON.parse(championAlert.nextAction)).toEqual({ key: "alerts.next.championInactive", params: { name: champion.name, account: quiet.account.name } });
  expect((await openChampionWatches(quiet.account.id)).map((w) => `champion_inactive:${w.accountId}:${w.championId}`)).toEqual([championAlert.conditionKey]);

  // Quiet is not a reason to move an account back: the stage stays, with no history.
  expect((await db.account.findUniqueOrThrow({ where: { id: quiet.account.id } })).lifecycleStage).toBe("L06");
  expect(await db.accountStageChange.count({ where: { accountId: quiet.account.id } })).toBe(0);

  // And "why this score" shows the fall against 30 days before.
  const health = (await getAccountHealth(quiet.account.id, { now: NOW }))!;
  expect(health.band).toBe("red");
  expect(health.change30!.overall).toBeLessThan(0);
  expect(health.trend.length).toBeGreaterThanOrEqual(QUIET_DAYS);
});
