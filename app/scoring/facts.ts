// The numbers the health model is computed from, per account, as of one moment. Gathered in bulk
// by app/scoring/facts.server.ts, stored with each daily snapshot (so "why this score" can show
// and compare them later), and read by the lifecycle rules and the alert rules.
import type { Persona } from "~/users/roles";

export type PersonaCounts = { total: number; engaged: number };

export type AccountFacts = {
  plan: string;
  stage: string;
  seats: number;
  /** Members of the account in Kizuna. */
  members: number;
  personas: Record<Persona, PersonaCounts>;
  /** Members with at least one event in the last 90 days. */
  engaged90: number;
  usage: {
    /** Any product-usage day was ever imported for the account. */
    hasData: boolean;
    /** Days of the last 30 with a usage row. */
    days30: number;
    /** Active users per day over the last 30 days; a day without a row counts as 0. */
    avgActive30: number;
    /** The lowest daily active users of the last 30 days; 0 when a day is missing. */
    minActive30: number;
    /** Active users per day over the 90 days before the last 30. */
    avgActivePrior90: number;
    /** Feature keys with any use in the last 30 days. */
    featuresUsed30: string[];
    /** YYYY-MM-DD of the last day with an active user. */
    lastActiveDay: string | null;
  };
  learning: {
    /** Members who completed at least one item. */
    learners: number;
    /** Different items completed by the account's members. */
    distinctItems: number;
    /** Members by the highest tier of anything they completed. */
    topTier: { beginner: number; intermediate: number; advanced: number };
    onboardingStarted: number;
    onboardingCompleted: number;
    advancedPathCompleted: number;
  };
  community: {
    asked90: number;
    answered90: number;
    /** Answers by the account's members that askers accepted. */
    acceptedAnswers90: number;
    attended90: number;
    posted90: number;
    /** Members in an active study-group membership. */
    groupMembers: number;
    activeChampions: number;
  };
  activity: {
    /** Sum of event weights in the last 30 days. */
    weight30: number;
    /** Sum of event weights in the 90 days before the last 30. */
    weightPrior90: number;
    /** ISO time of the account's newest event, if any. */
    lastEventAt: string | null;
  };
};

export function emptyFacts(account: { plan: string; stage: string; seats: number }): AccountFacts {
  return {
    ...account,
    members: 0,
    personas: { practitioner: { total: 0, engaged: 0 }, manager: { total: 0, engaged: 0 }, executive: { total: 0, engaged: 0 } },
    engaged90: 0,
    usage: { hasData: false, days30: 0, avgActive30: 0, minActive30: 0, avgActivePrior90: 0, featuresUsed30: [], lastActiveDay: null },
    learning: { learners: 0, distinctItems: 0, topTier: { beginner: 0, intermediate: 0, advanced: 0 }, onboardingStarted: 0, onboardingCompleted: 0, advancedPathCompleted: 0 },
    community: { asked90: 0, answered90: 0, acceptedAnswers90: 0, attended90: 0, posted90: 0, groupMembers: 0, activeChampions: 0 },
    activity: { weight30: 0, weightPrior90: 0, lastEventAt: null },
  };
}

/** Rounds to two decimals, so stored facts compare equal however they were summed. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
