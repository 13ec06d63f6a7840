// When an account's champions deserve an alert: its only champion went quiet, or its last
// champion left. Pure, so the rule is tested without a database; watch.server.ts feeds it.
import { INACTIVE_AFTER_DAYS, type LeftReason, type WatchCondition } from "./model";
import { termStatus, type TermLike } from "./terms";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One champion term counted for the account, with what is known about the person now. */
export type AccountTermFacts = TermLike & {
  /** null when the person was deleted (their term went with them). */
  userId: string | null;
  /** Whether the person still belongs to the account. */
  inAccount: boolean;
  /** Their latest own engagement (passive events like received votes do not count). */
  lastActivityAt: Date | null;
};

export type WatchDecision = { condition: WatchCondition; championId: string | null; since: Date; detail: string };

/** What ended a term's claim on the account, and when; null while it still counts. */
export function departure(term: AccountTermFacts, now: Date): { reason: LeftReason; at: Date } | null {
  if (term.userId === null) return { reason: "removed", at: now };
  const status = termStatus(term, now);
  if (status === "revoked") return { reason: "revoked", at: term.revokedAt ?? now };
  if (status === "expired") return { reason: "expired", at: term.endsAt };
  if (!term.inAccount) return { reason: "moved", at: now };
  return null;
}

/**
 * - One current champion whose latest activity (or, if later, the start of their first term here)
 *   is at least 30 days old → champion_inactive, since the day the 30 days ran out.
 * - No current champion, but there were champions → champion_left, about the one who left last
 *   (the account's only champion at that moment), since they left.
 * - Otherwise nothing. Terms that have not started yet neither count nor leave.
 */
export function decideWatch(terms: readonly AccountTermFacts[], now: Date): WatchDecision | null {
  const started = terms.filter((term) => term.userId === null || termStatus(term, now) !== "upcoming");
  const current = new Map<string, AccountTermFacts[]>();
  for (const term of started) {
    if (term.userId !== null && departure(term, now) === null) current.set(term.userId, [...(current.get(term.userId) ?? []), term]);
  }
  if (current.size === 1) {
    const [userId, running] = [...current.entries()][0]!;
    const firstStart = Math.min(...started.filter((t) => t.userId === userId).map((t) => t.startsAt.getTime()));
    const lastActivity = running[0]!.lastActivityAt;
    const clock = Math.max(lastActivity?.getTime() ?? 0, firstStart);
    if (now.getTime() - clock < INACTIVE_AFTER_DAYS * DAY_MS) return null;
    return {
      condition: "champion_inactive",
      championId: userId,
      since: new Date(clock + INACTIVE_AFTER_DAYS * DAY_MS),
      detail: lastActivity ? lastActivity.toISOString() : "",
    };
  }
  if (current.size > 1 || started.length === 0) return null;
  const departures = started
    .map((term) => ({ term, left: departure(term, now)! }))
    .sort((a, b) => b.left.at.getTime() - a.left.at.getTime());
  const last = departures[0]!;
  return { condition: "champion_left", championId: last.term.userId, since: last.left.at, detail: last.left.reason };
}
