// The life of a nomination: submitted → in review → approved | declined. Decisions are final; a
// declined nominee can be put forward again in a later cohort (a new nomination).
import { OPEN_STATES, type NominationState } from "./model";

const TRANSITIONS: Record<NominationState, readonly NominationState[]> = {
  submitted: ["in_review"],
  in_review: ["approved", "declined"],
  approved: [],
  declined: [],
};

export function canTransition(from: string, to: NominationState): boolean {
  return (TRANSITIONS[from as NominationState] ?? []).includes(to);
}

export function isOpen(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/** Reviewers may score while a nomination is open; the first review moves it into review. */
export function acceptsReviews(state: string): boolean {
  return isOpen(state);
}
