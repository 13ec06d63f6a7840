// Putting someone forward: who may nominate whom, one nomination per nominee and cohort (further
// nominators endorse it instead), the nominator's evidence per criterion, and the record snapshot.
import { db, isUniqueViolation } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { idempotencyKeys } from "~/engagement/events";
import { recordEngagement } from "~/engagement/record.server";
import { isStaff } from "~/users/roles";
import { takeEvidenceSnapshot, type TierOf } from "./evidence.server";
import { LIMITS, NOMINATION_STATES, SCORE_MAX, type NominationState } from "./model";
import { getProgram, listCriteria, mayNominate } from "./program.server";
import { isOpen } from "./state";

export type Actor = { id: string; role: string; accountId: string | null };

export type EvidenceInput = Record<string, { text: string; links: string[] }>;

export type ExistingNomination = { id: string; state: NominationState; cohort: number };

export type NominateError =
  | { error: "forbidden" }
  | { error: "closed" }
  | { error: "nominee-not-found" }
  | { error: "nominee-staff" }
  | { error: "self" }
  | { error: "missing-criteria"; criterionIds: string[] }
  | { error: "duplicate"; existing: ExistingNomination }
  | { error: "already-champion"; cohort: number };

export type NominateResult = ({ ok: true; nominationId: string; cohort: number }) | ({ ok: false } & NominateError);

/** Why `nomineeId` cannot be nominated by `actor` right now, or null when they can. */
export async function nominationBlocker(actor: Actor, nomineeId: string): Promise<NominateError | null> {
  const settings = await getProgram();
  if (!mayNominate(actor.role, settings)) return { error: "forbidden" };
  if (!settings.nominationsOpen) return { error: "closed" };
  const nominee = await db.user.findUnique({ where: { id: nomineeId }, select: { id: true, role: true } });
  if (!nominee) return { error: "nominee-not-found" };
  if (nominee.role !== "member") return { error: "nominee-staff" };
  if (nominee.id === actor.id) return { error: "self" };
  const cohort = settings.cohortYear;
  const existing = await db.championNomination.findUnique({ where: { nomineeId_cohort: { nomineeId, cohort } }, select: { id: true, state: true, cohort: true } });
  if (existing) return { error: "duplicate", existing: { ...existing, state: existing.state as NominationState } };
  const term = await db.championTerm.findUnique({ where: { userId_cohort: { userId: nomineeId, cohort } }, select: { id: true } });
  if (term) return { error: "already-champion", cohort };
  return null;
}

/**
 * Files a nomination for the current cohort with evidence for every active criterion and a
 * snapshot of the nominee's record. Nothing is stored unless every rule passes.
 */
export async function nominate(actor: Actor, input: { nomineeId: string; evidence: EvidenceInput }, options: { now?: Date; tierOf?: TierOf } = {}): Promise<NominateResult> {
  const now = options.now ?? new Date();
  const blocker = await nominationBlocker(actor, input.nomineeId);
  if (blocker) return { ok: false, ...blocker };
  const criteria = await listCriteria();
  const missing = criteria.filter((c) => !input.evidence[c.id]?.text.trim()).map((c) => c.id);
  if (missing.length) return { ok: false, error: "missing-criteria", criterionIds: missing };

  const { cohortYear: cohort } = await getProgram();
  const nominee = await db.user.findUniqueOrThrow({ where: { id: input.nomineeId }, select: { id: true, accountId: true } });
  const snapshot = await takeEvidenceSnapshot(nominee.id, { now, tierOf: options.tierOf });
  let nominationId: string;
  try {
    const created = await db.championNomination.create({
      data: {
        nomineeId: nominee.id,
        nominatorId: actor.id,
        accountId: nominee.accountId,
        cohort,
        state: "submitted",
        snapshot: JSON.stringify(snapshot),
        createdAt: now,
        evidence: {
          create: criteria.map((c) => ({
            criterionId: c.id,
            text: input.evidence[c.id]!.text.trim().slice(0, LIMITS.evidenceMax),
            links: JSON.stringify(input.evidence[c.id]!.links.slice(0, LIMITS.linksMax)),
          })),
        },
      },
      select: { id: true },
    });
    nominationId = created.id;
  } catch (error) {
    // Someone nominated the same person for this cohort a moment earlier.
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.championNomination.findUniqueOrThrow({ where: { nomineeId_cohort: { nomineeId: nominee.id, cohort } }, select: { id: true, state: true, cohort: true } });
    return { ok: false, error: "duplicate", existing: { ...existing, state: existing.state as NominationState } };
  }
  await recordEngagement({
    type: "champion.nominated",
    actor: nominee,
    subjectType: "championNomination",
    subjectId: nominationId,
    idempotencyKey: idempotencyKeys.championNominated(nominationId),
    occurredAt: now,
    metadata: { cohort, nominatorId: actor.id },
  });
  return { ok: true, nominationId, cohort };
}

