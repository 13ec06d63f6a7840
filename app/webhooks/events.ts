// The events other systems can subscribe to, and the data each one carries. A delivery's body is
// {"id","type","createdAt","data"} with `data` shaped as below (README → Webhooks).
// Who emits them, through enqueueWebhookEvent() (app/webhooks/enqueue.server.ts):
//   question.unanswered  app/webhooks/unanswered.server.ts (periodic check)
//   health.band_changed, alert.created, stage.changed  the scoring engine, when it records the change
//   champion.approved    the champion review, when a nomination is approved
export const WEBHOOK_EVENT_TYPES = ["health.band_changed", "alert.created", "champion.approved", "stage.changed", "question.unanswered"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

type AccountRef = { accountId: string; accountName: string };

export type WebhookPayloads = {
  "health.band_changed": AccountRef & { from: string; to: string; score: number; previousScore: number; changedAt: string };
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
