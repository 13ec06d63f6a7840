// What a question's state allows. Accepting an answer moves open ↔ answered; staff lock (no new
// answers, votes or accepting) and hide (gone for members); restoring returns to open or
// answered depending on whether an answer is accepted.
import type { QuestionState } from "./model";

export function stateAfterRestore(hasAcceptedAnswer: boolean): QuestionState {
  return hasAcceptedAnswer ? "answered" : "open";
}

/** Answers, votes and accepting are possible only while the question is open or answered. */
export function isInteractive(state: string): boolean {
  return state === "open" || state === "answered";
}

export function isVisibleToMembers(state: string): boolean {
  return state !== "hidden";
}

const MODERATION: Record<"lock" | "hide" | "restore", (state: string) => boolean> = {
  lock: (state) => state === "open" || state === "answered",
  hide: (state) => state !== "hidden",
  restore: (state) => state === "locked" || state === "hidden",
};

export function canModerate(action: "lock" | "hide" | "restore", state: string): boolean {
  return MODERATION[action](state);
}
