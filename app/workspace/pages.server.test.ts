// The data behind the account and member pages: daily activity in the viewer's time zone, the
// timeline, the members table and the member's learning, groups, Q&A and champion record.
import { db } from "~/db.server";
import { EVENT_TYPES } from "~/engagement/events";
import { en, ja } from "~/i18n/messages";
import { articleMeta } from "../../tests/content-factories";
import { useTestCatalog } from "../../tests/catalog-fixture";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { membersWithActivity } from "./account.server";
import { dailyActivity } from "./activity.server";
import { safeTimeZone } from "~/utils/zone-clock";
import { lastLocalDays } from "./days";
import { championTerms, lastActiveAt, memberLearning, memberQa, tierProgress } from "./member.server";
import { loadTimeline, TIMELINE_PAGE_SIZE, timelineFilterFromUrl } from "./timeline.server";

let cleanup: () => void;
let account: { id: string };
let aya: { id: string };
let kenji: { id: string };
let staff: { id: string };

let seq = 0;
async function event(actorId: string | null, at: string, type = "content.viewed", extra: { subjectType?: string; subjectId?: string; metadata?: string } = {}) {
  seq += 1;
  return db.engagementEvent.create({
    data: {
      type,
      actorId,
      accountId: account.id,
      subjectType: extra.subjectType ?? "article",
      subjectId: extra.subjectId ?? "ja/first-30-days",
      metadata: extra.metadata ?? null,
      occurredAt: new Date(at),
      idempotencyKey: `test:${seq}`,
    },
  });
}

beforeAll(async () => {
  cleanup = useTestCatalog(
    [
      articleMeta({ slug: "first-30-days", locale: "ja", title: "はじめの30日", tier: "beginner" }),
      articleMeta({ slug: "lead-scoring-basics", locale: "ja", title: "リードスコアリング入門", tier: "beginner" }),
      articleMeta({ slug: "scoring-model-design", locale: "ja", title: "スコア設計", tier: "advanced" }),
      articleMeta({ slug: "first-30-days", locale: "en", title: "Your first 30 days", tier: "beginner" }),
    ],
    [{ id: "ja/onboarding", slug: "onboarding", locale: "ja", title: "はじめの30日", description: "", tier: "beginner", translationKey: null, items: ["ja/first-30-days", "ja/lead-scoring-basics"] }],
  );
  account = await upsertAccount({ name: "さくらコマース", domains: ["sakura.test"] });
  aya = await upsertUser({ email: "aya@sakura.test", name: "伊藤 彩", accountId: account.id });
  kenji = await upsertUser({ email: "kenji@sakura.test", name: "鈴木 健司", accountId: account.id });
  staff = await upsertUser({ email: "misaki@vendor.test", name: "佐藤 美咲", role: "cs" });
});
afterAll(() => cleanup());

