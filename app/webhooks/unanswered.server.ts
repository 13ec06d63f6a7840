// question.unanswered: a periodic check (run by the background jobs and scripts/deliver-webhooks.ts)
// that announces each open question still without an answer N hours after it was asked, once.
import { db } from "~/db.server";
import { env } from "~/env.server";
import { questionHref } from "~/qa/model";
import { enqueueWebhookEvent } from "./enqueue.server";

const HOUR_MS = 60 * 60_000;
/** Questions that crossed the threshold longer ago than this are history, not news (e.g. on first start). */
const LOOKBACK_MS = 7 * 24 * HOUR_MS;

export function unansweredDedupeKey(questionId: string) {
  return `question.unanswered:${questionId}`;
}

export async function announceUnansweredQuestions(options: { hours?: number; now?: Date } = {}): Promise<number> {
  const hours = options.hours ?? env.QUESTION_UNANSWERED_HOURS;
  const now = options.now ?? new Date();
  const threshold = new Date(now.getTime() - hours * HOUR_MS);
  const questions = await db.question.findMany({
    where: { state: "open", answerCount: 0, createdAt: { lte: threshold, gte: new Date(threshold.getTime() - LOOKBACK_MS) } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, title: true, createdAt: true, accountId: true, tags: { select: { tag: { select: { name: true } } } } },
  });
  if (!questions.length) return 0;
  const announced = new Set(
    (await db.webhookEvent.findMany({ where: { dedupeKey: { in: questions.map((q) => unansweredDedupeKey(q.id)) } }, select: { dedupeKey: true } })).map((e) => e.dedupeKey),
  );
  const fresh = questions.filter((q) => !announced.has(unansweredDedupeKey(q.id)));
  const accountIds = [...new Set(fresh.map((q) => q.accountId).filter((id): id is string => id !== null))];
  const accounts = new Map((await db.account.findMany({ where: { id: { in: accountIds } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  const base = env.APP_URL?.replace(/\/$/, "") ?? "";
  let count = 0;
  for (const question of fresh) {
    const queued = await enqueueWebhookEvent(
      "question.unanswered",
      {
        questionId: question.id,
        title: question.title,
        url: `${base}${questionHref(question.id)}`,
        tags: question.tags.map((t) => t.tag.name),
        askedAt: question.createdAt.toISOString(),
        hoursUnanswered: Math.floor((now.getTime() - question.createdAt.getTime()) / HOUR_MS),
        accountId: question.accountId,
        accountName: question.accountId ? (accounts.get(question.accountId) ?? null) : null,
      },
      { dedupeKey: unansweredDedupeKey(question.id), now },
    );
    if (queued) count += 1;
  }
  return count;
}
