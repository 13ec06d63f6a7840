import { QUESTION_STATES } from "./model";
import { canModerate, isInteractive, isVisibleToMembers, stateAfterRestore } from "./state";

describe("question states", () => {
  // Which moderation action is allowed from which state.
  const TABLE: Record<"lock" | "hide" | "restore", Record<(typeof QUESTION_STATES)[number], boolean>> = {
    lock: { open: true, answered: true, locked: false, hidden: false },
    hide: { open: true, answered: true, locked: true, hidden: false },
    restore: { open: false, answered: false, locked: true, hidden: true },
  };

  it.each(QUESTION_STATES.flatMap((state) => (["lock", "hide", "restore"] as const).map((action) => [action, state] as const)))(
    "%s from %s",
    (action, state) => {
      expect(canModerate(action, state)).toBe(TABLE[action][state]);
    },
  );

  it("restores to answered when an answer is accepted, otherwise to open", () => {
    expect(stateAfterRestore(true)).toBe("answered");
    expect(stateAfterRestore(false)).toBe("open");
  });

  it("allows answers, votes and accepting only on open and answered questions", () => {
    expect(QUESTION_STATES.filter(isInteractive)).toEqual(["open", "answered"]);
    expect(isInteractive("something-else")).toBe(false);
  });

  it("hides only hidden questions from members", () => {
    expect(QUESTION_STATES.filter(isVisibleToMembers)).toEqual(["open", "answered", "locked"]);
  });
});
