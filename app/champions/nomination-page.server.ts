// One nomination as its page shows it. Staff see everything: evidence, the record snapshot,
// endorsements and reviews. A member who nominated a peer sees their own evidence, the state and
// the decision with its reason — never the snapshot or the reviewers' scores.
import { db } from "~/db.server";
import { isStaff } from "~/users/roles";
import { parseSnapshot } from "./evidence.server";
import type { NominationState } from "./model";
import { getProgram, mayNominate, mayReview, toCriterion } from "./program.server";
import { summariseReviews } from "./rubric";
import { canTransition, isOpen } from "./state";
import { activeChampionIds } from "./status.server";

export type NominationViewer = { id: string; role: string };

function parseLinks(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && /^https?:\/\//i.test(v)) : [];
  } catch {
    return [];
  }
}

export async function loadNominationPage(nominationId: string, viewer: NominationViewer): Promise<"not-found" | "forbidden" | NominationPage> {
  const row = await db.championNomination.findUnique({
    where: { id: nominationId },
    select: {
      id: true,
      cohort: true,
      state: true,
      snapshot: true,
      createdAt: true,
      reviewStartedAt: true,
      decidedAt: true,
      decisionReason: true,
      termId: true,
      nominatorId: true,
      nominee: { select: { id: true, name: true, title: true, account: { select: { id: true, name: true } } } },
      nominator: { select: { name: true } },
      decidedBy: { select: { name: true } },
      evidence: { select: { text: true, links: true, criterion: true } },
      endorsements: { select: { userId: true, comment: true, createdAt: true, user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      reviews: {
        select: { reviewerId: true, comment: true, total: true, updatedAt: true, reviewer: { select: { name: true } }, scores: { select: { criterionId: true, score: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) return "not-found";
  const staff = isStaff(viewer.role);
  const isNominator = row.nominatorId === viewer.id;
  if (!staff && !isNominator) return "forbidden";

  const settings = await getProgram();
  const evidence = row.evidence
    .map((e) => ({ criterion: toCriterion(e.criterion), text: e.text, links: parseLinks(e.links) }))
    .sort((a, b) => a.criterion.position - b.criterion.position);
  const criterionIds = evidence.map((e) => e.criterion.id);
  const state = row.state as NominationState;
  const open = isOpen(state);
  const reviewer = mayReview(viewer.role);
  const mine = row.reviews.find((r) => r.reviewerId === viewer.id) ?? null;
  const championNow = (await activeChampionIds([row.nominee.id])).has(row.nominee.id);

  return {
    id: row.id,
    cohort: row.cohort,
    state,
    createdAt: row.createdAt,
    reviewStartedAt: row.reviewStartedAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    decidedBy: row.decidedBy?.name ?? null,
    nominee: { id: row.nominee.id, name: row.nominee.name, title: row.nominee.title, company: staff ? row.nominee.account : null, championNow },
    nominator: row.nominator?.name ?? null,
    evidence,
    snapshot: staff ? parseSnapshot(row.snapshot) : null,
    endorsements: staff ? row.endorsements.map((e) => ({ name: e.user.name, comment: e.comment, createdAt: e.createdAt })) : [],
    endorsementCount: row.endorsements.length,
    reviews: staff
      ? row.reviews.map((r) => ({ reviewer: r.reviewer?.name ?? null, mine: r.reviewerId === viewer.id, comment: r.comment, total: r.total, updatedAt: r.updatedAt, scores: Object.fromEntries(r.scores.map((s) => [s.criterionId, s.score])) }))
      : [],
    summary: staff ? summariseReviews(row.reviews, criterionIds) : null,
    myReview: mine ? { comment: mine.comment, scores: Object.fromEntries(mine.scores.map((s) => [s.criterionId, s.score])) as Record<string, number> } : null,
    permissions: {
      staff,
      canStartReview: reviewer && canTransition(state, "in_review"),
      canReview: reviewer && open,
      canDecide: reviewer && state === "in_review" && row.reviews.length > 0,
      canEndorse: open && mayNominate(viewer.role, settings) && !isNominator && row.nominee.id !== viewer.id && !row.endorsements.some((e) => e.userId === viewer.id),
      hasEndorsed: row.endorsements.some((e) => e.userId === viewer.id),
    },
  };
}

export type NominationPage = {
  id: string;
  cohort: number;
  state: NominationState;
  createdAt: Date;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  decidedBy: string | null;
  nominee: { id: string; name: string; title: string; company: { id: string; name: string } | null; championNow: boolean };
  nominator: string | null;
  evidence: Array<{ criterion: ReturnType<typeof toCriterion>; text: string; links: string[] }>;
  snapshot: ReturnType<typeof parseSnapshot>;
  endorsements: Array<{ name: string; comment: string; createdAt: Date }>;
  endorsementCount: number;
  reviews: Array<{ reviewer: string | null; mine: boolean; comment: string; total: number; updatedAt: Date; scores: Record<string, number> }>;
  summary: ReturnType<typeof summariseReviews> | null;
  myReview: { comment: string; scores: Record<string, number> } | null;
  permissions: { staff: boolean; canStartReview: boolean; canReview: boolean; canDecide: boolean; canEndorse: boolean; hasEndorsed: boolean };
};

/** The reviewers' queue: open nominations of every cohort, oldest first, with their review totals. */
export async function reviewQueue() {
  const rows = await db.championNomination.findMany({
    where: { state: { in: ["submitted", "in_review"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      cohort: true,
      state: true,
      createdAt: true,
      nominee: { select: { name: true, account: { select: { name: true } } } },
      nominator: { select: { name: true } },
      evidence: { select: { criterionId: true } },
      reviews: { select: { scores: { select: { criterionId: true, score: true } } } },
      _count: { select: { endorsements: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    cohort: row.cohort,
    state: row.state as NominationState,
    createdAt: row.createdAt,
    nominee: row.nominee.name,
    company: row.nominee.account?.name ?? null,
    nominator: row.nominator?.name ?? null,
    endorsements: row._count.endorsements,
    summary: summariseReviews(row.reviews, row.evidence.map((e) => e.criterionId)),
  }));
}
