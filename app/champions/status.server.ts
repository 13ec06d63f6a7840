// Whether a person is a champion right now: a term that has started, not ended, not revoked.
import { db } from "~/db.server";

export async function isActiveChampion(userId: string, now = new Date()): Promise<boolean> {
  const term = await db.championTerm.findFirst({
    where: { userId, revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true },
  });
  return term !== null;
}
