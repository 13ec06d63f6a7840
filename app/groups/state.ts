// The life of a study group. Members propose, staff decide; only active groups take members,
// meetings and posts; archived groups stay readable as a record.
import type { GroupState } from "./model";

const TRANSITIONS: Record<GroupState, readonly GroupState[]> = {
  proposed: ["active", "declined"],
  active: ["archived"],
  declined: [],
  archived: ["active"],
};

export function canTransition(from: string, to: GroupState): boolean {
  return (TRANSITIONS[from as GroupState] ?? []).includes(to);
}

export function acceptsMembers(state: string): boolean {
  return state === "active";
}
