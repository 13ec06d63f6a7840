// Reviewing nominations: reviewers (admins) score each criterion on its 1–5 rubric and comment,
// then decide. Approval creates the champion's term for the nomination's cohort; the decision
// and its reason go to the nominator.
import { db, isUniqueViolation } from "~/db.server";
import { idempotencyKeys } from "~/engagement/events";
import { recordEngagement } from "~/engagement/record.server";
import { notify } from "~/notifications/notify.server";
import { indexing } from "~/search/indexing.server";
import { LIMITS, championHref, nominationHref } from "./model";
import { getProgram, mayReview } from "./program.server";
import { isValidScore, rubricTotal } from "./rubric";
import { acceptsReviews, canTransition } from "./state";
import { isRenewal, termDates } from "./terms";
import { refreshChampionWatch } from "./watch.server";
import { enqueueWebhookEvent } from "~/webhooks/enqueue.server";

/** The webhook event of an approval: once per nomination. */
export const championWebhookKey = (nominationId: string) => `champion:${nominationId}`;

export type Reviewer = { id: string; role: string };

export type StartResult = "ok" | "forbidden" | "not-found" | "invalid-transition";

/** A reviewer takes a submitted nomination into review. */
export async function startReview(reviewer: Reviewer, nominationId: string, now = new Date()): Promise<StartResult> {
  if (!mayReview(reviewer.role)) return "forbidden";
  const nomination = await db.championNomination.findUnique({ where: { id: nominationId }, select: { state: true } });
  if (!nomination) return "not-found";
  if (!canTransition(nomination.state, "in_review")) return "invalid-transition";
  const { count } = await db.championNomination.updateMany({ where: { id: nominationId, state: "submitted" }, data: { state: "in_review", reviewStartedAt: now } });
  return count === 1 ? "ok" : "invalid-transition";
}

export type ReviewInput = { scores: Record<string, number>; comment: string };
export type ReviewResult = "ok" | "forbidden" | "not-found" | "closed" | "missing-scores" | "invalid-score";

/**
 * Saves the reviewer's scores (one per criterion the nomination was made on) and comment,
 * replacing their earlier review. The first review moves a submitted nomination into review.
 */
export async function saveReview(reviewer: Reviewer, nominationId: string, input: ReviewInput, now = new Date()): Promise<ReviewResult> {
  if (!mayReview(reviewer.role)) return "forbidden";
  const nomination = await db.championNomination.findUnique({ where: { id: nominationId }, select: { state: true, evidence: { select: { criterionId: true } } } });
  if (!nomination) return "not-found";
  if (!acceptsReviews(nomination.state)) return "closed";
  const criterionIds = nomination.evidence.map((e) => e.criterionId);
  if (criterionIds.some((id) => input.scores[id] === undefined)) return "missing-scores";
  if (criterionIds.some((id) => !isValidScore(input.scores[id]!))) return "invalid-score";
  const scores = criterionIds.map((criterionId) => ({ criterionId, score: input.scores[criterionId]! }));
  const comment = input.comment.trim().slice(0, LIMITS.commentMax);
  await db.$transaction(async (tx) => {
    const review = await tx.championReview.upsert({
      where: { nominationId_reviewerId: { nominationId, reviewerId: reviewer.id } },
      create: { nominationId, reviewerId: reviewer.id, comment, total: rubricTotal(scores), createdAt: now },
      update: { comment, total: rubricTotal(scores) },
      select: { id: true },
    });
    await tx.championScore.deleteMany({ where: { reviewId: review.id } });
    await tx.championScore.createMany({ data: scores.map((s) => ({ reviewId: review.id, ...s })) });
    if (nomination.state === "submitted") {
      await tx.championNomination.updateMany({ where: { id: nominationId, state: "submitted" }, data: { state: "in_review", reviewStartedAt: now } });
    }
  });
  return "ok";
}

export type DecisionInput = { decision: "approve" | "decline"; reason: string };
export type DecideResult = "ok" | "forbidden" | "not-found" | "invalid-transition" | "no-reviews" | "reason-required" | "already-champion";

class AlreadyChampion extends Error {}
class AlreadyDecided extends Error {}
/**
 * Approves (creating the term) or declines (with a reason) a nomination in review. Both tell the
 * nominator; an approval also welcomes the new champion.
 */
