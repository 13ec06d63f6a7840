// Writes to the append-only engagement log. Every feature records through here so the rules
// (account attribution, default weights, idempotency) live in one place.
import { db, isUniqueViolation } from "~/db.server";
import { EVENT_TYPES, type EventType } from "./events";

export type EngagementInput = {
  type: EventType;
  actor: { id: string; accountId: string | null };
  subjectType: string;
  subjectId: string;
  idempotencyKey: string;
  occurredAt?: Date;
  weight?: number;
  source?: "app" | "api" | "import" | "seed";
  metadata?: Record<string, unknown>;
};

/** Records one event; returns false when an event with the same key was already recorded. */
export async function recordEngagement(input: EngagementInput): Promise<boolean> {
  // Most repeats (a refreshed page) are caught by this cheap indexed read; the unique key below
  // still settles a race between two simultaneous requests.
  const seen = await db.engagementEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (seen) return false;
  try {
    await db.engagementEvent.create({
      data: {
        type: input.type,
        actorId: input.actor.id,
        accountId: input.actor.accountId,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        idempotencyKey: input.idempotencyKey,
        occurredAt: input.occurredAt ?? new Date(),
        weight: input.weight ?? EVENT_TYPES[input.type].weight,
        source: input.source ?? "app",
        metadata: input.metadata ? JSON.stringify(input.metadata) : null,
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
