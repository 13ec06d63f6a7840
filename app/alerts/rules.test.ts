import { computeHealth } from "~/scoring/components";
import { emptyFacts, type AccountFacts } from "~/scoring/facts";
import { DEFAULT_MODEL } from "~/scoring/model";
import { describeAccountAlert, describeChampionAlert, describeUnansweredAlert, improvementAction, lastActivity, triggeredRules, type AccountAlertInput } from "./rules";

const NOW = new Date(Date.UTC(2026, 10, 15, 12));
const DAY = 86_400_000;
const nobody = { lastActive: null, mostActive: null };

function input(patch: (f: AccountFacts) => void, extra: Partial<AccountAlertInput> = {}): AccountAlertInput {
  const facts = emptyFacts({ plan: "growth", stage: "L05", seats: 10 });
  patch(facts);
  return {
    accountId: "acc1",
    accountName: "Acme",
    asOf: NOW,
    createdAt: new Date(NOW.getTime() - 400 * DAY),
    facts,
    health: computeHealth(facts, DEFAULT_MODEL),
    previous: null,
    peak30: null,
    settings: DEFAULT_MODEL.alerts,
    keyFeatures: DEFAULT_MODEL.keyFeatures,
    ...extra,
  };
}

const active = (f: AccountFacts) => {
  f.members = 4;
  f.activity.lastEventAt = new Date(NOW.getTime() - DAY).toISOString();
};

describe("triggeredRules", () => {
  test("band dropped: only when the band is worse than the previous snapshot's", () => {
    const red = input(active, { previous: { day: "2026-11-14", overall: 72, band: "green" } });
    expect(red.health.band).toBe("red");
    expect(triggeredRules(red)).toContainEqual({ rule: "band_dropped", from: "green", to: "red" });
    expect(triggeredRules(input(active, { previous: { day: "2026-11-14", overall: 10, band: "red" } })).map((r) => r.rule)).not.toContain("band_dropped");
  });

  test("score fell: at least N points under the 30-day high", () => {
    const base = input(active);
    const points = DEFAULT_MODEL.alerts.scoreDropPoints;
    expect(triggeredRules({ ...base, peak30: { day: "2026-10-20", overall: base.health.overall + points } })).toContainEqual({
      rule: "score_fell",
      points,
      peak: { day: "2026-10-20", overall: base.health.overall + points },
    });
    expect(triggeredRules({ ...base, peak30: { day: "2026-10-20", overall: base.health.overall + points - 1 } }).map((r) => r.rule)).not.toContain("score_fell");
  });

  test("no activity: N days without an event or an active product user", () => {
    const idle = input((f) => {
      f.members = 2;
      f.activity.lastEventAt = new Date(NOW.getTime() - 25 * DAY).toISOString();
      f.usage.lastActiveDay = "2026-10-20";
    });
    expect(triggeredRules(idle)).toContainEqual({ rule: "no_activity", days: 25, since: new Date(NOW.getTime() - 25 * DAY) });
    // Product use yesterday counts as activity.
    const usingProduct = input((f) => {
      f.activity.lastEventAt = new Date(NOW.getTime() - 25 * DAY).toISOString();
      f.usage.lastActiveDay = "2026-11-14";
    });
    expect(triggeredRules(usingProduct).map((r) => r.rule)).not.toContain("no_activity");
    expect(lastActivity(usingProduct.facts)!.toISOString()).toBe("2026-11-15T00:00:00.000Z");
  });

  test("an account never active counts from its creation", () => {
    const fresh = input(() => {}, { createdAt: new Date(NOW.getTime() - 5 * DAY) });
    expect(triggeredRules(fresh).map((r) => r.rule)).not.toContain("no_activity");
    const old = input(() => {}, { createdAt: new Date(NOW.getTime() - 30 * DAY) });
    expect(triggeredRules(old)).toContainEqual({ rule: "no_activity", days: 30, since: null });
  });
});

