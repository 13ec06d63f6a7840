import { db } from "~/db.server";
import { championTerm, completion, daysAgo, event, memberOf, NOW, scoringAccount, TEST_CONTENT, usageDays } from "../../tests/scoring-factories";
import { changeStage } from "~/lifecycle/stages.server";
import { accountOutcomes, cohortAccountIds, funnelCounts, outcomeReport, summarise, type AccountOutcome } from "./outcomes.server";

const row = (patch: Partial<AccountOutcome>): AccountOutcome => ({
  accountId: "a",
  events: 0,
  engagedPeople: 0,
  completions: 0,
  answers: 0,
  attendances: 0,
  usageBefore: null,
  usageAfter: null,
  arr: 0,
  seats: 10,
  renewalDate: null,
  movedForward: false,
  ...patch,
});

describe("summarise", () => {
  test("activity, output, outcome and impact per account", () => {
    const figures = summarise(
      [
        row({ events: 30, engagedPeople: 3, completions: 4, answers: 2, usageBefore: 4, usageAfter: 6, arr: 1_000_000, seats: 6, renewalDate: new Date(NOW.getTime() + 30 * 86_400_000), movedForward: true }),
        row({ events: 10, engagedPeople: 1, attendances: 3, usageBefore: 6, usageAfter: 5, arr: 3_000_000, seats: 20, renewalDate: new Date(NOW.getTime() - 86_400_000) }),
        row({ usageBefore: null, usageAfter: 2, seats: 2 }),
      ],
      NOW,
    );
    expect(figures).toEqual({
      accounts: 3,
      activity: { eventsPerAccount: 13.3, engagedPeoplePerAccount: 1.3 },
      output: { completionsPerAccount: 1.3, answersPerAccount: 0.7, attendancesPerAccount: 1 },
      // Measured on the two accounts with usage in both windows: 10 → 11 active users, +10 %.
      outcome: { accountsMeasured: 2, activeUsersBefore: 10, activeUsersAfter: 11, usageChangePercent: 10, grew: 1, shrank: 1 },
      // 6 of 6 seats and 2 of 2 seats in use: two accounts ready to expand.
      impact: { arrPerAccount: 1_333_333, seatsPerAccount: 9.3, renewalsDue90: 1, renewalsOverdue: 1, expansionReady: 2, movedForward: 1 },
      // Two accounts were active and produced something; only the first grew, and it moved forward.
      funnel: { activity: 2, output: 2, outcome: 1, impact: 1 },
    });
  });

  test("an empty side is all zeros, and no usage means no measured change", () => {
    const figures = summarise([], NOW);
    expect(figures.accounts).toBe(0);
    expect(figures.outcome.usageChangePercent).toBeNull();
    expect(figures.activity.eventsPerAccount).toBe(0);
  });
});

describe("funnelCounts", () => {
  test("each step counts only accounts that reached the step before", () => {
    const counts = funnelCounts([
      // Output and impact without activity: counts nowhere past zero.
      row({ completions: 3, movedForward: true }),
      // Active, no output, but usage grew: stops at activity.
      row({ events: 4, usageBefore: 2, usageAfter: 5 }),
      // Active, output, usage flat: stops at output.
      row({ events: 4, answers: 1, usageBefore: 5, usageAfter: 5 }),
      // All the way, through expansion readiness (9 of 10 seats in use).
      row({ events: 9, attendances: 1, usageBefore: 6, usageAfter: 9, seats: 10 }),
      // Grew but neither moved forward nor near its seat count: stops at outcome.
      row({ events: 2, completions: 1, usageBefore: 1, usageAfter: 2, seats: 10 }),
    ]);
    expect(counts).toEqual({ activity: 4, output: 3, outcome: 2, impact: 1 });
    expect(funnelCounts([])).toEqual({ activity: 0, output: 0, outcome: 0, impact: 0 });
  });
});

