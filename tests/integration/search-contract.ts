// The behaviour every search backend must have, run against each of them (search-embedded.test.ts,
// search-meilisearch.test.ts). Data goes in through the real write paths (Q&A, groups, champion
// profiles, reviews and revocations) and a real content build; searches go through the public
// search module, as the pages use it. Champion terms are written directly (a term is history).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { company, member as championMember, staffer, term } from "../champion-factories";
import { upsertUser, uniqueEmail } from "../factories";
import { saveChampionProfile } from "~/champions/directory.server";
import { nominate } from "~/champions/nominations.server";
import { listCriteria } from "~/champions/program.server";
import { decide, saveReview } from "~/champions/review.server";
import { revokeTerm } from "~/champions/terms.server";
import { buildContent } from "~/content/build.server";
import { db } from "~/db.server";
import { createGroupAsStaff, proposeGroup, setGroupArchived, type GroupInput } from "~/groups/groups.server";
import { postAnswer, toggleAccept, type Person } from "~/qa/answers.server";
import { moderateAnswer, moderateQuestion } from "~/qa/moderation.server";
import { askQuestion, deleteQuestion, editQuestion } from "~/qa/questions.server";
import { flushIndexing } from "~/search/indexing.server";
import { NO_FILTERS, type SearchFilters, type SearchResults } from "~/search/model";
import { search, type SearchViewer } from "~/search/search.server";

type Backend = SearchResults["backend"];

function article(fields: Record<string, string>, body: string) {
  const front = { tier: "beginner", kind: "concept", topics: "[lead-scoring]", phase: "onboarding", locale: "ja", minutes: "5", visibility: "public", published: "2026-04-10", summary: "要約です。", ...fields };
  return `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${body}\n`;
}

const ARTICLES: Record<string, string> = {
  "ja/scoring-basics.mdx": article({ slug: "scoring-basics", title: "スコアリングの基本" }, "## はじめに\n\n行動と属性に点数を付けます。"),
  "ja/sales-handoff.mdx": article(
    { slug: "sales-handoff", title: "営業チームとの連携を始める", topics: "[community]", summary: "営業と話す前に。" },
    "営業に渡す前のスコアリングが大切です。Hibiki の画面で確認します。",
  ),
  "ja/lifecycle-overview.mdx": article({ slug: "lifecycle-overview", title: "ライフサイクルの全体像", topics: "[lifecycle]" }, "導入から定着までの流れ。"),
  "ja/lifecycle-deep-dive.mdx": article(
    { slug: "lifecycle-deep-dive", title: "メンバー限定：ライフサイクル設計の深掘り", topics: "[lifecycle]", visibility: "members", tier: "advanced" },
    "段階ごとの指標を置きます。",
  ),
  "ja/champion-guide.mdx": article(
    { slug: "champion-guide", title: "チャンピオン向け：勉強会の運営ガイド", topics: "[community]", visibility: "champions" },
    "運営の手順をまとめました。",
  ),
  "en/onboarding-checklist.mdx": article(
    { slug: "onboarding-checklist", title: "Onboarding checklist for new admins", locale: "en", summary: "Before the kickoff." },
    "Ten steps for the first week with Hibiki.",
  ),
  "en/first-webinar.mdx": article(
    { slug: "first-webinar", title: "Running your first webinar", locale: "en", topics: "[community]", tier: "intermediate", summary: "Plan, invite, follow up." },
    "Keep a checklist of the invitations and the follow-up emails.",
  ),
};

const groupInput = (name: string, challenge: string): GroupInput => ({
  name,
  challenge,
  description: `${challenge}について、毎月話し合います。`,
  level: "beginner",
  topics: ["community"],
  capacityPeople: 12,
  capacityCompanies: 6,
  visibility: "open",
});

