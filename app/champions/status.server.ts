// Whether people are champions right now: a term that has started, not ended, not revoked.
import { db } from "~/db.server";

const activeTerm = (now: Date) => ({ revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now } });

export async function isActiveChampion(userId: string, now = new Date()): Promise<boolean> {
  const term = await db.championTerm.findFirst({
    where: { userId, ...activeTerm(now) },
    select: { id: true },
  });
  return term !== null;
}

/** Which of `userIds` are champions now: one indexed query for a whole page of authors. */
export async function activeChampionIds(userIds: ReadonlyArray<string | null | undefined>, now = new Date()): Promise<Set<string>> {
  const ids = [...new Set(userIds.filter((id): id is string => typeof id === "string"))];
  if (ids.length === 0) return new Set();
  const terms = await db.championTerm.findMany({ where: { userId: { in: ids }, ...activeTerm(now) }, select: { userId: true } });
  return new Set(terms.map((term) => term.userId));
}

/** The Prisma filter for "is a champion now", for queries that need it inside a where. */
export function activeTermFilter(now = new Date()) {
  return activeTerm(now);
}

/** Whether someone ever held a term (their champion profile exists from then on). */
export async function hasBeenChampion(userId: string): Promise<boolean> {
  return (await db.championTerm.count({ where: { userId } })) > 0;
}
