// The learning record against a real (per-file) database: idempotent events, completions,
// video credit and the champion rule behind champions-only content.
import { articleMeta } from "../../tests/content-factories";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { isActiveChampion } from "~/champions/status.server";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import {
  completedArticleIds,
  markArticleComplete,
  recentlyViewedArticleIds,
  recordArticleView,
  reportVideoWatch,
  unmarkArticleComplete,
  viewerFor,
} from "./learning.server";
import type { ArticleMeta } from "./model";

function article(slug: string, extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return articleMeta({ slug, locale: "ja", ...extra });
}

async function learner() {
  const account = await upsertAccount({ name: "学習株式会社", domains: [`learn-${Date.now()}-${Math.random().toString(36).slice(2)}.example`] });
  const user = await upsertUser({ email: uniqueEmail(), name: "学習 太郎", accountId: account.id });
  return { ...user, accountId: account.id };
}

const events = (actorId: string, type?: string) => db.engagementEvent.findMany({ where: { actorId, ...(type ? { type } : {}) } });

describe("engagement events", () => {
  it("records an event once per idempotency key and attributes it to the account", async () => {
    const user = await learner();
    const input = { type: "content.completed" as const, actor: user, subjectType: "article", subjectId: "ja/a", idempotencyKey: `k-${user.id}` };
    expect(await recordEngagement(input)).toBe(true);
    expect(await recordEngagement(input)).toBe(false);
    const rows = await events(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ accountId: user.accountId, weight: 3, source: "app", subjectId: "ja/a" });
  });

  it("counts a refresh of the same article on the same day once, and a visit the next day again", async () => {
    const user = await learner();
    const day = new Date("2026-11-20T09:00:00Z");
    await recordArticleView(user, article("a"), day);
    await recordArticleView(user, article("a"), new Date("2026-11-20T18:00:00Z"));
    expect(await events(user.id, "content.viewed")).toHaveLength(1);
    await recordArticleView(user, article("a"), new Date("2026-11-21T09:00:00Z"));
    expect(await events(user.id, "content.viewed")).toHaveLength(2);
    expect(await recentlyViewedArticleIds(user.id)).toEqual(["ja/a"]);
  });
});

describe("completions", () => {
  it("completes once, records one event, and can be undone without touching the log", async () => {
    const user = await learner();
    expect(await markArticleComplete(user, article("a"))).toBe(true);
    expect(await markArticleComplete(user, article("a"))).toBe(false);
    expect(await completedArticleIds(user.id)).toEqual(new Set(["ja/a"]));
    expect(await events(user.id, "content.completed")).toHaveLength(1);

    await unmarkArticleComplete(user.id, "ja/a");
    expect(await completedArticleIds(user.id)).toEqual(new Set());
    expect(await events(user.id, "content.completed")).toHaveLength(1);
  });
});

describe("video watching", () => {
  const withVideo = article("video", { video: { url: "/content-media/v.webm", seconds: 20 } });

  it("credits honest viewing and completes the article at 80 %", async () => {
    const user = await learner();
    const t0 = new Date("2026-11-20T09:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await reportVideoWatch(user, withVideo, [], t0)).toEqual({ ok: true, percent: 0, completed: false });
    expect(await reportVideoWatch(user, withVideo, [[0, 10]], at(10))).toEqual({ ok: true, percent: 50, completed: false });
    expect(await events(user.id, "video.watched")).toHaveLength(0);
    expect(await reportVideoWatch(user, withVideo, [[10, 16]], at(16))).toEqual({ ok: true, percent: 80, completed: true });
    expect(await events(user.id, "video.watched")).toHaveLength(1);
    expect(await completedArticleIds(user.id)).toEqual(new Set(["ja/video"]));
    // Watching on does not add a second event.
    await reportVideoWatch(user, withVideo, [[16, 20]], at(20));
    expect(await events(user.id, "video.watched")).toHaveLength(1);
  });

  it("refuses a forged 'watched it all' report and stores nothing for it", async () => {
    const user = await learner();
    const t0 = new Date("2026-11-20T09:00:00Z");
    await reportVideoWatch(user, withVideo, [], t0);
    const forged = await reportVideoWatch(user, withVideo, [[0, 20]], new Date(t0.getTime() + 1000));
    expect(forged).toEqual({ ok: false, reason: "implausible" });
    const progress = await db.videoProgress.findUniqueOrThrow({ where: { userId_articleId: { userId: user.id, articleId: "ja/video" } } });
    expect(progress.watchedSeconds).toBe(0);
    expect(await completedArticleIds(user.id)).toEqual(new Set());
  });

  it("refuses reports for an article without a video", async () => {
    const user = await learner();
    expect(await reportVideoWatch(user, article("plain"), [[0, 1]])).toEqual({ ok: false, reason: "no-video" });
  });
});

describe("champion status", () => {
  it("is true only inside an unrevoked term", async () => {
    const user = await learner();
    const now = new Date("2026-06-01T00:00:00Z");
    expect(await isActiveChampion(user.id, now)).toBe(false);
    const term = await db.championTerm.create({
      data: { userId: user.id, cohort: 2026, startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2027-01-01T00:00:00Z") },
    });
    expect(await isActiveChampion(user.id, now)).toBe(true);
    expect(await viewerFor({ ...user, role: "member" })).toEqual({ role: "member", isChampion: true });
    expect(await isActiveChampion(user.id, new Date("2027-01-02T00:00:00Z"))).toBe(false);
    await db.championTerm.update({ where: { id: term.id }, data: { revokedAt: now } });
    expect(await isActiveChampion(user.id, now)).toBe(false);
  });

  it("knows a visitor is nobody", async () => {
    expect(await viewerFor(null)).toBeNull();
  });
});

