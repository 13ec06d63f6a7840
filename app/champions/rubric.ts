// Rubric arithmetic: a review's total, and how several reviews of one nomination add up.
import { SCORE_MAX, SCORE_MIN } from "./model";

export function isValidScore(value: number): boolean {
  return Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}

/** The total of one review: the sum of its scores, one per criterion. */
export function rubricTotal(scores: ReadonlyArray<{ score: number }>): number {
  return scores.reduce((sum, { score }) => sum + score, 0);
}

export type ReviewScores = { scores: ReadonlyArray<{ criterionId: string; score: number }> };

export type RubricSummary = {
  reviews: number;
  /** Average total over the reviews, one decimal; null before the first review. */
  averageTotal: number | null;
  /** The best possible total for the criteria scored. */
  maxTotal: number;
  /** Average score per criterion, one decimal. */
  byCriterion: Record<string, number>;
};

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Summarises the reviews of one nomination over `criterionIds` (the criteria it was nominated on). */
export function summariseReviews(reviews: ReadonlyArray<ReviewScores>, criterionIds: readonly string[]): RubricSummary {
  const byCriterion: Record<string, number> = {};
  for (const id of criterionIds) {
    const scores = reviews.flatMap((review) => review.scores.filter((s) => s.criterionId === id).map((s) => s.score));
    if (scores.length) byCriterion[id] = oneDecimal(scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  const totals = reviews.map((review) => rubricTotal(review.scores.filter((s) => criterionIds.includes(s.criterionId))));
  return {
    reviews: reviews.length,
    averageTotal: totals.length ? oneDecimal(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
    maxTotal: criterionIds.length * SCORE_MAX,
    byCriterion,
  };
}
