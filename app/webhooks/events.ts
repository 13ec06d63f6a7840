// The events other systems can subscribe to, and the data each one carries. A delivery's body is
// {"id","type","createdAt","data"} with `data` shaped as below (README → Webhooks).
// Who emits them, through enqueueWebhookEvent() (app/webhooks/enqueue.server.ts), and the dedupe
// key that makes a re-run queue nothing twice:
//   question.unanswered  app/webhooks/unanswered.server.ts (periodic check)   question.unanswered:<questionId>
//   health.band_changed  the scoring run, app/webhooks/band-changes.server.ts    band:<accountId>:<day>:<band>
//   alert.created        raiseAlerts(), app/alerts/alerts.server.ts              alert:<alertId>
//   stage.changed        changeStage(), app/lifecycle/stages.server.ts          stage:<stageChangeId>
//   champion.approved    decide(), app/champions/review.server.ts               champion:<nominationId>
// Each is queued in the transaction that records the change. The first three may come in bulk
// from a scoring run: it asks once per run whether any endpoint subscribes and does nothing if not.
export const WEBHOOK_EVENT_TYPES = ["health.band_changed", "alert.created", "champion.approved", "stage.changed", "question.unanswered"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

type AccountRef = { accountId: string; accountName: string };

/** Keep in step with the payload tables in README.md → Webhooks. */
export type WebhookPayloads = {
  /** from/to: green | yellow | red. An account's first score is not a change. */
  "health.band_changed": AccountRef & { from: string; to: string; score: number; previousScore: number; changedAt: string };
  /** kind: the rule (band_dropped, score_fell, no_activity, champion_inactive, unanswered_question); message and nextAction in English. */
  "alert.created": AccountRef & { alertId: string; kind: string; severity: string; message: string; nextAction: string; ownerId: string | null; createdAt: string };
  "champion.approved": {
    userId: string;
    name: string;
    accountId: string | null;
    accountName: string | null;
    cohort: number;
    nominationId: string;
    termStartsAt: string;
    termEndsAt: string;
    approvedAt: string;
  };
  "stage.changed": AccountRef & { from: string; to: string; kind: "auto" | "override" | "admin"; reason: string; ownerId: string | null; changedAt: string };
  "question.unanswered": {
    questionId: string;
    title: string;
    url: string;
    tags: string[];
    askedAt: string;
    hoursUnanswered: number;
    accountId: string | null;
    accountName: string | null;
  };
};
