// A person's learning record: views, completions and video watching, each also written to the
// engagement log. Completion rows answer "what has this person done"; the log answers "when and
// how much", for scoring.
import { isActiveChampion } from "~/champions/status.server";
import { db } from "~/db.server";
import { idempotencyKeys } from "~/engagement/events";
import { recordEngagement } from "~/engagement/record.server";
import type { ArticleMeta } from "./model";
import { applyWatchReport, COMPLETION_RATIO, emptyWatchState, type WatchRange } from "./video-progress";
import type { Viewer } from "./visibility";

export type Learner = { id: string; accountId: string | null; role: string };

export async function viewerFor(user: Learner | null): Promise<Viewer> {
  if (!user) return null;
  return { role: user.role, isChampion: await isActiveChampion(user.id) };
}

export async function recordArticleView(user: Learner, article: ArticleMeta, now = new Date()): Promise<void> {
  await recordEngagement({
    type: "content.viewed",
    actor: user,
    subjectType: "article",
    subjectId: article.id,
    idempotencyKey: idempotencyKeys.contentViewed(user.id, article.id, now),
    occurredAt: now,
    metadata: { tier: article.tier, locale: article.locale },
  });
}

/** Returns true when this call completed the article (false if it already was). */
export async function markArticleComplete(user: Learner, article: ArticleMeta, via: "manual" | "video" = "manual"): Promise<boolean> {
  const existing = await db.contentCompletion.findUnique({ where: { userId_articleId: { userId: user.id, articleId: article.id } } });
  if (!existing) {
    await db.contentCompletion.upsert({
      where: { userId_articleId: { userId: user.id, articleId: article.id } },
      create: { userId: user.id, articleId: article.id, via },
      update: {},
    });
  }
  // Recorded even for a re-completion: the key makes it a no-op, and it heals a missing event.
  await recordEngagement({
    type: "content.completed",
    actor: user,
    subjectType: "article",
    subjectId: article.id,
    idempotencyKey: idempotencyKeys.contentCompleted(user.id, article.id),
    metadata: { tier: article.tier, locale: article.locale, via },
  });
  return !existing;
}

/** Undo for a mis-click. The engagement log keeps its entry: it is append-only by design. */
export async function unmarkArticleComplete(userId: string, articleId: string): Promise<void> {
  await db.contentCompletion.deleteMany({ where: { userId, articleId } });
}

export async function completedArticleIds(userId: string): Promise<Set<string>> {
  return new Set((await completionDates(userId)).keys());
}

/** When each article was completed, by article id. */
export async function completionDates(userId: string): Promise<Map<string, Date>> {
  const rows = await db.contentCompletion.findMany({ where: { userId }, select: { articleId: true, completedAt: true } });
  return new Map(rows.map((r) => [r.articleId, r.completedAt]));
}

export async function completionsOf(userId: string) {
  return db.contentCompletion.findMany({
    where: { userId },
    orderBy: { completedAt: "desc" },
    select: { articleId: true, completedAt: true, via: true },
  });
}

/** Articles the person opened recently, newest first, each once. */
export async function recentlyViewedArticleIds(userId: string, limit = 10): Promise<string[]> {
  const rows = await db.engagementEvent.findMany({
    where: { actorId: userId, type: "content.viewed", subjectType: "article" },
    orderBy: { occurredAt: "desc" },
    take: 100,
    select: { subjectId: true },
  });
  return [...new Set(rows.map((r) => r.subjectId))].slice(0, limit);
}

export type VideoReportResult =
  | { ok: true; percent: number; completed: boolean }
  | { ok: false; reason: "no-video" | "bad-range" | "too-many-ranges" | "implausible" };

export async function reportVideoWatch(user: Learner, article: ArticleMeta, ranges: WatchRange[], now = new Date()): Promise<VideoReportResult> {
  const video = article.video;
  if (!video) return { ok: false, reason: "no-video" };
  const key = { userId_articleId: { userId: user.id, articleId: article.id } };
  // Read, judge and write in one transaction, so simultaneous reports cannot spend one allowance twice.
  const result = await db.$transaction(async (tx) => {
    const row = await tx.videoProgress.findUnique({ where: key });
    const state = row ? { mask: row.watchedMask, lastReportAt: row.lastReportAt, allowance: row.allowance } : emptyWatchState(video.seconds);
    const outcome = applyWatchReport(state, ranges, video.seconds, now);
    if (!outcome.ok) return outcome;
    const reachedCompletion = outcome.ratio >= COMPLETION_RATIO && !row?.completedAt;
    const fields = {
      watchedMask: outcome.state.mask,
      watchedSeconds: outcome.watchedSeconds,
      allowance: outcome.state.allowance,
      lastReportAt: now,
      ...(reachedCompletion ? { completedAt: now } : {}),
    };
    await tx.videoProgress.upsert({ where: key, create: { userId: user.id, articleId: article.id, ...fields }, update: fields });
    return { ...outcome, reachedCompletion, alreadyCompleted: Boolean(row?.completedAt) };
  });
  if (!result.ok) return result;
  if (result.reachedCompletion) {
    await recordEngagement({
      type: "video.watched",
      actor: user,
      subjectType: "article",
      subjectId: article.id,
      idempotencyKey: idempotencyKeys.videoWatched(user.id, article.id),
      occurredAt: now,
      metadata: { seconds: result.watchedSeconds, duration: video.seconds },
    });
    await markArticleComplete(user, article, "video");
  }
  return { ok: true, percent: Math.floor(result.ratio * 100), completed: result.alreadyCompleted || result.reachedCompletion };
}
