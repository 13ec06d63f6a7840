// Reputation rules (Stack Overflow-like): votes give or take points with a daily cap on what
// votes can add; accepted answers are never capped.
export const POINTS = {
  questionUpvoted: 5,
  answerUpvoted: 10,
  downvoted: -2,
  answerAccepted: 15,
  acceptedAnAnswer: 2,
} as const;

/** The most a person can gain from votes in one UTC day. */
export const DAILY_VOTE_CAP = 200;

/** Points a vote adds today, given what votes already added to this person today. */
export function cappedVoteDelta(raw: number, alreadyGainedToday: number): number {
  if (raw <= 0) return raw;
  return Math.max(0, Math.min(raw, DAILY_VOTE_CAP - alreadyGainedToday));
}

export function votePoints(targetType: "question" | "answer", value: 1 | -1): number {
  if (value < 0) return POINTS.downvoted;
  return targetType === "question" ? POINTS.questionUpvoted : POINTS.answerUpvoted;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
