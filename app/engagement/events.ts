// The kinds of engagement Kizuna records, shared by writers and (later) the scoring engine.
// Weights say how much one event says about engagement; scoring may re-weight them.

export const EVENT_TYPES = {
  "content.viewed": { weight: 1 },
  "content.completed": { weight: 3 },
  "video.watched": { weight: 3 },
  "group.joined": { weight: 3 },
  "group.left": { weight: 0 },
  "group.rsvp": { weight: 1 },
  "group.attended": { weight: 5 },
  "group.posted": { weight: 2 },
  "group.meeting_led": { weight: 8 },
  "qa.asked": { weight: 2 },
  "qa.answered": { weight: 4 },
  "qa.accepted": { weight: 1 },
  "qa.answer_accepted": { weight: 6 },
  "qa.voted": { weight: 0.5 },
  "qa.vote_received": { weight: 1 },
  // Champion events are about the nominee (the actor), so they count for the nominee's account.
  "champion.nominated": { weight: 5 },
  "champion.endorsed": { weight: 2 },
  "champion.became": { weight: 15 },
  "champion.renewed": { weight: 10 },
  // cs.* are touches by the vendor's staff (the actor), attributed to the customer account they
  // were aimed at. They are not the customer's own engagement, hence no weight.
  "cs.recommended": { weight: 0 },
  // Sent in from outside through POST /api/v1/events (app/api/events.server.ts).
  "product.login": { weight: 1 },
  "product.feature_used": { weight: 1 },
  "product.milestone": { weight: 5 },
  "seminar.attended": { weight: 4 },
  "cs.meeting": { weight: 3 },
} as const;

/** Event types that record what staff did for an account rather than what its people did. */
export const STAFF_TOUCH_PREFIX = "cs.";

export type EventType = keyof typeof EVENT_TYPES;

/** The types other systems may send; the rest are Kizuna's own and only its features write them. */
export const API_EVENT_TYPES = ["product.login", "product.feature_used", "product.milestone", "seminar.attended", "cs.meeting"] as const satisfies readonly EventType[];
export type ApiEventType = (typeof API_EVENT_TYPES)[number];

/** Keys that make repeats of the same touch collapse into one event. */
export const idempotencyKeys = {
  /** One view per person, article and calendar day (UTC): refreshing does not count again. */
  contentViewed: (userId: string, articleId: string, at: Date) =>
    `content.viewed:${userId}:${articleId}:${at.toISOString().slice(0, 10)}`,
  contentCompleted: (userId: string, articleId: string) => `content.completed:${userId}:${articleId}`,
  videoWatched: (userId: string, articleId: string) => `video.watched:${userId}:${articleId}`,
  championNominated: (nominationId: string) => `champion.nominated:${nominationId}`,
  championEndorsed: (nominationId: string, endorserId: string) => `champion.endorsed:${nominationId}:${endorserId}`,
  /** became or renewed: one per term, whichever it was. */
  championTerm: (type: "champion.became" | "champion.renewed", termId: string) => `${type}:${termId}`,
};