export type EndorseResult = "ok" | "forbidden" | "not-found" | "closed" | "own" | "already";

/** A further nominator backs an open nomination; the nominator and the nominee cannot. */
export async function endorse(actor: Actor, nominationId: string, comment: string, now = new Date()): Promise<EndorseResult> {
  const settings = await getProgram();
  if (!mayNominate(actor.role, settings)) return "forbidden";
  const nomination = await db.championNomination.findUnique({
    where: { id: nominationId },
    select: { id: true, state: true, nominatorId: true, nominee: { select: { id: true, accountId: true } } },
  });
  if (!nomination) return "not-found";
  if (!isOpen(nomination.state)) return "closed";
  if (nomination.nominatorId === actor.id || nomination.nominee.id === actor.id) return "own";
  try {
    await db.championEndorsement.create({ data: { nominationId, userId: actor.id, comment: comment.trim().slice(0, LIMITS.endorsementMax), createdAt: now } });
  } catch (error) {
    if (isUniqueViolation(error)) return "already";
    throw error;
  }
  await recordEngagement({
    type: "champion.endorsed",
    actor: nomination.nominee,
    subjectType: "championNomination",
    subjectId: nominationId,
    idempotencyKey: idempotencyKeys.championEndorsed(nominationId, actor.id),
    occurredAt: now,
    metadata: { endorserId: actor.id },
  });
  return "ok";
}

export const NOMINATIONS_PAGE_SIZE = 25;

export type NominationFilters = { state: NominationState | null; cohort: number | null; page: number };

export function nominationFiltersFromUrl(url: URL): NominationFilters {
  const state = url.searchParams.get("state");
  const cohort = Number(url.searchParams.get("cohort"));
  const page = Number(url.searchParams.get("page"));
  return {
    state: (NOMINATION_STATES as readonly string[]).includes(state ?? "") ? (state as NominationState) : null,
    cohort: Number.isInteger(cohort) && cohort >= LIMITS.cohortMin && cohort <= LIMITS.cohortMax ? cohort : null,
    page: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1,
  };
}

/** Staff see every nomination; a member (peer nominator) sees the ones they made. */
export async function listNominations(viewer: Actor, filters: NominationFilters) {
  const where: Prisma.ChampionNominationWhereInput = {
    ...(isStaff(viewer.role) ? {} : { nominatorId: viewer.id }),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.cohort ? { cohort: filters.cohort } : {}),
  };
  const [total, rows, cohorts] = await Promise.all([
    db.championNomination.count({ where }),
    db.championNomination.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * NOMINATIONS_PAGE_SIZE,
      take: NOMINATIONS_PAGE_SIZE,
      select: {
        id: true,
        cohort: true,
        state: true,
        createdAt: true,
        decidedAt: true,
        nominee: { select: { id: true, name: true } },
        nominator: { select: { name: true } },
        account: { select: { name: true } },
        reviews: { select: { total: true } },
        _count: { select: { endorsements: true, evidence: true } },
      },
    }),
    db.championNomination.findMany({ distinct: ["cohort"], select: { cohort: true }, orderBy: { cohort: "desc" } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / NOMINATIONS_PAGE_SIZE)),
    cohorts: cohorts.map((c) => c.cohort),
    nominations: rows.map(({ reviews, _count, ...row }) => ({
      ...row,
      state: row.state as NominationState,
      endorsements: _count.endorsements,
      reviews: reviews.length,
      averageTotal: reviews.length ? Math.round((reviews.reduce((sum, r) => sum + r.total, 0) / reviews.length) * 10) / 10 : null,
      maxTotal: _count.evidence * SCORE_MAX,
    })),
  };
}

/** Members found by name or email for the "choose a nominee" search: members only, never staff. */
export async function searchNominees(q: string, take = 10) {
  const term = q.trim().slice(0, 100);
  if (term.length < 2) return [];
  return db.user.findMany({
    where: { role: "member", OR: [{ name: { contains: term } }, { email: { contains: term.toLowerCase() } }] },
    select: { id: true, name: true, title: true, account: { select: { name: true } } },
    orderBy: { name: "asc" },
    take,
  });
}

/** The nominee as the nomination form shows them. */
export function nomineeSummary(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, title: true, level: true, account: { select: { name: true } } },
  });
}

/** Whether `actorId` could still endorse an existing nomination (shown where a duplicate is refused). */
export async function endorsementState(actorId: string, nominationId: string): Promise<"nominator" | "endorsed" | "closed" | "can-endorse"> {
  const nomination = await db.championNomination.findUnique({
    where: { id: nominationId },
    select: { state: true, nominatorId: true, nomineeId: true, endorsements: { where: { userId: actorId }, select: { userId: true } } },
  });
  if (!nomination || !isOpen(nomination.state)) return "closed";
  if (nomination.nominatorId === actorId || nomination.nomineeId === actorId) return "nominator";
  return nomination.endorsements.length ? "endorsed" : "can-endorse";
}
