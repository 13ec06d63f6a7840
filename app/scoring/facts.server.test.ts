// The SQL aggregation against the plain per-account reference on the same data: every fact and
// every member's engagement inputs must agree, for a full run and for a list of accounts.
import { db } from "~/db.server";
import { championTerm, completion, daysAgo, event, memberOf, NOW, scoringAccount, TEST_CONTENT, usageDays } from "../../tests/scoring-factories";
import { gatherAccountFactsNaive } from "./facts-naive.server";
import { actorAggregates, gatherFacts } from "./facts.server";

async function world() {
  const busy = await scoringAccount({ name: "Busy", seats: 20 });
  const quiet = await scoringAccount({ name: "Quiet", seats: 5 });
  const empty = await scoringAccount({ name: "Empty", seats: 0 });

  const ana = await memberOf(busy.id, "practitioner", "Ana");
  const ben = await memberOf(busy.id, "manager", "Ben");
  const cy = await memberOf(busy.id, "executive", "Cy");
  await event(ana, "content.viewed", daysAgo(1));
  await event(ana, "qa.answered", daysAgo(3));
  await event(ana, "qa.answer_accepted", daysAgo(3));
  await event(ana, "group.posted", daysAgo(50));
  await event(ben, "qa.asked", daysAgo(10));
  await event(ben, "group.attended", daysAgo(40));
  await event(ben, "group.left", daysAgo(5)); // weight 0: not engagement
  await event(cy, "content.viewed", daysAgo(100)); // outside 90 days: not engaged
  await usageDays(busy.id, 119, 1, (d) => (d % 7 === 0 ? 0 : 12), { email: 3, scoring: 1, reports: 0 });
  await completion(ana.id, "en/start-1", daysAgo(20));
  await completion(ana.id, "en/start-2", daysAgo(19));
  await completion(ana.id, "en/deep-1", daysAgo(5));
  await completion(ben.id, "en/middle", daysAgo(2));
  await completion(ben.id, "en/start-1", daysAgo(60));
  await completion(cy.id, "en/unknown-item", daysAgo(1));
  await completion(cy.id, "en/deep-1", new Date(NOW.getTime() + 3_600_000)); // after NOW: ignored
  await championTerm(ana.id);
  const group = await db.studyGroup.create({
    data: { name: "G", challenge: "c", description: "d", descriptionHtml: "d", level: "beginner", capacityPeople: 10, capacityCompanies: 5, state: "active" },
  });
  await db.groupMembership.create({ data: { groupId: group.id, userId: ben.id, accountId: busy.id, status: "active", joinedAt: daysAgo(41) } });
  await db.groupMembership.create({ data: { groupId: group.id, userId: ana.id, accountId: busy.id, status: "left", joinedAt: daysAgo(41) } });

  const dee = await memberOf(quiet.id, "practitioner", "Dee");
  await event(dee, "content.completed", daysAgo(70));
  await event(dee, "content.viewed", daysAgo(200)); // outside the member window
  await usageDays(quiet.id, 100, 31, 4, { email: 1 });
  // A person who moved from Quiet to Busy keeps events attributed to Quiet.
  await event({ id: ben.id, accountId: quiet.id }, "qa.answered", daysAgo(95));
  return { busy, quiet, empty, ana, ben, cy, dee };
}

describe("gatherFacts", () => {
  test("matches the per-account reference for every account, in full and scoped runs", async () => {
    const w = await world();
    const all = await gatherFacts(NOW, TEST_CONTENT, "all");
    const scoped = await gatherFacts(NOW, TEST_CONTENT, { accountIds: [w.busy.id, w.empty.id] });
    expect(scoped.accounts.map((a) => a.id).sort()).toEqual([w.busy.id, w.empty.id].sort());
    for (const account of [w.busy, w.quiet, w.empty]) {
      const naive = await gatherAccountFactsNaive(account.id, NOW, TEST_CONTENT);
      const fromAll = all.accounts.find((a) => a.id === account.id)!.facts;
      expect(fromAll).toEqual(naive!.facts);
      const fromScope = scoped.accounts.find((a) => a.id === account.id)?.facts;
      if (fromScope) expect(fromScope).toEqual(naive!.facts);
    }
  });

  test("computes the facts the components read", async () => {
    const w = await world();
    const { accounts } = await gatherFacts(NOW, TEST_CONTENT, "all");
    const busy = accounts.find((a) => a.id === w.busy.id)!.facts;
    expect(busy.members).toBe(3);
    expect(busy.engaged90).toBe(2);
    expect(busy.personas).toEqual({ practitioner: { total: 1, engaged: 1 }, manager: { total: 1, engaged: 1 }, executive: { total: 1, engaged: 0 } });
    expect(busy.community).toMatchObject({ asked90: 1, answered90: 1, acceptedAnswers90: 1, attended90: 1, posted90: 1, groupMembers: 1, activeChampions: 1 });
    expect(busy.learning).toEqual({
      learners: 3,
      distinctItems: 5,
      topTier: { beginner: 1, intermediate: 1, advanced: 1 },
      onboardingStarted: 2,
      onboardingCompleted: 1,
      advancedPathCompleted: 0,
    });
    // 30 full days before today: every 7th has 0 active users, the rest 12.
    expect(busy.usage.days30).toBe(30);
    expect(busy.usage.minActive30).toBe(0);
    expect(busy.usage.featuresUsed30).toEqual(["email", "scoring"]);

    const quiet = accounts.find((a) => a.id === w.quiet.id)!.facts;
    expect(quiet.usage).toMatchObject({ hasData: true, days30: 0, avgActive30: 0, lastActiveDay: daysAgo(31).toISOString().slice(0, 10) });
    expect(quiet.activity.weight30).toBe(0);
    // The answer of the person who moved on still counts for the account it was given for.
    expect(quiet.activity.weightPrior90).toBe(3 + 4);

    const empty = accounts.find((a) => a.id === w.empty.id)!.facts;
    expect(empty.members).toBe(0);
    expect(empty.usage.hasData).toBe(false);
    expect(empty.activity.lastEventAt).toBeNull();
  });

  test("member engagement inputs agree with the reference, across accounts", async () => {
    const w = await world();
    const { actors } = await gatherFacts(NOW, TEST_CONTENT, "all");
    const byPerson = await actorAggregates(NOW, [w.ana.id, w.ben.id, w.dee.id]);
    const ben = byPerson.get(w.ben.id)!;
    // Ben's events live in two accounts: the person-scoped read sums both.
    const naiveBusy = (await gatherAccountFactsNaive(w.busy.id, NOW, TEST_CONTENT))!.actors.get(w.ben.id)!;
    const naiveQuiet = (await gatherAccountFactsNaive(w.quiet.id, NOW, TEST_CONTENT))!.actors.get(w.ben.id)!;
    expect(ben.score).toBeCloseTo(naiveBusy.score + naiveQuiet.score, 6);
    expect(ben.contributions).toBe(1);
    expect(actors.get(w.ben.id)!.score).toBeCloseTo(ben.score, 6);
    // Dee's 200-day-old view is outside the window; the 70-day-old completion decays to 3 × 0.5^(70/30).
    expect(byPerson.get(w.dee.id)!.score).toBeCloseTo(3 * Math.pow(0.5, 70 / 30), 6);
  });
});
