// Alert rules: when an account needs CS attention, the evidence, and the one next action that
// would help most. Messages are keys with parameters, rendered in the reader's language.
// Parameter conventions: a value "band:red" renders as the band's name, "date:2026-11-03" as a
// date in the reader's locale. Pure.
import { INACTIVE_AFTER_DAYS, type LeftReason } from "~/champions/model";
import type { ComponentResult, Contribution } from "~/scoring/components";
import type { AccountFacts } from "~/scoring/facts";
import type { AlertSettings, Band } from "~/scoring/model";
import { bandRank } from "~/scoring/model";
import { DAY_MS } from "~/scoring/time";

export const ALERT_RULES = ["band_dropped", "score_fell", "no_activity", "champion_inactive", "unanswered_question"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export type Severity = "high" | "medium";

export type AlertMessage = { key: AlertMessageKey; params: Record<string, string | number> };
export type AlertMessageKey =
  | "alerts.evidence.bandDropped"
  | "alerts.evidence.scoreFell"
  | "alerts.evidence.noActivity"
  | "alerts.evidence.neverActive"
  | "alerts.evidence.championInactive"
  | "alerts.evidence.championNeverActive"
  | "alerts.evidence.championLeft"
  | "alerts.evidence.championTermEnded"
  | "alerts.evidence.championRemoved"
  | "alerts.evidence.unanswered"
  | "alerts.next.adoption"
  | "alerts.next.onboarding"
  | "alerts.next.advanced"
  | "alerts.next.community"
  | "alerts.next.executive"
  | "alerts.next.executiveMissing"
  | "alerts.next.reconnect"
  | "alerts.next.momentum"
  | "alerts.next.momentumNoName"
  | "alerts.next.noActivity"
  | "alerts.next.noActivityNobody"
  | "alerts.next.noMembers"
  | "alerts.next.championInactive"
  | "alerts.next.championLeft"
  | "alerts.next.championNone"
  | "alerts.next.unanswered";

export type AlertCandidate = {
  accountId: string;
  rule: AlertRule;
  /** The condition; at most one unresolved alert exists per key. */
  conditionKey: string;
  severity: Severity;
  evidence: AlertMessage;
  nextAction: AlertMessage;
  link: string | null;
};

/** People named in next actions, looked up only for accounts that raise an alert. */
export type AlertPeople = {
  /** The member whose event is the account's newest. */
  lastActive: { name: string; at: Date } | null;
  /** The member with the most event weight in the last 120 days. */
  mostActive: { name: string } | null;
};

export type AccountAlertInput = {
  accountId: string;
  accountName: string;
  asOf: Date;
  createdAt: Date;
  facts: AccountFacts;
  health: { overall: number; band: Band; components: ComponentResult[]; contributions: Contribution[] };
  /** The account's latest snapshot before today. */
  previous: { day: string; overall: number; band: string } | null;
  /** The highest score of the 30 days before today. */
  peak30: { day: string; overall: number } | null;
  settings: AlertSettings;
  keyFeatures: string[];
};

const date = (value: Date | string) => `date:${(typeof value === "string" ? value : value.toISOString()).slice(0, 10)}`;

/** The newest sign of life: an event, or a day with an active product user. */
export function lastActivity(facts: AccountFacts): Date | null {
  const event = facts.activity.lastEventAt ? new Date(facts.activity.lastEventAt) : null;
  // A usage day counts until the end of that day.
  const usage = facts.usage.lastActiveDay ? new Date(new Date(`${facts.usage.lastActiveDay}T00:00:00Z`).getTime() + DAY_MS) : null;
  if (!event) return usage;
  if (!usage) return event;
  return event > usage ? event : usage;
}

export type Triggered =
  | { rule: "band_dropped"; from: string; to: Band }
  | { rule: "score_fell"; points: number; peak: { day: string; overall: number } }
  | { rule: "no_activity"; days: number; since: Date | null };

/** Which of the account-level rules fire. Cheap: no names needed yet. */
export function triggeredRules(input: AccountAlertInput): Triggered[] {
  const fired: Triggered[] = [];
  const { previous, peak30, health, settings } = input;
  if (previous && bandRank(health.band) < bandRank(previous.band)) fired.push({ rule: "band_dropped", from: previous.band, to: health.band });
  if (peak30 && peak30.overall - health.overall >= settings.scoreDropPoints) {
    fired.push({ rule: "score_fell", points: peak30.overall - health.overall, peak: peak30 });
  }
  const last = lastActivity(input.facts);
  const idleDays = Math.floor((input.asOf.getTime() - (last ?? input.createdAt).getTime()) / DAY_MS);
  if (idleDays >= settings.noActivityDays) fired.push({ rule: "no_activity", days: idleDays, since: last });
  return fired;
}

/**
 * The most useful next step for an account whose health fell: aimed at the component that loses
 * the most points (weight × what it lacks), with the numbers that make it concrete.
 */
export function improvementAction(input: AccountAlertInput, people: AlertPeople): AlertMessage {
  const { facts } = input;
  if (facts.members === 0) return { key: "alerts.next.noMembers", params: { account: input.accountName } };
  const weakest = [...input.health.contributions]
    .filter((c) => c.score !== null)
    .sort((a, b) => b.effectiveWeight * (100 - (b.score ?? 0)) - a.effectiveWeight * (100 - (a.score ?? 0)))[0];
  switch (weakest?.key) {
    case "adoption": {
      const unused = input.keyFeatures.filter((k) => !facts.usage.featuresUsed30.includes(k)).length;
      return { key: "alerts.next.adoption", params: { active: Math.round(facts.usage.avgActive30), seats: facts.seats, unused } };
    }
    case "enablement": {
      const notStarted = facts.members - facts.learning.onboardingStarted;
      if (notStarted > 0) return { key: "alerts.next.onboarding", params: { count: notStarted } };
      return { key: "alerts.next.advanced", params: { count: facts.members - facts.learning.advancedPathCompleted } };
    }
    case "community":
      return { key: "alerts.next.community", params: { count: Math.max(0, facts.members - facts.community.groupMembers) } };
    case "relationship": {
      const executives = facts.personas.executive;
      if (executives.total === 0) return { key: "alerts.next.executiveMissing", params: { account: input.accountName } };
      if (executives.engaged === 0) return { key: "alerts.next.executive", params: { engaged: 0, total: executives.total } };
      return { key: "alerts.next.reconnect", params: { count: Math.max(0, facts.members - facts.engaged90) } };
    }
    default: {
      const params = { recent: Math.round(facts.activity.weight30), before: Math.round(facts.activity.weightPrior90 / 3) };
      return people.mostActive
        ? { key: "alerts.next.momentum", params: { ...params, name: people.mostActive.name } }
        : { key: "alerts.next.momentumNoName", params };
    }
  }
}

export function describeAccountAlert(input: AccountAlertInput, fired: Triggered, people: AlertPeople): AlertCandidate {
  const base = { accountId: input.accountId, link: null };
  switch (fired.rule) {
    case "band_dropped":
      return {
        ...base,
        rule: "band_dropped",
        conditionKey: `band_dropped:${input.accountId}:${fired.to}`,
        severity: fired.to === "red" ? "high" : "medium",
        evidence: {
          key: "alerts.evidence.bandDropped",
          params: { from: `band:${fired.from}`, to: `band:${fired.to}`, before: input.previous!.overall, day: date(input.previous!.day), score: input.health.overall },
        },
        nextAction: improvementAction(input, people),
      };
    case "score_fell":
      return {
        ...base,
        rule: "score_fell",
        conditionKey: `score_fell:${input.accountId}`,
        severity: fired.points >= 2 * input.settings.scoreDropPoints ? "high" : "medium",
        evidence: { key: "alerts.evidence.scoreFell", params: { points: fired.points, peak: fired.peak.overall, day: date(fired.peak.day), score: input.health.overall } },
        nextAction: improvementAction(input, people),
      };
    case "no_activity": {
      const evidence: AlertMessage = fired.since
        ? { key: "alerts.evidence.noActivity", params: { days: fired.days, date: date(fired.since) } }
        : { key: "alerts.evidence.neverActive", params: { days: fired.days } };
      let nextAction: AlertMessage;
      if (input.facts.members === 0) nextAction = { key: "alerts.next.noMembers", params: { account: input.accountName } };
      else if (people.lastActive) nextAction = { key: "alerts.next.noActivity", params: { name: people.lastActive.name, date: date(people.lastActive.at) } };
      else nextAction = { key: "alerts.next.noActivityNobody", params: { account: input.accountName } };
      return { ...base, rule: "no_activity", conditionKey: `no_activity:${input.accountId}`, severity: "high", evidence, nextAction };
    }
  }
}

/** The account's only champion, found inactive or gone, as the champion watch records it (app/alerts/champion.server.ts). */
export type ChampionCondition = {
  accountId: string;
  accountName: string;
  /** null when the champion's user was deleted. */
  championId: string | null;
  name: string | null;
  reason: "inactive" | "left";
  /** How a champion left: term expired or revoked, moved to another company, or removed. */
  leftReason: LeftReason | null;
  /** The champion's last own activity (inactive only); null when there was none. */
  lastEventAt: Date | null;
  /** When the condition began: 30 days after the last activity (or the term start), or when they left. */
  since: Date;
};

export function describeChampionAlert(condition: ChampionCondition, asOf: Date): AlertCandidate {
  const { accountId, championId, accountName } = condition;
  const name = condition.name ?? "";
  const base = {
    accountId,
    rule: "champion_inactive" as const,
    conditionKey: `champion_inactive:${accountId}:${championId ?? "removed"}`,
    severity: "medium" as const,
    link: null,
  };
  if (condition.reason === "left") {
    if (condition.leftReason === "moved") {
      return {
        ...base,
        evidence: { key: "alerts.evidence.championLeft", params: { name } },
        nextAction: { key: "alerts.next.championLeft", params: { name, account: accountName } },
      };
    }
    const evidence: AlertMessage =
      condition.leftReason === "removed" || condition.name === null
        ? { key: "alerts.evidence.championRemoved", params: {} }
        : { key: "alerts.evidence.championTermEnded", params: { name, date: date(condition.since) } };
    return { ...base, evidence, nextAction: { key: "alerts.next.championNone", params: { account: accountName } } };
  }
  const daysSince = (at: Date) => Math.floor((asOf.getTime() - at.getTime()) / DAY_MS);
  return {
    ...base,
    evidence: condition.lastEventAt
      ? { key: "alerts.evidence.championInactive", params: { name, days: daysSince(condition.lastEventAt) } }
      : // Never active: the watch's clock started with the term, 30 days before the condition began.
        { key: "alerts.evidence.championNeverActive", params: { name, days: daysSince(condition.since) + INACTIVE_AFTER_DAYS } },
    nextAction: { key: "alerts.next.championInactive", params: { name, account: accountName } },
  };
}

export type UnansweredQuestion = {
  id: string;
  title: string;
  accountId: string;
  askerName: string;
  createdAt: Date;
  score: number;
};

export function describeUnansweredAlert(question: UnansweredQuestion, asOf: Date): AlertCandidate {
  const hours = Math.floor((asOf.getTime() - question.createdAt.getTime()) / 3_600_000);
  return {
    accountId: question.accountId,
    rule: "unanswered_question",
    conditionKey: `unanswered_question:${question.id}`,
    severity: "high",
    evidence: { key: "alerts.evidence.unanswered", params: { title: question.title, hours, score: question.score } },
    nextAction: { key: "alerts.next.unanswered", params: { title: question.title, name: question.askerName, hours } },
    link: `/questions/${question.id}`,
  };
}