export async function decide(reviewer: Reviewer, nominationId: string, input: DecisionInput, baseUrl: string, now = new Date()): Promise<DecideResult> {
  if (!mayReview(reviewer.role)) return "forbidden";
  const nomination = await db.championNomination.findUnique({
    where: { id: nominationId },
    select: {
      id: true,
      state: true,
      cohort: true,
      nominatorId: true,
      nominee: { select: { id: true, name: true, accountId: true, locale: true, account: { select: { name: true } } } },
      _count: { select: { reviews: true } },
    },
  });
  if (!nomination) return "not-found";
  const to = input.decision === "approve" ? "approved" : "declined";
  if (!canTransition(nomination.state, to)) return "invalid-transition";
  if (nomination._count.reviews === 0) return "no-reviews";
  const reason = input.reason.trim().slice(0, LIMITS.reasonMax);
  if (to === "declined" && !reason) return "reason-required";
  const { nominee, cohort } = nomination;
  const decided = { state: to, decidedAt: now, decidedById: reviewer.id, decisionReason: reason || null };

  if (to === "declined") {
    const { count } = await db.championNomination.updateMany({ where: { id: nominationId, state: "in_review" }, data: decided });
    if (count !== 1) return "invalid-transition";
    await db.auditEntry.create({ data: { actorId: reviewer.id, action: "champions.decline", targetType: "championNomination", targetId: nominationId, detail: reason } });
    if (nomination.nominatorId) {
      await notify(nomination.nominatorId, "champion.declined", { name: nominee.name, cohort: String(cohort), reason }, nominationHref(nominationId), baseUrl);
    }
    return "ok";
  }

  const { termMonths } = await getProgram();
  let created: { termId: string; renewal: boolean };
  try {
    created = await db.$transaction(async (tx) => {
      const { count } = await tx.championNomination.updateMany({ where: { id: nominationId, state: "in_review" }, data: decided });
      if (count !== 1) throw new AlreadyDecided();
      if (await tx.championTerm.findUnique({ where: { userId_cohort: { userId: nominee.id, cohort } }, select: { id: true } })) throw new AlreadyChampion();
      const earlierTerms = await tx.championTerm.findMany({ where: { userId: nominee.id }, select: { cohort: true, startsAt: true, endsAt: true, revokedAt: true } });
      const dates = termDates({ decidedAt: now, cohort, termMonths, earlierTerms });
      const term = await tx.championTerm.create({ data: { userId: nominee.id, cohort, ...dates }, select: { id: true } });
      if (nominee.accountId) await tx.championTermAccount.create({ data: { termId: term.id, accountId: nominee.accountId } });
      await tx.championNomination.update({ where: { id: nominationId }, data: { termId: term.id } });
      await tx.championProfile.upsert({ where: { userId: nominee.id }, create: { userId: nominee.id, languages: nominee.locale === "en" ? "en" : "ja" }, update: {} });
      await tx.auditEntry.create({ data: { actorId: reviewer.id, action: "champions.approve", targetType: "championNomination", targetId: nominationId, detail: reason } });
      // Other systems hear of it if and only if the approval is committed.
      await enqueueWebhookEvent(
        "champion.approved",
        { userId: nominee.id, name: nominee.name, accountId: nominee.accountId, accountName: nominee.account?.name ?? null, cohort, nominationId, termStartsAt: dates.startsAt.toISOString(), termEndsAt: dates.endsAt.toISOString(), approvedAt: now.toISOString() },
        { tx, dedupeKey: championWebhookKey(nominationId), now },
      );
      return { termId: term.id, renewal: isRenewal(earlierTerms) };
    });
  } catch (error) {
    if (error instanceof AlreadyDecided) return "invalid-transition";
    if (error instanceof AlreadyChampion || isUniqueViolation(error)) return "already-champion";
    throw error;
  }

  await indexing.champion(nominee.id);
  const type = created.renewal ? "champion.renewed" : "champion.became";
  await recordEngagement({
    type,
    actor: nominee,
    subjectType: "championTerm",
    subjectId: created.termId,
    idempotencyKey: idempotencyKeys.championTerm(type, created.termId),
    occurredAt: now,
    metadata: { cohort, nominationId },
  });
  if (nomination.nominatorId) {
    await notify(nomination.nominatorId, "champion.approved", { name: nominee.name, cohort: String(cohort) }, nominationHref(nominationId), baseUrl);
  }
  await notify(nominee.id, "champion.welcome", { cohort: String(cohort) }, championHref(nominee.id), baseUrl);
  if (nominee.accountId) await refreshChampionWatch(nominee.accountId, now);
  return "ok";
}