describe("next actions", () => {
  test("weak enablement: recommend the onboarding path to the members who have not started it", () => {
    const facts = (f: AccountFacts) => {
      f.members = 5;
      f.engaged90 = 5;
      f.personas = { practitioner: { total: 3, engaged: 3 }, manager: { total: 1, engaged: 1 }, executive: { total: 1, engaged: 1 } };
      f.usage = { ...f.usage, hasData: true, avgActive30: 10, avgActivePrior90: 10, featuresUsed30: DEFAULT_MODEL.keyFeatures };
      f.activity = { weight30: 30, weightPrior90: 90, lastEventAt: NOW.toISOString() };
      f.community = { ...f.community, asked90: 10, groupMembers: 2, attended90: 4, activeChampions: 1 };
      f.learning.onboardingStarted = 2;
    };
    expect(improvementAction(input(facts), nobody)).toEqual({ key: "alerts.next.onboarding", params: { count: 3 } });
  });

  test("weak relationship: an executive check-in, or bringing an executive in when there is none", () => {
    const base = (f: AccountFacts) => {
      f.members = 3;
      f.engaged90 = 3;
      f.usage = { ...f.usage, hasData: true, avgActive30: 10, avgActivePrior90: 10, featuresUsed30: DEFAULT_MODEL.keyFeatures };
      f.learning = { ...f.learning, learners: 3, distinctItems: 10, topTier: { beginner: 0, intermediate: 0, advanced: 3 } };
      f.community = { ...f.community, asked90: 10, groupMembers: 2, attended90: 4, activeChampions: 1 };
      f.activity = { weight30: 30, weightPrior90: 90, lastEventAt: NOW.toISOString() };
    };
    const withExecutive = input((f) => {
      base(f);
      f.personas = { practitioner: { total: 2, engaged: 2 }, manager: { total: 0, engaged: 0 }, executive: { total: 1, engaged: 0 } };
    });
    expect(improvementAction(withExecutive, nobody)).toEqual({ key: "alerts.next.executive", params: { engaged: 0, total: 1 } });
    const noExecutive = input((f) => {
      base(f);
      f.personas = { practitioner: { total: 3, engaged: 3 }, manager: { total: 0, engaged: 0 }, executive: { total: 0, engaged: 0 } };
    });
    expect(improvementAction(noExecutive, nobody)).toEqual({ key: "alerts.next.executiveMissing", params: { account: "Acme" } });
  });

  test("falling momentum names the most active person", () => {
    const facts = (f: AccountFacts) => {
      f.members = 2;
      f.engaged90 = 2;
      f.personas = { practitioner: { total: 1, engaged: 1 }, manager: { total: 0, engaged: 0 }, executive: { total: 1, engaged: 1 } };
      f.usage = { ...f.usage, hasData: true, avgActive30: 10, avgActivePrior90: 40, featuresUsed30: DEFAULT_MODEL.keyFeatures };
      f.learning = { ...f.learning, learners: 2, distinctItems: 10, topTier: { beginner: 0, intermediate: 0, advanced: 2 } };
      f.community = { ...f.community, asked90: 10, groupMembers: 2, attended90: 4, activeChampions: 1 };
      f.activity = { weight30: 3, weightPrior90: 270, lastEventAt: NOW.toISOString() };
    };
    expect(improvementAction(input(facts), { lastActive: null, mostActive: { name: "Ana" } })).toEqual({
      key: "alerts.next.momentum",
      params: { name: "Ana", recent: 3, before: 90 },
    });
  });

  test("no members at all: invite the main contact", () => {
    expect(improvementAction(input(() => {}), nobody)).toEqual({ key: "alerts.next.noMembers", params: { account: "Acme" } });
  });

  test("no activity names the last person active", () => {
    const i = input((f) => void (f.members = 2));
    const alert = describeAccountAlert(i, { rule: "no_activity", days: 40, since: new Date(NOW.getTime() - 40 * DAY) }, { lastActive: { name: "Ken", at: new Date("2026-10-06T09:00:00Z") }, mostActive: null });
    expect(alert).toMatchObject({
      rule: "no_activity",
      conditionKey: "no_activity:acc1",
      severity: "high",
      evidence: { key: "alerts.evidence.noActivity", params: { days: 40, date: "date:2026-10-06" } },
      nextAction: { key: "alerts.next.noActivity", params: { name: "Ken", date: "date:2026-10-06" } },
    });
  });
});

describe("condition keys", () => {
  test("one key per account and rule (and band, champion or question), so duplicates collapse", () => {
    const i = input(active, { previous: { day: "2026-11-14", overall: 60, band: "yellow" } });
    expect(describeAccountAlert(i, { rule: "band_dropped", from: "yellow", to: "red" }, nobody).conditionKey).toBe("band_dropped:acc1:red");
    expect(describeAccountAlert(i, { rule: "score_fell", points: 20, peak: { day: "2026-11-01", overall: 60 } }, nobody).conditionKey).toBe("score_fell:acc1");
    expect(describeChampionAlert({ accountId: "acc1", championId: "u1", name: "Ana", accountName: "Acme", reason: "left", leftReason: "moved", lastEventAt: null, since: NOW }, NOW)).toMatchObject({
      conditionKey: "champion_inactive:acc1:u1",
      evidence: { key: "alerts.evidence.championLeft", params: { name: "Ana" } },
    });
    const q = describeUnansweredAlert({ id: "q1", title: "How?", accountId: "acc1", askerName: "Ken", createdAt: new Date(NOW.getTime() - 50 * 3_600_000), score: 30 }, NOW);
    expect(q).toMatchObject({ conditionKey: "unanswered_question:q1", link: "/questions/q1", nextAction: { params: { title: "How?", name: "Ken", hours: 50 } } });
  });
});

describe("champion alert wording", () => {
  const base = { accountId: "acc1", accountName: "Acme", championId: "u1", name: "Ana", lastEventAt: null } as const;

  test("an inactive champion: days since their last activity, or since the term began when never active", () => {
    const last = new Date(NOW.getTime() - 41 * DAY);
    expect(describeChampionAlert({ ...base, reason: "inactive", leftReason: null, lastEventAt: last, since: new Date(last.getTime() + 30 * DAY) }, NOW).evidence).toEqual({
      key: "alerts.evidence.championInactive",
      params: { name: "Ana", days: 41 },
    });
    // The watch starts the 30 days at the term start: condition since 10 days → 40 days a champion.
    expect(describeChampionAlert({ ...base, reason: "inactive", leftReason: null, since: new Date(NOW.getTime() - 10 * DAY) }, NOW).evidence).toEqual({
      key: "alerts.evidence.championNeverActive",
      params: { name: "Ana", days: 40 },
    });
  });

  test("a term that ended or a deleted champion: the account has no champion, same condition key", () => {
    const ended = describeChampionAlert({ ...base, reason: "left", leftReason: "expired", since: new Date("2026-01-01T00:00:00Z") }, NOW);
    expect(ended).toMatchObject({
      conditionKey: "champion_inactive:acc1:u1",
      evidence: { key: "alerts.evidence.championTermEnded", params: { name: "Ana", date: "date:2026-01-01" } },
      nextAction: { key: "alerts.next.championNone", params: { account: "Acme" } },
    });
    const removed = describeChampionAlert({ ...base, championId: null, name: null, reason: "left", leftReason: "removed", since: NOW }, NOW);
    expect(removed).toMatchObject({ conditionKey: "champion_inactive:acc1:removed", evidence: { key: "alerts.evidence.championRemoved", params: {} } });
  });
});
