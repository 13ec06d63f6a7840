// Champion terms: when an approved term starts and ends, whether it counts now, and how many
// times someone has been a champion ("3-time champion").

export type TermLike = { cohort: number; startsAt: Date; endsAt: Date; revokedAt: Date | null };
export type TermStatus = "upcoming" | "active" | "expired" | "revoked";

/** `date` plus whole calendar months in UTC; the 31st of a short month becomes its last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The term an approval creates. It starts at the decision, but never before its cohort year
 * begins, and never while one of the person's earlier terms still runs (a renewal follows on from
 * the current term instead of overlapping it). It lasts `termMonths` from its start.
 */
export function termDates(input: { decidedAt: Date; cohort: number; termMonths: number; earlierTerms: readonly TermLike[] }): { startsAt: Date; endsAt: Date } {
  const cohortStart = Date.UTC(input.cohort, 0, 1);
  const running = input.earlierTerms.filter((term) => term.revokedAt === null).map((term) => term.endsAt.getTime());
  const startsAt = new Date(Math.max(input.decidedAt.getTime(), cohortStart, ...running));
  return { startsAt, endsAt: addMonthsUtc(startsAt, input.termMonths) };
}

export function termStatus(term: TermLike, now: Date): TermStatus {
  if (term.revokedAt !== null && term.revokedAt <= now) return "revoked";
  if (term.startsAt > now) return "upcoming";
  return term.endsAt > now ? "active" : "expired";
}

export function isTermActive(term: TermLike, now: Date): boolean {
  return termStatus(term, now) === "active";
}

/** How many terms someone has been awarded and kept (revoked ones do not count). */
export function championTimes(terms: readonly TermLike[]): number {
  return terms.filter((term) => term.revokedAt === null).length;
}

/** Whether a new term for a person is a renewal: they had a term before that was not revoked. */
export function isRenewal(earlierTerms: readonly TermLike[]): boolean {
  return championTimes(earlierTerms) > 0;
}