describe("outcome report against the database", () => {
  test("splits accounts by cohort and measures each account's chain", async () => {
    const learning = await scoringAccount({ name: "Learning Co", stage: "L04" });
    const other = await scoringAccount({ name: "Other Co" });
    const deep = await memberOf(learning.id);
    const grouped = await memberOf(other.id);
    await completion(deep.id, "en/deep-1", daysAgo(20));
    await completion(deep.id, "en/deep-2", daysAgo(10));
    await event(deep, "qa.answered", daysAgo(5));
    await event(deep, "content.completed", daysAgo(10));
    await event(grouped, "group.attended", daysAgo(3));
    await usageDays(learning.id, 120, 91, 4, {});
    await usageDays(learning.id, 30, 1, 8, {});
    await changeStage({ accountId: learning.id, from: "L04", to: "L05", kind: "auto", at: daysAgo(2) });
    const group = await db.studyGroup.create({
      data: { name: "G", challenge: "c", description: "d", descriptionHtml: "d", level: "beginner", capacityPeople: 10, capacityCompanies: 5, state: "active" },
    });
    await db.groupMembership.create({ data: { groupId: group.id, userId: grouped.id, accountId: other.id, status: "active", joinedAt: daysAgo(40) } });

    expect([...(await cohortAccountIds("advancedPath", TEST_CONTENT, NOW))]).toEqual([learning.id]);
    expect([...(await cohortAccountIds("studyGroup", TEST_CONTENT, NOW))]).toEqual([other.id]);

    const rows = await accountOutcomes(NOW, 90);
    expect(rows.find((r) => r.accountId === learning.id)).toMatchObject({
      events: 2,
      engagedPeople: 1,
      completions: 2,
      answers: 1,
      usageBefore: 4,
      usageAfter: 8,
      movedForward: true,
    });

    const report = await outcomeReport("advancedPath", { content: TEST_CONTENT, now: NOW });
    expect(report.inCohort.accounts).toBe(1);
    expect(report.inCohort.outcome.usageChangePercent).toBe(100);
    expect(report.inCohort.impact.movedForward).toBe(1);
    expect(report.others.accounts).toBe(rows.length - 1);
    expect(report.others.output.attendancesPerAccount).toBeGreaterThan(0);
  });
});

describe("the champion cohort", () => {
  test("is the accounts with a champion now: not revoked, not expired, not yet to start, still at the company", async () => {
    const current = await scoringAccount({ name: "Champion Co" });
    const revoked = await scoringAccount({ name: "Revoked Co" });
    const expired = await scoringAccount({ name: "Expired Co" });
    const upcoming = await scoringAccount({ name: "Upcoming Co" });
    const leftFrom = await scoringAccount({ name: "Left Co" });
    const movedTo = await scoringAccount({ name: "Moved To Co" });
    const plain = await scoringAccount({ name: "Plain Co" });

    await championTerm((await memberOf(current.id)).id);
    const revokedTerm = await championTerm((await memberOf(revoked.id)).id);
    await db.championTerm.update({ where: { id: revokedTerm.id }, data: { revokedAt: daysAgo(10) } });
    await championTerm((await memberOf(expired.id)).id, new Date(Date.UTC(NOW.getUTCFullYear() - 1, 5, 1)));
    await championTerm((await memberOf(upcoming.id)).id, new Date(Date.UTC(NOW.getUTCFullYear() + 1, 5, 1)));
    // A champion who changed companies counts for the company they are at now.
    const mover = await memberOf(leftFrom.id);
    await championTerm(mover.id);
    await db.user.update({ where: { id: mover.id }, data: { accountId: movedTo.id } });
    await event(await memberOf(current.id), "qa.answered", daysAgo(3));
    await event(await memberOf(plain.id), "content.viewed", daysAgo(3));

    const ids = await cohortAccountIds("champion", TEST_CONTENT, NOW);
    expect([...ids].sort()).toEqual([current.id, movedTo.id].sort());

    const report = await outcomeReport("champion", { content: TEST_CONTENT, now: NOW, periodDays: 30 });
    expect(report.cohort).toBe("champion");
    expect(report.periodDays).toBe(30);
    expect(report.inCohort.accounts).toBe(2);
    expect(report.inCohort.funnel).toMatchObject({ activity: 1, output: 1 });
    const all = await db.account.count();
    expect(report.others.accounts).toBe(all - 2);
    // The plain account's viewing counts on the other side (with the earlier test's accounts).
    expect(report.others.funnel.activity).toBeGreaterThanOrEqual(1);
  });
});