export function defineSearchContract(backend: Backend, hooks: { beforeAll?: () => Promise<void>; afterAll?: () => Promise<void> } = {}) {
  const ids = {} as Record<"groupQuestion" | "webinar" | "hiddenAnswerQuestion" | "hidden" | "edited" | "deleted" | "escaped" | "group" | "archived" | "proposed", string>;
  let contentRoot = "";
  let member: SearchViewer;
  let champion: SearchViewer;
  let staffViewer: SearchViewer;
  let asker: Person;
  let answerer: Person;
  let staff: Person;
  const champions = {} as Record<"english" | "japanese" | "unlisted" | "alumnus" | "upcoming", string>;

  async function find(query: string, viewer: SearchViewer = null, filters: Partial<SearchFilters> = {}, page = 1, pageSize = 20) {
    const results = await search({ query, filters: { ...NO_FILTERS, ...filters }, page, pageSize }, viewer);
    expect(results.backend).toBe(backend);
    return results;
  }
  const idsOf = (results: SearchResults) => results.hits.map((hit) => hit.id);

  beforeAll(async () => {
    contentRoot = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-search-content-"));
    const contentDir = path.join(contentRoot, "content");
    for (const [file, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(contentDir, "articles", file)), { recursive: true });
      fs.writeFileSync(path.join(contentDir, "articles", file), text);
    }
    fs.writeFileSync(
      path.join(contentDir, "topics.yml"),
      "lead-scoring: { ja: リードスコアリング, en: Lead scoring }\nlifecycle: { ja: ライフサイクル, en: Lifecycle }\ncommunity: { ja: コミュニティ, en: Community }\n",
    );
    process.env.CONTENT_CACHE_DIR = path.join(contentRoot, "cache");
    await buildContent({ contentDir, outDir: process.env.CONTENT_CACHE_DIR });
    await hooks.beforeAll?.();

    const person = async (name: string, role: "member" | "cs" = "member") => ({ ...(await upsertUser({ email: uniqueEmail(), name, role })), name });
    asker = await person("質問する人");
    answerer = await person("答える人");
    staff = await person("スタッフ", "cs");
    member = { id: asker.id, role: "member", isChampion: false };
    champion = { id: answerer.id, role: "member", isChampion: true };
    staffViewer = { id: staff.id, role: "cs", isChampion: false };

    const ask = async (title: string, body = "詳しく教えてください。", tags: string[] = [], beginner = false) =>
      (await askQuestion(asker, { title, body, tags, beginner })).id;
    const answer = async (questionId: string, body: string) => {
      const result = await postAnswer(answerer, questionId, body, "http://localhost");
      if (!result.ok) throw new Error(result.error);
      return result.answerId;
    };

    ids.groupQuestion = await ask("分科会の進め方を教えてください", "初めて参加します。", ["groups"], true);
    expect(await toggleAccept(asker, await answer(ids.groupQuestion, "毎月テーマを決めて話します。"), "http://localhost")).toBe("ok");
    ids.webinar = await ask("How do you nurture webinar leads?", "We send one email after the webinar. Our Hibiki setup is simple.", ["lead-scoring"]);
    await answer(ids.webinar, "Check your deliverability first, then send a short series.");
    ids.hiddenAnswerQuestion = await ask("回答を隠す質問の例");
    const hiddenAnswer = await answer(ids.hiddenAnswerQuestion, "カワウソの話は関係ありません。");
    expect(await moderateAnswer(staff, hiddenAnswer, "hide")).toBe("ok");
    ids.hidden = await ask("フクロウの飼い方についての質問");
    expect(await moderateQuestion(staff, ids.hidden, "hide")).toBe("ok");
    ids.edited = await ask("古いタイトルのキリンの質問");
    expect(await editQuestion(asker, ids.edited, { title: "新しいタイトルのゼブラの質問", body: "本文", tags: [], beginner: false })).toBe("ok");
    ids.deleted = await ask("消される予定のペンギンの質問");
    expect(await deleteQuestion(asker, ids.deleted)).toBe("ok");
    ids.escaped = await ask("<b>タグ</b>を含むタイトル escapecheck");
    for (let i = 1; i <= 12; i++) await ask(`ページングテスト その${i}`);

    ids.group = (await createGroupAsStaff(staff, groupInput("メール施策分科会", "開封率を上げたい"))).id;
    ids.archived = (await createGroupAsStaff(staff, groupInput("アーカイブ予定のイルカ分科会", "イルカの話"))).id;
    expect(await setGroupArchived(ids.archived, true)).toBe("ok");
    ids.proposed = (await proposeGroup(asker, groupInput("提案中のラッコ分科会", "ラッコの話"))).id;

    // Champions: two in the public directory, and three who are not (unlisted, term over, term not started).
    const acme = await company();
    const day = 24 * 60 * 60 * 1000;
    const at = (days: number) => new Date(Date.now() + days * day).toISOString();
    const year = new Date().getUTCFullYear();
    const addChampion = async (key: keyof typeof champions, name: string, from: number, to: number, profile: Parameters<typeof saveChampionProfile>[1]) => {
      champions[key] = (await championMember(acme.id, name)).id;
      await term(champions[key], year - 1, at(from), at(to));
      expect(await saveChampionProfile(champions[key], profile)).toBe("ok");
    };
    await addChampion("english", "Olivia Bennett", -30, 300, { listed: true, bio: "Ask me about zeppelin-sized nurture programs.", topics: ["community"], languages: ["en", "ja"] });
    await addChampion("japanese", "高橋 美咲", -30, 300, { listed: true, bio: "展示会フォローのメール配信が得意です。", topics: ["lifecycle"], languages: ["ja"] });
    await addChampion("unlisted", "非掲載 さん", -30, 300, { listed: false, bio: "ペリカンの観察が趣味です。", topics: [], languages: ["ja"] });
    await addChampion("alumnus", "卒業 さん", -400, -30, { listed: true, bio: "アルパカ牧場の集客を担当しました。", topics: [], languages: ["ja"] });
    await addChampion("upcoming", "予定 さん", 30, 400, { listed: true, bio: "カピバラ温泉の会員施策を担当しています。", topics: [], languages: ["ja"] });
    await flushIndexing();
  }, 120_000);

  afterAll(async () => {
    await hooks.afterAll?.();
    fs.rmSync(contentRoot, { recursive: true, force: true });
    delete process.env.CONTENT_CACHE_DIR;
  });

  describe(`search contract (${backend})`, () => {
    it("ranks a title match above a body match", async () => {
      const ja = idsOf(await find("スコアリング"));
      expect(ja).toContain("article:ja/sales-handoff");
      expect(ja.indexOf("article:ja/scoring-basics")).toBe(0);
      const en = idsOf(await find("checklist"));
      expect(en.slice(0, 2)).toEqual(["article:en/onboarding-checklist", "article:en/first-webinar"]);
    });

    it("finds Japanese words: スコアリング, 分科会, ライフサイクル", async () => {
      expect(idsOf(await find("スコアリング"))).toContain("article:ja/scoring-basics");
      const groups = idsOf(await find("分科会"));
      expect(groups).toEqual(expect.arrayContaining([`group:${ids.group}`, `question:${ids.groupQuestion}`]));
      expect(idsOf(await find("ライフサイクル"))).toContain("article:ja/lifecycle-overview");
      // Two characters are below the trigram size and still find something.
      expect(idsOf(await find("分科"))).toContain(`group:${ids.group}`);
    });

    it("matches English prefixes as they are typed", async () => {
      expect(idsOf(await find("onboa"))).toContain("article:en/onboarding-checklist");
      const webin = idsOf(await find("webin"));
      expect(webin).toEqual(expect.arrayContaining(["article:en/first-webinar", `question:${ids.webinar}`]));
      // Answers' text is part of their question.
      expect(idsOf(await find("deliverab"))).toEqual([`question:${ids.webinar}`]);
    });

    it("filters by type, language, level, tag and state, and counts per type", async () => {
      const all = await find("webinar");
      expect(all.counts).toMatchObject({ article: 1, question: 1, group: 0 });
      const questions = await find("webinar", null, { type: "question" });
      expect(idsOf(questions)).toEqual([`question:${ids.webinar}`]);
      expect(questions.counts).toMatchObject({ article: 1, question: 1 });
      expect(questions.total).toBe(1);

      expect(idsOf(await find("hibiki", null, { locale: "en" })).sort()).toEqual(["article:en/onboarding-checklist", `question:${ids.webinar}`].sort());
      expect(idsOf(await find("hibiki", null, { locale: "ja" }))).toEqual(["article:ja/sales-handoff"]);
      expect(idsOf(await find("ライフサイクル", member, { tier: "advanced" }))).toEqual(["article:ja/lifecycle-deep-dive"]);
      expect(idsOf(await find("webinar", null, { tag: "lead-scoring" }))).toEqual([`question:${ids.webinar}`]);
      expect(idsOf(await find("webinar", null, { tag: "community" }))).toEqual(["article:en/first-webinar"]);
      expect(idsOf(await find("分科会", null, { state: "answered" }))).toEqual([`question:${ids.groupQuestion}`]);
      expect(idsOf(await find("分科会", null, { tier: "beginner", type: "question" }))).toEqual([`question:${ids.groupQuestion}`]);
    });

    it("never shows content to someone who may not open it", async () => {
      const visitor = await find("ライフサイクル");
      expect(idsOf(visitor)).not.toContain("article:ja/lifecycle-deep-dive");
      expect(visitor.counts.article).toBe(1);
      const forMember = await find("ライフサイクル", member);
      expect(idsOf(forMember)).toContain("article:ja/lifecycle-deep-dive");
      expect(forMember.counts.article).toBe(2);

      expect(idsOf(await find("運営ガイド"))).toEqual([]);
      expect(idsOf(await find("運営ガイド", member))).toEqual([]);
      expect(idsOf(await find("運営ガイド", champion))).toEqual(["article:ja/champion-guide"]);
      expect(idsOf(await find("運営ガイド", staffViewer))).toEqual(["article:ja/champion-guide"]);
      // Short queries take another path through the index: the same rules hold there.
      expect(idsOf(await find("設計"))).toEqual([]);
      expect(idsOf(await find("設計", member))).toEqual(["article:ja/lifecycle-deep-dive"]);
    });

    it("never returns hidden questions, hidden answers, proposals or archived groups, to anyone", async () => {
      for (const viewer of [null, member, staffViewer]) {
        expect(idsOf(await find("フクロウ", viewer))).toEqual([]);
        expect(idsOf(await find("カワウソ", viewer))).toEqual([]);
        expect(idsOf(await find("ラッコ", viewer))).toEqual([]);
        expect(idsOf(await find("イルカ", viewer))).toEqual([]);
      }
      expect(idsOf(await find("回答を隠す質問"))).toEqual([`question:${ids.hiddenAnswerQuestion}`]);
    });

    it("reflects edits, deletes, moderation and state changes", async () => {
      expect(idsOf(await find("ゼブラ"))).toEqual([`question:${ids.edited}`]);
      expect(idsOf(await find("キリン"))).toEqual([]);
      expect(idsOf(await find("ペンギン"))).toEqual([]);

      expect(await moderateQuestion(staff, ids.hidden, "restore")).toBe("ok");
      expect(await setGroupArchived(ids.archived, false)).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("フクロウ"))).toEqual([`question:${ids.hidden}`]);
      expect(idsOf(await find("イルカ"))).toEqual([`group:${ids.archived}`]);

      expect(await moderateQuestion(staff, ids.hidden, "hide")).toBe("ok");
      expect(await setGroupArchived(ids.archived, true)).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("フクロウ"))).toEqual([]);
      expect(idsOf(await find("イルカ"))).toEqual([]);
    });

    it("follows the content build: new articles, visibility changes and removals", async () => {
      const file = path.join(contentRoot, "content", "articles", "ja", "platypus.mdx");
      const rebuild = async (text: string | null) => {
        if (text === null) fs.rmSync(file);
        else fs.writeFileSync(file, text);
        await buildContent({ contentDir: path.join(contentRoot, "content"), outDir: process.env.CONTENT_CACHE_DIR! });
        // The catalog notices a new build within a second outside production.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
      };
      await rebuild(article({ slug: "platypus", title: "カモノハシの記事" }, "本文です。"));
      expect(idsOf(await find("カモノハシ"))).toEqual(["article:ja/platypus"]);
      await rebuild(article({ slug: "platypus", title: "カモノハシの記事", visibility: "members" }, "本文です。"));
      expect(idsOf(await find("カモノハシ"))).toEqual([]);
      expect(idsOf(await find("カモノハシ", member))).toEqual(["article:ja/platypus"]);
      await rebuild(null);
      expect(idsOf(await find("カモノハシ", member))).toEqual([]);
    });

    it("finds a champion in the public directory by a word of their bio, name or expertise", async () => {
      const english = await find("zeppelin");
      expect(idsOf(english)).toEqual([`champion:${champions.english}`]);
      expect(english.hits[0]).toMatchObject({ type: "champion", title: "Olivia Bennett", url: `/champions/${champions.english}`, locale: "en", tags: ["community"] });
      expect(english.counts.champion).toBe(1);
      const japanese = await find("展示会", member);
      expect(idsOf(japanese)).toEqual([`champion:${champions.japanese}`]);
      expect(japanese.hits[0]).toMatchObject({ title: "高橋 美咲", locale: "ja", tags: ["lifecycle"] });
      expect(idsOf(await find("メール配信", null, { type: "champion", locale: "ja" }))).toEqual([`champion:${champions.japanese}`]);
      expect(idsOf(await find("bennett"))).toEqual([`champion:${champions.english}`]);
      expect(idsOf(await find("ライフサイクル", null, { type: "champion", tag: "lifecycle" }))).toEqual([`champion:${champions.japanese}`]);
    });

    it("never returns people the public champion directory does not list, to anyone", async () => {
      for (const viewer of [null, member, champion, staffViewer]) {
        expect(idsOf(await find("ペリカン", viewer))).toEqual([]);
        expect(idsOf(await find("アルパカ", viewer))).toEqual([]);
        expect(idsOf(await find("カピバラ", viewer))).toEqual([]);
        expect((await find("さん", viewer, { type: "champion" })).hits).toEqual([]);
      }
    });

    it("follows champions opting out and in, revocation, approval and terms ending", async () => {
      expect(await saveChampionProfile(champions.english, { listed: false, bio: "Ask me about zeppelin-sized nurture programs.", topics: ["community"], languages: ["en"] })).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("zeppelin"))).toEqual([]);
      expect(await saveChampionProfile(champions.english, { listed: true, bio: "Now I talk about dirigible launches.", topics: ["community"], languages: ["en"] })).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("zeppelin"))).toEqual([]);
      expect(idsOf(await find("dirigible"))).toEqual([`champion:${champions.english}`]);

      const admin = await staffer("admin");
      const current = await db.championTerm.findFirstOrThrow({ where: { userId: champions.japanese } });
      expect(await revokeTerm(admin, current.id, "本人の希望")).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("展示会"))).toEqual([]);

      // The alumnus is approved for this year's cohort: listed again from the decision on.
      const criteria = await listCriteria();
      const nomination = await nominate(await staffer("cs"), { nomineeId: champions.alumnus, evidence: Object.fromEntries(criteria.map((c) => [c.id, { text: "根拠", links: [] }])) }, { tierOf: () => null });
      if (!nomination.ok) throw new Error(nomination.error);
      expect(await saveReview(admin, nomination.nominationId, { scores: Object.fromEntries(criteria.map((c) => [c.id, 4])), comment: "" })).toBe("ok");
      expect(await decide(admin, nomination.nominationId, { decision: "approve", reason: "" }, "http://localhost")).toBe("ok");
      await flushIndexing();
      expect(idsOf(await find("アルパカ"))).toEqual([`champion:${champions.alumnus}`]);

      // A term reaching its end is no write anyone makes: the index may still hold them, search must not show them.
      await db.championTerm.updateMany({ where: { userId: champions.english }, data: { endsAt: new Date(Date.now() - 1000) } });
      const ended = await find("dirigible");
      expect(idsOf(ended)).toEqual([]);
      expect(ended.total).toBe(0);
      expect(ended.counts.champion ?? 0).toBe(0);
    });

    it("highlights matches in escaped HTML", async () => {
      const [hit] = (await find("escapecheck")).hits;
      expect(hit?.titleHtml).toContain("&lt;b&gt;タグ&lt;/b&gt;");
      expect(hit?.titleHtml).toContain("<mark>escapecheck</mark>");
      const [body] = (await find("deliverability")).hits;
      expect(body?.snippetHtml).toMatch(/<mark>deliverability<\/mark>/i);
      for (const html of [hit!.titleHtml, hit!.snippetHtml, body!.snippetHtml]) expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    });

    it("pages through results", async () => {
      const first = await find("ページングテスト", null, {}, 1, 5);
      const third = await find("ページングテスト", null, {}, 3, 5);
      expect(first.total).toBe(12);
      expect(first.pages).toBe(3);
      expect(first.hits).toHaveLength(5);
      expect(third.hits).toHaveLength(2);
      const second = await find("ページングテスト", null, {}, 2, 5);
      expect(new Set([...idsOf(first), ...idsOf(second), ...idsOf(third)]).size).toBe(12);
      expect((await find("ページングテスト", null, {}, 40, 5)).hits).toEqual([]);
    });

    it("answers empty, huge and syntax-laden queries without failing", async () => {
      expect((await find("")).hits).toEqual([]);
      expect((await find("   ")).total).toBe(0);
      for (const query of [
        "x".repeat(2000),
        "スコアリング".repeat(400),
        '"lead',
        'lead" OR "x',
        "NEAR(lead score)",
        "lead NEAR/2 score",
        "lead*",
        "*",
        "-lead",
        "(lead",
        "lead)",
        "^lead",
        "title:lead",
        "{title}: lead",
        "AND OR NOT",
        "%_\\'",
        "<script>alert(1)</script>",
      ]) {
        const results = await find(query);
        expect(results.page).toBe(1);
        for (const hit of results.hits) expect(hit.titleHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
      }
      expect(idsOf(await find('"webinar" -"leads" (nurture)'))).toContain(`question:${ids.webinar}`);
    });
  });
}
