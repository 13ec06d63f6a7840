// Who might be a champion next: members who are not champions now, ranked by the weight of their
// contributions over the last year, each with the reasons that put them on the list.
import { db } from "~/db.server";
import type { NominationState } from "./model";
import { getProgram } from "./program.server";
import { activeTermFilter } from "./status.server";

const DAY_MS = 24 * 60 * 60 * 1000;
export const CANDIDATE_WINDOW_DAYS = 365;
export const CANDIDATES_SHOWN = 25;

/** The engagement that speaks for a champion: helping others, leading, learning deeply. */
export const CONTRIBUTION_SIGNALS = [
  "qa.answer_accepted",
  "qa.answered",
  "group.meeting_led",
  "group.attended",
  "group.posted",
  "qa.vote_received",
  "content.completed",
] as const;
export type ContributionSignal = (typeof CONTRIBUTION_SIGNALS)[number];

export type SignalTally = { signal: ContributionSignal; count: number; weight: number };

/** The reasons to show for a candidate: their strongest signals first, at most `max`. */
export function candidateReasons(tallies: readonly SignalTally[], max = 3): SignalTally[] {
  return [...tallies]
    .filter((t) => t.count > 0)
    .sort((a, b) => b.weight - a.weight || CONTRIBUTION_SIGNALS.indexOf(a.signal) - CONTRIBUTION_SIGNALS.indexOf(b.signal))
    .slice(0, max);
}

export async function rankCandidates(now = new Date(), limit = CANDIDATES_SHOWN) {
  const since = new Date(now.getTime() - CANDIDATE_WINDOW_DAYS * DAY_MS);
  const where = {
    type: { in: [...CONTRIBUTION_SIGNALS] },
    occurredAt: { gte: since, lte: now },
    actor: { is: { role: "member", championTerms: { none: activeTermFilter(now) } } },
  };
  const top = await db.engagementEvent.groupBy({
    by: ["actorId"],
    where,
    _sum: { weight: true },
    orderBy: { _sum: { weight: "desc" } },
    take: limit,
  });
  const ids = top.map((row) => row.actorId).filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const { cohortYear } = await getProgram();
  const [tallies, people, nominations, pastTerms] = await Promise.all([
    db.engagementEvent.groupBy({ by: ["actorId", "type"], where: { ...where, actorId: { in: ids } }, _count: true, _sum: { weight: true } }),
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, title: true, reputation: true, account: { select: { id: true, name: true } } } }),
    db.championNomination.findMany({ where: { nomineeId: { in: ids }, cohort: cohortYear }, select: { id: true, nomineeId: true, state: true } }),
    db.championTerm.findMany({ where: { userId: { in: ids }, revokedAt: null, endsAt: { lte: now } }, select: { userId: true, cohort: true }, orderBy: { cohort: "asc" } }),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return top.flatMap((row) => {
    const person = row.actorId ? byId.get(row.actorId) : undefined;
    if (!person) return [];
    const mine: SignalTally[] = tallies
      .filter((t) => t.actorId === person.id)
      .map((t) => ({ signal: t.type as ContributionSignal, count: t._count, weight: t._sum.weight ?? 0 }));
    const nomination = nominations.find((n) => n.nomineeId === person.id) ?? null;
    return [
      {
        userId: person.id,
        name: person.name,
        title: person.title,
        account: person.account,
        reputation: person.reputation,
        score: Math.round(row._sum.weight ?? 0),
        reasons: candidateReasons(mine),
        formerCohorts: pastTerms.filter((t) => t.userId === person.id).map((t) => t.cohort),
        nomination: nomination ? { id: nomination.id, state: nomination.state as NominationState } : null,
      },
    ];
  });
}
