import { NOMINATION_STATES } from "./model";
import { acceptsReviews, canTransition, isOpen } from "./state";

describe("nomination state machine", () => {
  it.each([
    ["submitted", "in_review", true],
    ["submitted", "approved", false],
    ["submitted", "declined", false],
    ["in_review", "approved", true],
    ["in_review", "declined", true],
    ["in_review", "submitted", false],
    ["approved", "declined", false],
    ["approved", "in_review", false],
    ["declined", "approved", false],
    ["declined", "in_review", false],
    ["nonsense", "in_review", false],
  ] as const)("%s → %s is %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it("leaves no way out of a decision", () => {
    for (const from of ["approved", "declined"]) {
      expect(NOMINATION_STATES.filter((to) => canTransition(from, to))).toEqual([]);
    }
  });

  it("is open, and takes reviews, only until decided", () => {
    expect(NOMINATION_STATES.filter(isOpen)).toEqual(["submitted", "in_review"]);
    expect(NOMINATION_STATES.filter(acceptsReviews)).toEqual(["submitted", "in_review"]);
  });
});
