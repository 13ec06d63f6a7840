// POST /api/v1/events: batches of engagement events from other systems (the vendor's product,
// the webinar tool, the CRM). Each item gets its own result; a retried batch never counts twice
// because every item carries an idempotency key that becomes EngagementEvent.idempotencyKey.
import { z } from "zod";
import { API_EVENT_TYPES, EVENT_TYPES, type ApiEventType } from "~/engagement/events";
import { ApiError, issueDetails } from "./errors.server";
import { insertEvents, resolveAccounts, resolvePeople, type EventRow } from "./event-store.server";
import { accountRefSchema, personRefSchema } from "./refs.server";

export const MAX_EVENTS_PER_BATCH = 1_000;
const MAX_METADATA_CHARS = 4_000;
/** Clocks drift; an event more than a day ahead of ours is a client bug, not the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60_000;

/** Kizuna's own features write keys like "content.viewed:…"; API keys live in their own space. */
export function storedEventKey(clientKey: string): string {
  return `api:${clientKey}`;
}

const eventItemSchema = z
  .object({
    idempotencyKey: z.string().trim().min(1).max(200),
    type: z.string().trim().min(1).max(60),
    occurredAt: z.string().datetime({ offset: true }),
    person: personRefSchema.optional(),
    account: accountRefSchema.optional(),
    subject: z.object({ type: z.string().trim().min(1).max(50), id: z.string().trim().min(1).max(200) }).strict().optional(),
    metadata: z.record(z.unknown()).optional(),
  })
  .strict();

const batchSchema = z.object({ events: z.array(z.unknown()) }).strict();

export type ItemStatus = "accepted" | "duplicate" | "rejected";
export type EventResult = { index: number; idempotencyKey: string | null; status: ItemStatus; reason?: string; message?: string };
export type EventBatchResult = { accepted: number; duplicates: number; rejected: number; results: EventResult[] };

type Candidate = { index: number; key: string; row: EventRow & { type: ApiEventType } };

function rejected(index: number, key: string | null, reason: string, message: string): EventResult {
  return { index, idempotencyKey: key, status: "rejected", reason, message };
}

function keyOf(item: unknown): string | null {
  if (item && typeof item === "object" && "idempotencyKey" in item && typeof item.idempotencyKey === "string") return item.idempotencyKey.trim() || null;
  return null;
}

/** Validates, resolves and records a batch; throws ApiError for a malformed or oversized batch. */
export async function ingestEvents(body: unknown, now = new Date()): Promise<EventBatchResult> {
  const batch = batchSchema.safeParse(body);
  if (!batch.success) throw new ApiError("validation_failed", "The body must be an object with an `events` array.", issueDetails(batch.error.issues));
  const items = batch.data.events;
  if (items.length > MAX_EVENTS_PER_BATCH) {
    throw new ApiError("batch_too_large", `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${items.length}.`, { max: MAX_EVENTS_PER_BATCH, received: items.length });
  }
  if (items.length === 0) throw new ApiError("validation_failed", "The `events` array is empty.");

  const results: EventResult[] = new Array(items.length);
  const parsed: Array<{ index: number; item: z.infer<typeof eventItemSchema> }> = [];
  items.forEach((raw, index) => {
    const item = eventItemSchema.safeParse(raw);
    if (!item.success) {
      const [issue] = issueDetails(item.error.issues);
      results[index] = rejected(index, keyOf(raw), "invalid", issue ? `${issue.path || "event"}: ${issue.message}` : "Invalid event.");
      return;
    }
    const data = item.data;
    if (!(API_EVENT_TYPES as readonly string[]).includes(data.type)) {
      results[index] = rejected(index, data.idempotencyKey, "unknown_type", `Unknown event type "${data.type}"; accepted types: ${API_EVENT_TYPES.join(", ")}.`);
    } else if (new Date(data.occurredAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      results[index] = rejected(index, data.idempotencyKey, "occurred_in_future", "occurredAt is more than a day in the future.");
    } else if (data.metadata && JSON.stringify(data.metadata).length > MAX_METADATA_CHARS) {
      results[index] = rejected(index, data.idempotencyKey, "metadata_too_large", `metadata is larger than ${MAX_METADATA_CHARS} characters as JSON.`);
    } else if (!data.person && !data.account) {
      results[index] = rejected(index, data.idempotencyKey, "no_subject", "Name a person, an account, or both.");
    } else {
      parsed.push({ index, item: data });
    }
  });

  const personFor = await resolvePeople(parsed.flatMap((p) => (p.item.person ? [p.item.person] : [])));
  const accountFor = await resolveAccounts(parsed.flatMap((p) => (p.item.account ? [p.item.account] : [])));

  const candidates: Candidate[] = [];
  const seenInBatch = new Set<string>();
  for (const { index, item } of parsed) {
    const person = item.person ? personFor(item.person) : null;
    if (item.person && !person) {
      results[index] = rejected(index, item.idempotencyKey, "unknown_person", "No person matches this email or external id.");
      continue;
    }
    const explicitAccount = item.account ? accountFor(item.account) : null;
    if (item.account && !explicitAccount) {
      results[index] = rejected(index, item.idempotencyKey, "unknown_account", "No account matches this id, external id or domain.");
      continue;
    }
    const accountId = explicitAccount ?? person?.accountId ?? null;
    if (!accountId) {
      results[index] = rejected(index, item.idempotencyKey, "no_account", "The person belongs to no account; name the account.");
      continue;
    }
    const key = storedEventKey(item.idempotencyKey);
    if (seenInBatch.has(key)) {
      results[index] = { index, idempotencyKey: item.idempotencyKey, status: "duplicate" };
      continue;
    }
    seenInBatch.add(key);
    const type = item.type as ApiEventType;
    candidates.push({
      index,
      key: item.idempotencyKey,
      row: {
        id: timeOrderedId(),
        type,
        actorId: person?.id ?? null,
        accountId,
        subjectType: item.subject?.type ?? "product",
        subjectId: item.subject?.id ?? type,
        weight: EVENT_TYPES[type].weight,
        occurredAt: new Date(item.occurredAt),
        recordedAt: now,
        idempotencyKey: key,
        source: "api",
        metadata: item.metadata ? JSON.stringify(item.metadata) : null,
      },
    });
  }

  const duplicates = candidates.length ? await insertEvents(candidates.map((c) => c.row)) : new Set<string>();
  for (const candidate of candidates) {
    results[candidate.index] = { index: candidate.index, idempotencyKey: candidate.key, status: duplicates.has(candidate.row.idempotencyKey) ? "duplicate" : "accepted" };
  }
  const count = (status: ItemStatus) => results.filter((r) => r.status === status).length;
  return { accepted: count("accepted"), duplicates: count("duplicate"), rejected: count("rejected"), results };
}

let sequence = 0;

/**
 * A cuid-like id ("c" + time + counter + random): ids of one batch sort together, so the primary
 * key index grows at its end instead of taking 500 random page writes.
 */
function timeOrderedId(): string {
  sequence = (sequence + 1) % 1_679_616;
  return `c${Date.now().toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 13).padEnd(11, "0")}`;
}
