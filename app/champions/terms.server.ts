// Champion terms as stored: a person's history, and revoking a term early (admins).
import { db } from "~/db.server";
import { indexing } from "~/search/indexing.server";
import { refreshChampionWatch } from "./watch.server";

export function termsOf(userId: string) {
  return db.championTerm.findMany({
    where: { userId },
    orderBy: [{ cohort: "asc" }, { startsAt: "asc" }],
    select: { id: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true },
  });
}

export type RevokeResult = "ok" | "forbidden" | "not-found" | "already";

/** Ends a term now (a champion who asked to step down, or broke the community's trust). */
export async function revokeTerm(admin: { id: string; role: string }, termId: string, reason: string, now = new Date()): Promise<RevokeResult> {
  if (admin.role !== "admin") return "forbidden";
  const term = await db.championTerm.findUnique({ where: { id: termId }, select: { userId: true, revokedAt: true, endsAt: true } });
  if (!term) return "not-found";
  if (term.revokedAt !== null || term.endsAt <= now) return "already";
  await db.$transaction([
    db.championTerm.update({ where: { id: termId }, data: { revokedAt: now } }),
    db.auditEntry.create({ data: { actorId: admin.id, action: "champions.revoke", targetType: "championTerm", targetId: termId, detail: reason.trim().slice(0, 1_000) } }),
  ]);
  await indexing.champion(term.userId);
  const attributed = await db.championTermAccount.findUnique({ where: { termId }, select: { accountId: true } });
  if (attributed) await refreshChampionWatch(attributed.accountId, now);
  return "ok";
}
