// Q&A questions with the text of their answers. Hidden questions and hidden answers are never in
// the index; whoever may read the Q&A (everyone, visitors too) may find what is in it.
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { plainText } from "~/markdown/plain-text";
import { questionHref } from "~/qa/model";
import { docId, type SearchDocument } from "../model";
import { detectLocale, type DocumentSource } from "./source";

const BATCH = 500;

const select = {
  id: true,
  title: true,
  body: true,
  state: true,
  beginner: true,
  score: true,
  acceptedAnswerId: true,
  tags: { select: { tag: { select: { name: true } } } },
  answers: { where: { hiddenAt: null }, select: { body: true, official: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.QuestionSelect;

type Row = Prisma.QuestionGetPayload<{ select: typeof select }>;

function toDocument(q: Row): SearchDocument {
  const question = plainText(q.body);
  const tags = q.tags.map((t) => t.tag.name);
  const official = q.answers.some((a) => a.official);
  return {
    id: docId("question", q.id),
    type: "question",
    key: q.id,
    url: questionHref(q.id),
    title: q.title,
    body: [question, ...q.answers.map((a) => plainText(a.body))].join("\n"),
    tags,
    tagText: tags.join(" "),
    locale: detectLocale(`${q.title} ${question}`),
    tier: q.beginner ? "beginner" : null,
    state: q.state,
    audience: "public",
    // Settled questions are what people want to land on: accepted > official answer > any answer.
    boost: q.acceptedAnswerId ? 3 : official ? 2 : q.answers.length > 0 ? 1 : 0,
    meta: { answerCount: q.answers.length, score: q.score, accepted: q.acceptedAnswerId !== null },
  };
}

export const questionSource: DocumentSource = {
  type: "question",
  async *loadAll() {
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.question.findMany({
        where: { state: { not: "hidden" } },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select,
      });
      if (rows.length === 0) return;
      yield rows.map(toDocument);
      cursor = rows[rows.length - 1]!.id;
    }
  },
  count: () => db.question.count({ where: { state: { not: "hidden" } } }),
  async loadOne(key) {
    const row = await db.question.findUnique({ where: { id: key }, select });
    return row && row.state !== "hidden" ? toDocument(row) : null;
  },
  // Visible questions are open to everyone, visitors included (the question pages are).
  maxAudience: () => 0,
};
