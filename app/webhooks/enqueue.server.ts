// Puts an event on the webhook queue: one WebhookEvent row, plus one WebhookDelivery for each
// enabled endpoint subscribed to its type. Callers may pass their transaction, so the event is
// queued if and only if the change that caused it is committed.
import { db, isUniqueViolation } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { WebhookEventType, WebhookPayloads } from "./events";

export type EnqueueOptions = {
  /** The same key twice means the same happening: the second call queues nothing. */
  dedupeKey?: string;
  tx?: Prisma.TransactionClient;
  now?: Date;
  /**
   * The endpoints subscribed to this type, when the caller already looked them up once for a whole
   * run (subscribedEndpointIds). An empty list means nobody listens: nothing is written and no
   * query is made. A non-empty list is checked again inside the write, so an endpoint deleted
   * since then is simply left out.
   */
  endpointIds?: string[];
};

/** The subscription list is stored space-separated; this matches one whole type in it. */
function subscribedTo(type: string): Prisma.WebhookEndpointWhereInput {
  return { OR: [{ events: type }, { events: { startsWith: `${type} ` } }, { events: { endsWith: ` ${type}` } }, { events: { contains: ` ${type} ` } }] };
}

/**
 * The enabled endpoints that receive `type`. Jobs that may emit many events (the scoring run) ask
 * once and pass the answer to every enqueueWebhookEvent call; an empty list lets them skip the work.
 */
export async function subscribedEndpointIds(type: WebhookEventType, client: Pick<Prisma.TransactionClient, "webhookEndpoint"> = db): Promise<string[]> {
  return (await client.webhookEndpoint.findMany({ where: { disabledAt: null, ...subscribedTo(type) }, select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
}

export async function enqueueWebhookEvent<T extends WebhookEventType>(
  type: T,
  payload: WebhookPayloads[T],
  options: EnqueueOptions = {},
): Promise<{ eventId: string; deliveries: number } | null> {
  const now = options.now ?? new Date();
  if (options.endpointIds && options.endpointIds.length === 0) return null;
  const write = async (client: Prisma.TransactionClient) => {
    if (options.dedupeKey) {
      const seen = await client.webhookEvent.findUnique({ where: { dedupeKey: options.dedupeKey }, select: { id: true } });
      if (seen) return null;
    }
    const event = await client.webhookEvent.create({
      data: { type, payload: JSON.stringify(payload), dedupeKey: options.dedupeKey ?? null, createdAt: now },
      select: { id: true },
    });
    const endpoints = await subscribedEndpointIds(type, client);
    if (endpoints.length) {
      await client.webhookDelivery.createMany({ data: endpoints.map((endpointId) => ({ eventId: event.id, endpointId, nextAttemptAt: now, createdAt: now })) });
    }
    return { eventId: event.id, deliveries: endpoints.length };
  };
  try {
    return options.tx ? await write(options.tx) : await db.$transaction(write);
  } catch (error) {
    // Two processes noticed the same happening at once: the other one queued it.
    if (options.dedupeKey && isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The JSON a receiver gets; fixed when the event is queued, so every retry sends the same bytes. */
export function deliveryBody(event: { id: string; type: string; payload: string; createdAt: Date }): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"createdAt":${JSON.stringify(event.createdAt.toISOString())},"data":${event.payload}}`;
}