describe("local days", () => {
  it("are calendar days in the viewer's zone, oldest first", () => {
    const days = lastLocalDays(3, "Asia/Tokyo", new Date("2026-06-15T16:30:00Z")); // 01:30 on 16 June in Tokyo
    expect(days.map((d) => d.day)).toEqual(["2026-06-14", "2026-06-15", "2026-06-16"]);
    expect(days[2]!.start.toISOString()).toBe("2026-06-15T15:00:00.000Z");
    expect(days[2]!.end.toISOString()).toBe("2026-06-16T15:00:00.000Z");
  });

  it("follow daylight saving: the spring-forward day has 23 hours", () => {
    const days = lastLocalDays(3, "America/New_York", new Date("2026-03-09T12:00:00Z"));
    expect(days.map((d) => d.day)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    const [, springForward, after] = days;
    expect(springForward!.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(springForward!.end.getTime() - springForward!.start.getTime()).toBe(23 * 3_600_000);
    expect(after!.start.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("fall back to Tokyo for a zone that does not exist", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("Asia/Tokyo");
    expect(safeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(safeTimeZone(null)).toBe("Asia/Tokyo");
  });
});

describe("daily activity", () => {
  it("counts events and distinct people per local day, leaving out staff touches", async () => {
    await event(aya.id, "2026-06-14T14:59:00Z"); // 23:59 on the 14th in Tokyo
    await event(aya.id, "2026-06-14T15:00:00Z"); // 00:00 on the 15th in Tokyo
    await event(aya.id, "2026-06-15T03:00:00Z");
    await event(kenji.id, "2026-06-15T04:00:00Z");
    await event(staff.id, "2026-06-15T05:00:00Z", "cs.recommended", { metadata: JSON.stringify({ toUserId: aya.id }) });
    const days = lastLocalDays(3, "Asia/Tokyo", new Date("2026-06-16T03:00:00Z"));
    const activity = await dailyActivity({ accountId: account.id }, days);
    expect(activity).toEqual({ days: ["2026-06-14", "2026-06-15", "2026-06-16"], events: [1, 3, 0], people: [1, 2, 0] });
    const ayaOnly = await dailyActivity({ actorId: aya.id }, days);
    expect(ayaOnly.events).toEqual([1, 2, 0]);
    // The same instants in UTC days.
    expect((await dailyActivity({ accountId: account.id }, lastLocalDays(3, "UTC", new Date("2026-06-16T03:00:00Z")))).events).toEqual([2, 2, 0]);
  });
});

describe("timeline", () => {
  it("reads its filter from the URL", () => {
    expect(timelineFilterFromUrl(new URL("http://x/?type=qa.asked&tpage=2"))).toEqual({ type: "qa.asked", page: 2 });
    expect(timelineFilterFromUrl(new URL("http://x/?type=constructor&tpage=-1"))).toEqual({ type: null, page: 1 });
  });

  it("lists newest first with subjects, people and the recipient of staff touches", async () => {
    const timeline = await loadTimeline({ accountId: account.id }, { type: null, page: 1 });
    expect(timeline.total).toBe(5);
    expect(timeline.entries[0]).toMatchObject({
      type: "cs.recommended",
      actor: { name: "佐藤 美咲", role: "cs" },
      recipient: { id: aya.id, name: "伊藤 彩" },
      subject: { label: "はじめの30日", href: "/learn/ja/first-30-days" },
    });
    expect(timeline.entries.map((e) => e.occurredAt)).toEqual([...timeline.entries.map((e) => e.occurredAt)].sort().reverse());
  });

  it("filters by type, pages 20 at a time and resolves questions and groups", async () => {
    const question = await db.question.create({ data: { authorId: kenji.id, accountId: account.id, title: "スコアの閾値は？", body: "b", bodyHtml: "<p>b</p>" } });
    for (let i = 0; i < TIMELINE_PAGE_SIZE + 2; i++) {
      await event(kenji.id, `2026-05-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`, "qa.asked", { subjectType: "question", subjectId: question.id });
    }
    const first = await loadTimeline({ accountId: account.id }, { type: "qa.asked", page: 1 });
    expect(first).toMatchObject({ total: TIMELINE_PAGE_SIZE + 2, pages: 2, page: 1, type: "qa.asked" });
    expect(first.entries).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first.entries[0]!.subject).toEqual({ label: "スコアの閾値は？", href: `/questions/${question.id}` });
    expect((await loadTimeline({ accountId: account.id }, { type: "qa.asked", page: 5 })).entries).toHaveLength(2);
    expect((await loadTimeline({ actorId: aya.id }, { type: null, page: 1 })).total).toBe(3);
  });

  it("has a label in both languages for every event type", () => {
    for (const type of Object.keys(EVENT_TYPES)) {
      expect(en, type).toHaveProperty([`workspace.event.${type}`]);
      expect(ja, type).toHaveProperty([`workspace.event.${type}`]);
    }
  });
});

describe("members table", () => {
  it("shows each person's last activity, 90-day events and champion badge", async () => {
    await db.championTerm.create({ data: { userId: kenji.id, cohort: 2026, startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2027-01-01T00:00:00Z") } });
    await event(aya.id, "2026-01-01T00:00:00Z"); // older than 90 days
    const rows = await membersWithActivity(account.id, new Date("2026-06-16T00:00:00Z"));
    expect(rows.map((r) => r.name)).toEqual(["伊藤 彩", "鈴木 健司"]);
    expect(rows[0]).toMatchObject({ lastActiveAt: "2026-06-15T03:00:00.000Z", events90: 3, champion: false });
    expect(rows[1]).toMatchObject({ lastActiveAt: "2026-06-15T04:00:00.000Z", events90: 1 + TIMELINE_PAGE_SIZE + 2, champion: true });
    expect(await lastActiveAt(kenji.id)).toBe("2026-06-15T04:00:00.000Z");
  });
});

describe("member page", () => {
  it("counts completions per tier without ever exceeding the total", () => {
    const tiers = tierProgress(new Set(["ja/first-30-days", "en/first-30-days"]), "ja");
    expect(tiers).toEqual([
      { tier: "beginner", done: 2, total: 3 },
      { tier: "intermediate", done: 0, total: 0 },
      { tier: "advanced", done: 0, total: 1 },
    ]);
  });

  it("shows learning paths and recent completions", async () => {
    await db.contentCompletion.create({ data: { userId: aya.id, articleId: "ja/first-30-days", completedAt: new Date("2026-06-01T00:00:00Z"), via: "video" } });
    const learning = await memberLearning(aya.id, "ja");
    expect(learning.paths).toEqual([{ id: "ja/onboarding", title: "はじめの30日", progress: expect.objectContaining({ done: 1, total: 2 }) }]);
    expect(learning.recent).toEqual([expect.objectContaining({ title: "はじめの30日", via: "video", tier: "beginner" })]);
  });

  it("sums up questions, answers and accepted answers", async () => {
    const question = await db.question.create({ data: { authorId: aya.id, title: "初歩的な質問", body: "b", bodyHtml: "b" } });
    const answer = await db.answer.create({ data: { questionId: question.id, authorId: kenji.id, body: "a", bodyHtml: "a" } });
    await db.answer.create({ data: { questionId: question.id, authorId: kenji.id, body: "a2", bodyHtml: "a2" } });
    await db.question.update({ where: { id: question.id }, data: { acceptedAnswerId: answer.id } });
    expect(await memberQa(kenji.id)).toMatchObject({ answerCount: 2, acceptedCount: 1, questionCount: 1 });
    expect((await memberQa(aya.id)).questions.map((q) => q.title)).toEqual(["初歩的な質問"]);
  });

  it("tells the current champion cohort apart from past or revoked terms", async () => {
    await db.championTerm.create({ data: { userId: aya.id, cohort: 2025, startsAt: new Date("2025-01-01T00:00:00Z"), endsAt: new Date("2026-01-01T00:00:00Z") } });
    expect((await championTerms(aya.id, new Date("2026-06-16T00:00:00Z"))).current).toBeNull();
    expect((await championTerms(kenji.id, new Date("2026-06-16T00:00:00Z"))).current).toEqual({ cohort: 2026 });
    await db.championTerm.updateMany({ where: { userId: kenji.id }, data: { revokedAt: new Date("2026-03-01T00:00:00Z") } });
    const revoked = await championTerms(kenji.id, new Date("2026-06-16T00:00:00Z"));
    expect(revoked.current).toBeNull();
    expect(revoked.terms[0]!.revokedAt).toBe("2026-03-01T00:00:00.000Z");
  });
});
