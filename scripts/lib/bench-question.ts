// A busy question for the question-page budget on the scale data set: 30 answers from scale
// members, a few hundred votes and an accepted answer, written through the Q&A core. Found by
// title, so it is made once per benchmark database.
import { db } from "~/db.server";
import { castVote, postAnswer, toggleAccept, type Person } from "~/qa/answers.server";
import { askQuestion } from "~/qa/questions.server";
import { withoutOutboxLog } from "./seed-qa";

export const BENCH_QUESTION_TITLE = "ベンチマーク：回答が30件あるリードスコアの質問";
const ANSWERS = 30;
const VOTERS = 40;

const scaleUser = (i: number) => `scale_usr_${String(i).padStart(5, "0")}`;

async function person(id: string): Promise<Person> {
  return db.user.findUniqueOrThrow({ where: { id }, select: { id: true, accountId: true, role: true, name: true } });
}

function answerBody(i: number): string {
  return [
    `うちでは**${10 + i}日ごと**にスコアを見直しています（回答 ${i + 1}）。`,
    "",
    "1. 受注したリードの行動履歴を集計する",
    "2. 出現率の高い行動に重みを付ける",
    `3. しきい値を ${40 + i} 点にして、営業の反応を見る`,
    "",
    "設定例：",
    "",
    "```",
    `decay: ${20 + (i % 5) * 5}% / 30 days`,
    "```",
    "",
    `詳しくは [設計ガイド](https://kizuna.example/learn/ja/scoring-model-design) も参考になります。営業との定例で毎月見直すと、アラートの精度が上がりました。`,
  ].join("\n");
}

export async function ensureBenchQuestion(): Promise<string> {
  const existing = await db.question.findFirst({ where: { title: BENCH_QUESTION_TITLE }, select: { id: true } });
  if (existing) return existing.id;
  return withoutOutboxLog(async () => {
    const start = Date.now() - 3 * 24 * 60 * 60 * 1000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const asker = await person(scaleUser(100));
    const question = await askQuestion(
      asker,
      {
        title: BENCH_QUESTION_TITLE,
        body: "リードスコアの減衰と、営業に渡すしきい値の決め方を教えてください。\n\n- 商材：BtoB SaaS\n- 検討期間：3〜6か月",
        tags: ["lead-scoring", "sales-alignment"],
        beginner: false,
      },
      at(0),
    );
    const answerIds: string[] = [];
    for (let i = 0; i < ANSWERS; i++) {
      const result = await postAnswer(await person(scaleUser(101 + i)), question.id, answerBody(i), "http://localhost:3000", at(10 + i * 10));
      if (!result.ok) throw new Error(`bench answer: ${result.error}`);
      answerIds.push(result.answerId);
    }
    // Each voter votes on the question and on a third of the answers, a few of them down.
    for (let v = 0; v < VOTERS; v++) {
      const voter = await person(scaleUser(200 + v));
      await castVote(voter, "question", question.id, 1, at(400 + v));
      for (let i = v % 3; i < ANSWERS; i += 3) await castVote(voter, "answer", answerIds[i]!, (v + i) % 7 === 0 ? -1 : 1, at(400 + v));
    }
    await toggleAccept(asker, answerIds[7]!, "http://localhost:3000", at(600));
    return question.id;
  });
}
