// The search scale for the bench: 300 articles (the real library plus generated ones, built by the
// real content build) and 20,000 questions with 60,000 answers from the scale members. Everything
// is generated from fixed seeds, so every run builds the same data; rows are inserted only when
// missing (bulk inserts: going through the Q&A core one by one would take most of an hour).
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { buildContent } from "~/content/build.server";
import { TIERS, KINDS, PHASES } from "~/content/model";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { escapeHtml } from "~/search/highlight";
import { createProgress } from "./progress";

export const SEARCH_SCALE = { articles: 300, questions: 20_000, answersPerQuestion: 3 };
const BATCH = 500;

/** mulberry32: a small, fast, deterministic generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

// The vocabulary of a marketing-automation community (Hibiki is the vendor's product).
const JA_SUBJECTS = [
  "リードスコアリング", "スコアの減衰", "行動スコア", "属性スコア", "ナーチャリングメール", "ステップメール", "開封率", "クリック率", "配信停止率",
  "到達率", "セグメント", "ランディングページ", "フォーム", "ウェビナー集客", "展示会リード", "名刺データ", "重複リード", "名寄せ", "CSVインポート",
  "Salesforce連携", "営業への引き渡し", "MQLの定義", "SQL化率", "商談化率", "ヘルススコア", "オンボーディング", "カスタマーライフサイクル",
  "分科会", "チャンピオン制度", "ユーザー会", "ダッシュボード", "キャンペーンレポート", "A/Bテスト", "件名テスト", "配信タイミング", "権限設定",
  "承認フロー", "テンプレート", "パーソナライズ", "休眠顧客の掘り起こし", "解約予兆", "アップセル", "利用定着", "タッチポイント設計", "アラート通知",
];
const JA_ASKS = [
  "はどう設定していますか", "の決め方を教えてください", "がうまくいきません", "を見直したいです", "の目安はありますか", "で困っています",
  "をどう運用していますか", "の事例を知りたいです", "は何から始めればいいですか", "を改善するコツはありますか",
];
const JA_CONTEXT = [
  "BtoB SaaS で、検討期間は3〜6か月です。", "担当者が一人しかいないので、手間のかからない方法を探しています。", "営業チームからリードの質について指摘を受けました。",
  "導入して半年ほど経ちましたが、成果が見えにくい状態です。", "上司に四半期ごとの報告を求められています。", "昨年から製造業向けの施策を始めました。",
  "ウェビナーの参加者が増えた一方で、商談につながっていません。", "データが古く、重複も多いのが悩みです。",
];
const JA_ADVICE = [
  "うちでは月に一度、営業と一緒に数字を見直しています。", "まず過去半年の受注リードの行動を集計すると、重み付けの根拠になります。",
  "しきい値は最初は低めにして、営業の反応を見ながら上げていきました。", "配信の前にセグメントを小さく分けて、反応の違いを比べるのがおすすめです。",
  "Hibiki のレポートでキャンペーンごとの推移を週次で確認しています。", "減衰は30日で20%くらいから始めて、四半期ごとに調整しています。",
  "分科会で同じ悩みの会社と話したら、運用の手順がかなり整理できました。", "テンプレートを共通化して、担当者が変わっても続く仕組みにしました。",
  "開封率より、クリック後のページ閲覧を重視する方が商談化と相関しました。", "重複はインポートの前にメールアドレスで名寄せしてから取り込んでいます。",
];
const EN_SUBJECTS = [
  "lead scoring", "score decay", "behaviour scores", "nurture emails", "open rates", "click-through rates", "deliverability", "segments", "landing pages",
  "webinar follow-up", "trade show leads", "duplicate records", "CSV imports", "Salesforce sync", "sales handoff", "MQL definitions", "health scores",
  "onboarding", "the customer lifecycle", "study groups", "champion programs", "dashboards", "A/B tests", "send times", "approval workflows",
];
const EN_ASKS = ["How do you set up", "What is a good target for", "Any tips for improving", "How often do you review", "Where do I start with", "Has anyone automated"];
const EN_ADVICE = [
  "We review the numbers with sales once a month and adjust the thresholds.", "Start from the behaviour of leads that became customers last quarter.",
  "Keep the first version simple and add rules only when sales asks for them.", "Split the audience into small segments and compare the responses.",
  "We track it weekly in a Hibiki dashboard and share it with the team.", "Decay of about 20% every 30 days worked well as a starting point.",
];
const TAGS = ["lead-scoring", "email", "nurturing", "webinar", "data-quality", "salesforce", "reporting", "onboarding", "lifecycle", "groups", "champions", "deliverability"];

function japaneseQuestion(rand: Rand) {
  const subject = pick(rand, JA_SUBJECTS);
  const other = pick(rand, JA_SUBJECTS);
  return {
    title: `${subject}${pick(rand, JA_ASKS)}？`,
    body: `${pick(rand, JA_CONTEXT)}${subject}について、${other}との関係も含めて皆さんのやり方を知りたいです。${pick(rand, JA_CONTEXT)}`,
    answer: () => `${pick(rand, JA_ADVICE)}${pick(rand, JA_ADVICE)}${pick(rand, JA_SUBJECTS)}も合わせて確認すると効果的でした。`,
  };
}

function englishQuestion(rand: Rand) {
  const subject = pick(rand, EN_SUBJECTS);
  return {
    title: `${pick(rand, EN_ASKS)} ${subject}?`,
    body: `We are a B2B team using Hibiki for ${pick(rand, EN_SUBJECTS)}. I would like to know how others handle ${subject}, and how it relates to ${pick(rand, EN_SUBJECTS)}.`,
    answer: () => `${pick(rand, EN_ADVICE)} ${pick(rand, EN_ADVICE)} Also look at ${pick(rand, EN_SUBJECTS)}.`,
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Generated articles next to a copy of the real library, built into its own cache. */
export async function ensureBenchContent(contentDir: string, cacheDir: string) {
  const source = path.resolve("content");
  fs.cpSync(source, contentDir, { recursive: true });
  const real = fs.readdirSync(path.join(source, "articles"), { recursive: true }).filter((f) => String(f).endsWith(".mdx")).length;
  const topics = Object.keys(parseYaml(fs.readFileSync(path.join(source, "topics.yml"), "utf8")) as Record<string, unknown>);
  for (let i = 0; i < SEARCH_SCALE.articles - real; i++) {
    const rand = random(10_000 + i);
    const locale = i % 5 < 3 ? "ja" : "en";
    const subject = locale === "ja" ? pick(rand, JA_SUBJECTS) : pick(rand, EN_SUBJECTS);
    const title = locale === "ja" ? `${subject}の実践ガイド ${i + 1}` : `A practical guide to ${subject} (${i + 1})`;
    const paragraphs = Array.from({ length: 8 }, () =>
      locale === "ja"
        ? `${pick(rand, JA_ADVICE)}${pick(rand, JA_CONTEXT)}${pick(rand, JA_SUBJECTS)}と${pick(rand, JA_SUBJECTS)}を組み合わせると、${subject}の効果が見えやすくなります。`
        : `${pick(rand, EN_ADVICE)} Combining ${pick(rand, EN_SUBJECTS)} with ${pick(rand, EN_SUBJECTS)} makes the effect of ${subject} easier to see.`,
    );
    const visibility = i % 10 < 6 ? "public" : i % 10 < 9 ? "members" : "champions";
    const mdx = [
      "---",
      `slug: bench-${pad(i, 3)}`,
      `title: "${title}"`,
      `summary: "${locale === "ja" ? `${subject}を進めるための手順と事例です。` : `Steps and examples for ${subject}.`}"`,
      `tier: ${pick(rand, TIERS)}`,
      `kind: ${pick(rand, KINDS)}`,
      `topics: [${pick(rand, topics)}]`,
      `phase: ${pick(rand, PHASES)}`,
      `locale: ${locale}`,
      `minutes: ${3 + (i % 10)}`,
      `visibility: ${visibility}`,
      `published: 2026-0${1 + (i % 9)}-1${i % 10}`,
      "---",
      "",
      `## ${locale === "ja" ? "はじめに" : "Introduction"}`,
      "",
      ...paragraphs.slice(0, 4).flatMap((p) => [p, ""]),
      `## ${locale === "ja" ? "進め方" : "How to"}`,
      "",
      ...paragraphs.slice(4).flatMap((p) => [p, ""]),
    ].join("\n");
    const file = path.join(contentDir, "articles", locale, `bench-${pad(i, 3)}.mdx`);
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== mdx) fs.writeFileSync(file, mdx);
  }
  let progress: ReturnType<typeof createProgress> | null = null;
  const { manifest } = await buildContent({
    contentDir,
    outDir: cacheDir,
    onProgress: (done, total) => {
      progress ??= createProgress("articles", total);
      progress.update(done);
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.done();
  return manifest.articles.length;
}

/** 20,000 questions (15 % in English) with three answers each, 40 % accepted and a few hidden. */
export async function ensureBenchQuestions() {
  const existing = await db.question.count({ where: { id: { startsWith: "bench_q_" } } });
  if (existing >= SEARCH_SCALE.questions) return;
  const tagIds = new Map<string, string>();
  for (const name of TAGS) tagIds.set(name, (await db.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id);
  const have = new Set((await db.question.findMany({ where: { id: { startsWith: "bench_q_" } }, select: { id: true } })).map((q) => q.id));
  const start = Date.UTC(2025, 0, 1);
  const progress = createProgress("questions", SEARCH_SCALE.questions);
  for (let from = 0; from < SEARCH_SCALE.questions; from += BATCH) {
    const questions: Prisma.QuestionCreateManyInput[] = [];
    const answers: Prisma.AnswerCreateManyInput[] = [];
    const tags: Prisma.QuestionTagCreateManyInput[] = [];
    for (let i = from; i < Math.min(SEARCH_SCALE.questions, from + BATCH); i++) {
      const id = `bench_q_${pad(i, 5)}`;
      if (have.has(id)) continue;
      const rand = random(i + 1);
      const q = i % 100 < 15 ? englishQuestion(rand) : japaneseQuestion(rand);
      const createdAt = new Date(start + i * 25 * 60_000);
      const accepted = i % 5 < 2;
      const answerIds = Array.from({ length: SEARCH_SCALE.answersPerQuestion }, (_, k) => `bench_a_${pad(i, 5)}_${k}`);
      questions.push({
        id,
        authorId: `scale_usr_${pad((i * 7) % 50_000, 5)}`,
        title: q.title,
        body: q.body,
        bodyHtml: `<p>${escapeHtml(q.body)}</p>`,
        beginner: i % 7 === 0,
        state: i % 100 === 99 ? "hidden" : accepted ? "answered" : "open",
        score: Math.floor(rand() * 12),
        answerCount: answerIds.length,
        createdAt,
        lastActivityAt: createdAt,
      });
      answerIds.forEach((answerId, k) => {
        const body = q.answer();
        answers.push({
          id: answerId,
          questionId: id,
          authorId: `scale_usr_${pad((i * 13 + k + 1) % 50_000, 5)}`,
          body,
          bodyHtml: `<p>${escapeHtml(body)}</p>`,
          score: Math.floor(rand() * 8),
          createdAt: new Date(createdAt.getTime() + (k + 1) * 3_600_000),
        });
      });
      const tagA = TAGS[i % TAGS.length]!;
      const tagB = TAGS[(i * 5 + 3) % TAGS.length]!;
      for (const name of new Set([tagA, tagB])) tags.push({ questionId: id, tagId: tagIds.get(name)! });
    }
    if (questions.length) {
      await db.$transaction([db.question.createMany({ data: questions }), db.answer.createMany({ data: answers }), db.questionTag.createMany({ data: tags })]);
      // The accepted answer points back at its question; set after both rows exist.
      const acceptedRows = questions.filter((q) => q.state === "answered");
      await db.$transaction(acceptedRows.map((q) => db.question.update({ where: { id: q.id! }, data: { acceptedAnswerId: `bench_a_${q.id!.slice(8)}_0` } })));
    }
    progress.update(Math.min(SEARCH_SCALE.questions, from + BATCH));
  }
  progress.done();
}

/** What the bench searches for, grouped by the kind of query; each group is one timed case. */
export const SEARCH_QUERIES: Array<{ name: string; queries: Array<{ q: string; type?: "article" | "question" | "group"; locale?: "ja" | "en"; tier?: string; state?: string }>; suggest?: boolean }> = [
  { name: "Japanese words", queries: ["スコアリング", "分科会", "ライフサイクル", "ナーチャリングメール", "開封率", "営業への引き渡し", "ヘルススコア", "名寄せ"].map((q) => ({ q })) },
  { name: "English prefixes", queries: ["onboa", "deliverab", "lead sco", "webin", "dupl", "salesforce sy", "health"].map((q) => ({ q })) },
  { name: "1–2 characters", queries: ["減衰", "CS", "会", "AB", "ス"].map((q) => ({ q })) },
  {
    name: "tab and filters",
    queries: [
      { q: "スコア", type: "question", state: "answered" },
      { q: "lead scoring", locale: "en" },
      { q: "ウェビナー", type: "article", tier: "beginner" },
      { q: "分科会", type: "group" },
    ],
  },
  // The header asks from two characters on (SUGGEST_MIN_CHARS), once typing pauses.
  { name: "suggestions while typing", suggest: true, queries: ["スコ", "スコア", "スコアリ", "スコアリング", "on", "onb", "onbo", "onboard", "分科", "分科会"].map((q) => ({ q })) },
];
