// A member's engagement: every event's weight, halved for each 30 days of its age, summed over
// the last 180 days (older events would count for less than 1/64). The level adds a condition on
// contributions, so reading a lot makes a participant, but contributor and leader need giving back.
export const MEMBER_LEVELS = ["explorer", "participant", "contributor", "leader"] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

export const HALF_LIFE_DAYS = 30;
export const MEMBER_WINDOW_DAYS = 180;

/** Event types that count as giving back to the community. */
export const CONTRIBUTION_TYPES = ["qa.answered", "qa.answer_accepted", "group.posted", "group.meeting_led"] as const;

export const LEVEL_RULES = {
  participant: { score: 5, contributions: 0 },
  contributor: { score: 20, contributions: 1 },
  leader: { score: 50, contributions: 5 },
} as const;

/** The weight an event of `ageDays` keeps: 1 today, ½ after 30 days, ¼ after 60… */
export function decayFactor(ageDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / HALF_LIFE_DAYS);
}

export function levelFor(score: number, contributions: number): MemberLevel {
  for (const level of ["leader", "contributor", "participant"] as const) {
    const rule = LEVEL_RULES[level];
    if (score >= rule.score && contributions >= rule.contributions) return level;
  }
  return "explorer";
}

export function isMemberLevel(value: string): value is MemberLevel {
  return (MEMBER_LEVELS as readonly string[]).includes(value);
}
