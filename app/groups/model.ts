// Study groups: the vocabulary shared by server and UI.
export const GROUP_STATES = ["proposed", "active", "declined", "archived"] as const;
export type GroupState = (typeof GROUP_STATES)[number];

export const GROUP_VISIBILITIES = ["open", "request"] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

export const MEMBERSHIP_STATUSES = ["active", "waitlisted", "requested", "left", "rejected"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const RSVP_RESPONSES = ["yes", "maybe", "no"] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** The source practice: groups of 5–6 companies. */
export const DEFAULT_CAPACITY = { people: 12, companies: 6 } as const;
export const CAPACITY_LIMITS = { people: 100, companies: 30 } as const;

export function groupHref(id: string): string {
  return `/groups/${id}`;
}
