import { db } from "~/db.server";
import { articleMeta } from "../../tests/content-factories";
import { useTestCatalog } from "../../tests/catalog-fixture";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { createGroupAsStaff } from "~/groups/groups.server";
import {
  accountRecommendations,
  answerContentRecommendation,
  MAX_RECIPIENTS,
  myRecommendations,
  recommendContent,
  recommendGroup,
} from "./recommendations.server";

let cleanup: () => void;
let misaki: { id: string; role: string };
let sakura: { id: string };
let other: { id: string };
let aya: { id: string; role: string };
let kenji: { id: string; role: string };
let haruka: { id: string; role: string };
let outsider: { id: string; role: string };

const ONBOARDING = "ja/first-30-days";
const CHAMPIONS_ONLY = "ja/champion-secrets";

beforeAll(async () => {
  cleanup = useTestCatalog([
    articleMeta({ slug: "first-30-days", locale: "ja", title: "はじめの30日" }),
    articleMeta({ slug: "champion-secrets", locale: "ja", title: "チャンピオンの秘訣", visibility: "champions" }),
  ]);
  misaki = await upsertUser({ email: "misaki@vendor.test", name: "佐藤 美咲", role: "cs" });
  sakura = await upsertAccount({ name: "さくらコマース", domains: ["sakura.test"] });
  other = await upsertAccount({ name: "北斗", domains: ["hokuto.test"] });
  aya = await upsertUser({ email: "aya@sakura.test", name: "伊藤 彩", accountId: sakura.id });
  kenji = await upsertUser({ email: "kenji@sakura.test", name: "鈴木 健司", accountId: sakura.id });
  haruka = await upsertUser({ email: "haruka@sakura.test", name: "田中 遥", accountId: sakura.id });
  outsider = await upsertUser({ email: "takuya@hokuto.test", name: "山本 拓也", accountId: other.id });
  await db.championTerm.create({ data: { userId: haruka.id, cohort: 2026, startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2099-01-01T00:00:00Z") } });
});
afterAll(() => cleanup());

const stored = () => db.contentRecommendation.count();
const touches = () => db.engagementEvent.findMany({ where: { type: "cs.recommended" }, orderBy: { occurredAt: "asc" } });

describe("sending content recommendations", () => {
  it("is for staff only", async () => {
    const before = await stored();
    const result = await recommendContent(aya, { accountId: sakura.id, articleId: ONBOARDING, memberIds: [kenji.id], note: "" });
    expect(result).toMatchObject({ ok: false, status: 403, key: "workspace.error.staffOnly" });
    expect(await stored()).toBe(before);
  });

  it("only reaches members of the account, and at least one of them", async () => {
    const before = await stored();
    const send = (memberIds: string[]) => recommendContent(misaki, { accountId: sakura.id, articleId: ONBOARDING, memberIds, note: "" });
    expect(await send([aya.id, outsider.id])).toMatchObject({ ok: false, status: 400, field: "memberIds", key: "workspace.recommend.error.notMember" });
    expect(await send([misaki.id])).toMatchObject({ ok: false, key: "workspace.recommend.error.notMember" });
    expect(await send(["no-such-person"])).toMatchObject({ ok: false, key: "workspace.recommend.error.notMember" });
    expect(await send([])).toMatchObject({ ok: false, status: 400, key: "workspace.recommend.error.noMembers" });
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `id-${i}`);
    expect(await send(many)).toMatchObject({ ok: false, key: "workspace.recommend.error.tooMany", params: { max: MAX_RECIPIENTS } });
    expect(await stored()).toBe(before);
  });

  it("refuses an article that is not in the library", async () => {
    const result = await recommendContent(misaki, { accountId: sakura.id, articleId: "ja/nope", memberIds: [aya.id], note: "" });
    expect(result).toMatchObject({ ok: false, field: "articleId", key: "workspace.recommend.error.article" });
  });

  it("sends champions-only articles to current champions only", async () => {
    const refused = await recommendContent(misaki, { accountId: sakura.id, articleId: CHAMPIONS_ONLY, memberIds: [haruka.id, aya.id], note: "" });
    expect(refused).toMatchObject({ ok: false, status: 409, key: "workspace.recommend.error.visibility", params: { names: "伊藤 彩" } });
    expect(await db.contentRecommendation.count({ where: { articleId: CHAMPIONS_ONLY } })).toBe(0);
    expect(await recommendContent(misaki, { accountId: sakura.id, articleId: CHAMPIONS_ONLY, memberIds: [haruka.id], note: "" })).toEqual({ ok: true, sent: 1 });
  });

  it("stores one recommendation per person and logs each as a CS touch on the account", async () => {
    const at = new Date("2026-05-01T01:00:00Z");
    const result = await recommendContent(misaki, { accountId: sakura.id, articleId: ONBOARDING, memberIds: [aya.id, kenji.id, aya.id], note: "まずはこちらから" }, at);
    expect(result).toEqual({ ok: true, sent: 2 });
    const rows = await db.contentRecommendation.findMany({ where: { articleId: ONBOARDING }, orderBy: { toUserId: "asc" } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ byUserId: misaki.id, accountId: sakura.id, note: "まずはこちらから", openedAt: null, dismissedAt: null });
    const events = (await touches()).filter((e) => e.subjectId === ONBOARDING);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({ actorId: misaki.id, accountId: sakura.id, subjectType: "article", weight: 0 });
      expect([aya.id, kenji.id]).toContain(JSON.parse(event.metadata!).toUserId);
    }
  });

  it("lets a second sending bring back a dismissed recommendation, logged again", async () => {
    const mine = await myRecommendations(aya, "ja");
    const rec = mine.find((r) => r.article.id === ONBOARDING)!;
    await answerContentRecommendation(aya, rec.id, false);
    expect((await myRecommendations(aya, "ja")).map((r) => r.article.id)).not.toContain(ONBOARDING);
    await recommendContent(misaki, { accountId: sakura.id, articleId: ONBOARDING, memberIds: [aya.id], note: "" }, new Date("2026-05-02T01:00:00Z"));
    expect((await myRecommendations(aya, "ja")).map((r) => r.article.id)).toContain(ONBOARDING);
    expect(await db.contentRecommendation.count({ where: { articleId: ONBOARDING, toUserId: aya.id } })).toBe(1);
    expect((await touches()).filter((e) => e.subjectId === ONBOARDING)).toHaveLength(3);
  });
});

describe("what a member sees", () => {
  it("shows each member only their own open recommendations, with who sent them", async () => {
    const ayas = await myRecommendations(aya, "ja");
    expect(ayas.map((r) => r.article.title)).toEqual(["はじめの30日"]);
    expect(ayas[0]).toMatchObject({ by: "佐藤 美咲", article: { href: "/learn/ja/first-30-days" } });
    expect((await myRecommendations(outsider, "ja"))).toEqual([]);
    expect((await myRecommendations(haruka, "ja")).map((r) => r.article.id)).toEqual([CHAMPIONS_ONLY]);
  });

  it("never lets anyone else open or dismiss a member's recommendation", async () => {
    const rec = (await myRecommendations(kenji, "ja"))[0]!;
    expect(await answerContentRecommendation(aya, rec.id, true)).toEqual({ ok: false, status: 404 });
    expect(await answerContentRecommendation(misaki, rec.id, false)).toEqual({ ok: false, status: 404 });
    expect(await answerContentRecommendation(kenji, "missing", true)).toEqual({ ok: false, status: 404 });
    expect(await db.contentRecommendation.findUnique({ where: { id: rec.id } })).toMatchObject({ openedAt: null, dismissedAt: null });
  });

  it("records opening once and then stops showing it", async () => {
    const rec = (await myRecommendations(kenji, "ja"))[0]!;
    const first = new Date("2026-05-03T00:00:00Z");
    expect(await answerContentRecommendation(kenji, rec.id, true, first)).toEqual({ ok: true, href: "/learn/ja/first-30-days" });
    await answerContentRecommendation(kenji, rec.id, true, new Date("2026-05-04T00:00:00Z"));
    expect((await db.contentRecommendation.findUnique({ where: { id: rec.id } }))?.openedAt).toEqual(first);
    expect(await myRecommendations(kenji, "ja")).toEqual([]);
  });

  it("hides a champions-only recommendation once the person is no longer a champion", async () => {
    await db.championTerm.updateMany({ where: { userId: haruka.id }, data: { revokedAt: new Date() } });
    expect(await myRecommendations(haruka, "ja")).toEqual([]);
  });

  it("lists what was sent on the account page with where each one stands", async () => {
    const { content } = await accountRecommendations(sakura.id);
    const byPerson = Object.fromEntries(content.filter((r) => r.title === "はじめの30日").map((r) => [r.to.name, r]));
    expect(byPerson["鈴木 健司"]).toMatchObject({ by: "佐藤 美咲", openedAt: "2026-05-03T00:00:00.000Z", dismissedAt: null });
    expect(byPerson["伊藤 彩"]).toMatchObject({ openedAt: null, dismissedAt: null, note: "" });
    expect(content.every((r) => r.to.name !== "山本 拓也")).toBe(true);
  });
});

describe("group recommendations", () => {
  it("reuse the study-group suggestion, for members of the account and active groups only", async () => {
    const group = await createGroupAsStaff(misaki, {
      name: "スコアリング初級の会",
      challenge: "営業がスコアを使わない",
      description: "説明",
      level: "beginner",
      topics: ["lead-scoring"],
      capacityPeople: 10,
      capacityCompanies: 5,
      visibility: "open",
    });
    expect(await recommendGroup(aya, { accountId: sakura.id, groupId: group.id, memberIds: [kenji.id], note: "" })).toMatchObject({ ok: false, status: 403 });
    expect(await recommendGroup(misaki, { accountId: sakura.id, groupId: group.id, memberIds: [outsider.id], note: "" })).toMatchObject({ ok: false, key: "workspace.recommend.error.notMember" });
    expect(await recommendGroup(misaki, { accountId: sakura.id, groupId: "nope", memberIds: [aya.id], note: "" })).toMatchObject({ ok: false, status: 409, field: "groupId" });
    expect(await recommendGroup(misaki, { accountId: sakura.id, groupId: group.id, memberIds: [aya.id, kenji.id], note: "一緒にどうぞ" })).toEqual({ ok: true, sent: 2 });
    const rows = await db.groupRecommendation.findMany({ where: { groupId: group.id } });
    expect(rows.map((r) => r.userId).sort()).toEqual([aya.id, kenji.id].sort());
    expect(rows.every((r) => r.recommendedById === misaki.id && r.note === "一緒にどうぞ")).toBe(true);
    expect((await touches()).filter((e) => e.subjectType === "group" && e.subjectId === group.id)).toHaveLength(2);
    const { groups } = await accountRecommendations(sakura.id);
    expect(groups.map((g) => g.to.name).sort()).toEqual(["伊藤 彩", "鈴木 健司"]);
    await db.studyGroup.update({ where: { id: group.id }, data: { state: "archived" } });
    expect(await recommendGroup(misaki, { accountId: sakura.id, groupId: group.id, memberIds: [aya.id], note: "" })).toMatchObject({ ok: false, key: "workspace.recommendGroup.error.group" });
  });
});
