// The ask page's "similar questions", answered by the search index.
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { moderateQuestion } from "~/qa/moderation.server";
import { askQuestion } from "~/qa/questions.server";
import { findSimilarQuestions } from "./search.server";

describe("findSimilarQuestions", () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const asker = await upsertUser({ email: uniqueEmail(), name: "質問者" });
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
    const found = (await findSimilarQuestions("開封率が低下した時のチェックポイント")).map((q) => q.id);
    expect(found).toContain(ids.openRate);
    expect(found).not.toContain(ids.unrelated);
    expect((await findSimilarQuestions("スコアの減衰ルールを設定したい")).map((q) => q.id)).toContain(ids.decay);
  });

  it("finds an English question from other words", async () => {
    const found = await findSimilarQuestions("Lead score decay settings");
    expect(found.map((q) => q.id)).toContain(ids.english);
    expect(found[0]).toEqual({ id: ids.english, title: "How do you set up lead score decay in Hibiki?", answerCount: 0, state: "open" });
  });

  it("never returns hidden questions", async () => {
    const found = (await findSimilarQuestions("メール開封率が急に下がった原因")).map((q) => q.id);
    expect(found).toContain(ids.openRate);
    expect(found).not.toContain(ids.hidden);
  });

  it("returns nothing for titles with nothing to match and respects the limit", async () => {
    expect(await findSimilarQuestions("これは？")).toEqual([]);
    expect(await findSimilarQuestions("まったく関係のない話題について")).toEqual([]);
    expect((await findSimilarQuestions("メール開封率 リードスコア 減衰 設定", 1)).length).toBeLessThanOrEqual(1);
  });
});
