import { upsertUser, uniqueEmail } from "../../tests/factories";
import { moderateQuestion } from "./moderation.server";
import { askQuestion } from "./questions.server";
import { searchTerms, similarQuestions } from "./similar.server";

describe("searchTerms", () => {
  it("cuts Japanese into overlapping two-character pieces, leaving out pure hiragana", () => {
    const terms = searchTerms("メールの開封率が下がったときに見直すことは？");
    expect(terms).toEqual(expect.arrayContaining(["メー", "開封", "封率", "見直"]));
    for (const term of terms) {
      expect(term).toHaveLength(2);
      expect(term).not.toMatch(/^[\p{Script=Hiragana}]+$/u);
    }
    expect(terms).not.toContain("たと");
    expect(searchTerms("リードスコアの減衰はどう設定していますか？")).toEqual(expect.arrayContaining(["スコ", "減衰", "設定"]));
  });

  it("keeps English words of three letters or more, lower-cased, without stop words", () => {
    expect(searchTerms("How do I set up Lead Score decay?")).toEqual(["set", "lead", "score", "decay"]);
    expect(searchTerms("What is the best way to import a CSV?")).toEqual(["best", "way", "import", "csv"]);
  });

  it("reads full-width letters as ordinary ones and mixes both scripts", () => {
    expect(searchTerms("ＣＳＶインポート")).toEqual(expect.arrayContaining(["csv", "イン", "ポー"]));
  });

  it("gives nothing to search for in particles, punctuation or single characters", () => {
    expect(searchTerms("これは？")).toEqual([]);
    expect(searchTerms("a to of")).toEqual([]);
    expect(searchTerms("？！")).toEqual([]);
  });

  it("stops at twelve terms", () => {
    expect(searchTerms("リードスコアリングとナーチャリングメールとセールスアラートの設計").length).toBeLessThanOrEqual(12);
  });
});

describe("similarQuestions", () => {
  let asker: { id: string; accountId: string | null; role: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const user = await upsertUser({ email: uniqueEmail(), name: "質問者" });
    asker = user;
    const ask = async (title: string) => (await askQuestion(asker, { title, body: "本文", tags: [], beginner: false })).id;
    ids.decay = await ask("リードスコアの減衰はどう設定していますか？");
    ids.openRate = await ask("メールの開封率が下がったときに見直すことは？");
    ids.english = await ask("How do you set up lead score decay in Hibiki?");
    ids.unrelated = await ask("展示会の名刺データを取り込む手順");
    ids.hidden = await ask("メール開封率が急に下がった原因を知りたい");
    const staff = await upsertUser({ email: uniqueEmail(), name: "スタッフ", role: "cs" });
    expect(await moderateQuestion(staff, ids.hidden, "hide")).toBe("ok");
  });

  it("finds a Japanese question from a differently worded title", async () => {
    const found = (await similarQuestions("開封率が低下した時のチェックポイント")).map((q) => q.id);
    expect(found).toContain(ids.openRate);
    expect(found).not.toContain(ids.unrelated);
    expect((await similarQuestions("スコアの減衰ルールを設定したい")).map((q) => q.id)).toContain(ids.decay);
  });

  it("finds an English question from other words", async () => {
    const found = await similarQuestions("Lead score decay settings");
    expect(found.map((q) => q.id)).toContain(ids.english);
    expect(found[0]).toEqual({ id: ids.english, title: "How do you set up lead score decay in Hibiki?", answerCount: 0, state: "open" });
  });

  it("never returns hidden questions", async () => {
    const found = (await similarQuestions("メール開封率が急に下がった原因")).map((q) => q.id);
    expect(found).toContain(ids.openRate);
    expect(found).not.toContain(ids.hidden);
  });

  it("returns nothing for titles with nothing to match and respects the limit", async () => {
    expect(await similarQuestions("これは？")).toEqual([]);
    expect(await similarQuestions("まったく関係のない話題について")).toEqual([]);
    expect((await similarQuestions("メール開封率 リードスコア 減衰 設定", 1)).length).toBeLessThanOrEqual(1);
  });
});
