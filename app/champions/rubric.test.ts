import { isValidScore, rubricTotal, summariseReviews } from "./rubric";

describe("rubric scores", () => {
  it("accepts whole scores from 1 to 5 only", () => {
    expect([1, 2, 3, 4, 5].every(isValidScore)).toBe(true);
    expect([0, 6, -1, 2.5, Number.NaN, 100].some(isValidScore)).toBe(false);
  });

  it("totals one review as the sum of its scores", () => {
    expect(rubricTotal([{ score: 4 }, { score: 5 }, { score: 3 }])).toBe(12);
    expect(rubricTotal([])).toBe(0);
  });

  it("averages totals and each criterion over the reviews, against the best possible total", () => {
    const summary = summariseReviews(
      [
        { scores: [{ criterionId: "a", score: 5 }, { criterionId: "b", score: 4 }, { criterionId: "c", score: 3 }] },
        { scores: [{ criterionId: "a", score: 4 }, { criterionId: "b", score: 4 }, { criterionId: "c", score: 2 }] },
      ],
      ["a", "b", "c"],
    );
    expect(summary).toEqual({ reviews: 2, averageTotal: 11, maxTotal: 15, byCriterion: { a: 4.5, b: 4, c: 2.5 } });
  });

  it("rounds averages to one decimal", () => {
    const summary = summariseReviews(
      [{ scores: [{ criterionId: "a", score: 5 }] }, { scores: [{ criterionId: "a", score: 4 }] }, { scores: [{ criterionId: "a", score: 4 }] }],
      ["a"],
    );
    expect(summary.averageTotal).toBe(4.3);
    expect(summary.byCriterion.a).toBe(4.3);
  });

  it("counts only the nomination's criteria, and has no average before the first review", () => {
    const empty = summariseReviews([], ["a", "b"]);
    expect(empty).toEqual({ reviews: 0, averageTotal: null, maxTotal: 10, byCriterion: {} });
    const stray = summariseReviews([{ scores: [{ criterionId: "a", score: 3 }, { criterionId: "retired", score: 5 }] }], ["a"]);
    expect(stray.averageTotal).toBe(3);
    expect(stray.maxTotal).toBe(5);
  });
});
