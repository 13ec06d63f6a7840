// Asking, editing and reading questions, tags and lists.
import { activeChampionIds } from "~/champions/status.server";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { recordEngagement } from "~/engagement/record.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { indexing } from "~/search/indexing.server";
import { isStaff } from "~/users/roles";
import { normaliseTag, PAGE_SIZE, type QuestionList } from "./model";
import { removeReputation } from "./reputation.server";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
export type Asker = { id: string; accountId: string | null; role: string };
export type QuestionInput = { title: string; body: string; tags: string[]; beginner: boolean };

async function tagIds(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of [...new Set(names.map(normaliseTag))].filter(Boolean)) {
    const tag = await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}

export async function askQuestion(asker: Asker, input: QuestionInput, now = new Date()) {
  const question = await db.$transaction(async (tx) => {
    const ids = await tagIds(tx, input.tags);
    return tx.question.create({
      data: {
        authorId: asker.id,
        accountId: asker.accountId,
        title: input.title,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        beginner: input.beginner,
        createdAt: now,
        lastActivityAt: now,
        tags: { create: ids.map((tagId) => ({ tagId })) },
      },
      select: { id: true },
    });
  });
  await indexing.question(question.id);
  await recordEngagement({ type: "qa.asked", actor: asker, subjectType: "question", subjectId: question.id, idempotencyKey: `qa.asked:${question.id}`, occurredAt: now });
  return question;
}

export type EditResult = "ok" | "not-found" | "forbidden" | "locked";

/** Authors edit their own question (staff may fix any); locked and hidden questions are frozen. */
export async function editQuestion(editor: Asker, questionId: string, input: QuestionInput, now = new Date()): Promise<EditResult> {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { authorId: true, state: true } });
  if (!question) return "not-found";
  if (question.authorId !== editor.id && !isStaff(editor.role)) return "forbidden";
  if (question.state === "locked" || question.state === "hidden") return "locked";
  await db.$transaction(async (tx) => {
    const ids = await tagIds(tx, input.tags);
    await tx.questionTag.deleteMany({ where: { questionId } });
    await tx.question.update({
      where: { id: questionId },
      data: { title: input.title, body: input.body, bodyHtml: renderMarkdown(input.body), beginner: input.beginner, editedAt: now, tags: { create: ids.map((tagId) => ({ tagId })) } },
    });
  });
  await indexing.question(questionId);
  return "ok";
}

/** Authors may delete their own question until someone has answered it. Its votes (and their points) go with it. */
export async function deleteQuestion(user: Asker, questionId: string): Promise<"ok" | "not-found" | "forbidden" | "has-answers"> {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { authorId: true, answerCount: true } });
  if (!question) return "not-found";
  if (question.authorId !== user.id) return "forbidden";
  if (question.answerCount > 0) return "has-answers";
  await db.$transaction(async (tx) => {
    const votes = await tx.vote.findMany({ where: { targetType: "question", targetId: questionId }, select: { id: true } });
    for (const vote of votes) await removeReputation(tx, `vote:${vote.id}`);
    await tx.vote.deleteMany({ where: { targetType: "question", targetId: questionId } });
    await tx.question.delete({ where: { id: questionId } });
  });
  await indexing.question(questionId);
  return "ok";
}

export type ListFilters = { list: QuestionList; tag: string | null; page: number };

export async function listQuestions(filters: ListFilters, viewer: { id: string; role: string } | null) {
  const where: Prisma.QuestionWhereInput = {
    // Staff see hidden questions in lists too, marked; members never do.
    ...(viewer && isStaff(viewer.role) ? {} : { state: { not: "hidden" } }),
    ...(filters.list === "unanswered" ? { answerCount: 0, acceptedAnswerId: null, state: { in: ["open"] } } : {}),
    ...(filters.list === "mine" && viewer ? { authorId: viewer.id } : {}),
    ...(filters.tag ? { tags: { some: { tag: { name: normaliseTag(filters.tag) } } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      orderBy: filters.list === "unanswered" ? { createdAt: "asc" } : { createdAt: "desc" },
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        beginner: true,
        state: true,
        score: true,
        answerCount: true,
        createdAt: true,
        acceptedAnswerId: true,
        author: { select: { id: true, name: true, reputation: true } },
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
  ]);
  const champions = await activeChampionIds(rows.map((q) => q.author?.id));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    questions: rows.map(({ author, ...q }) => ({
      ...q,
      author: author ? { name: author.name, reputation: author.reputation, champion: champions.has(author.id) } : null,
      createdAt: q.createdAt.toISOString(),
      tags: q.tags.map((t) => t.tag.name),
    })),
  };
}

type QuestionRow = {
  id: string;
  authorId: string | null;
  title: string;
  body: string;
  bodyHtml: string;
  beginner: boolean;
  state: string;
  acceptedAnswerId: string | null;
  score: number;
  answerCount: number;
  createdAt: Date;
  editedAt: Date | null;
  authorName: string | null;
  authorReputation: number | null;
  authorCompany: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** JSON array of tag names. */
  tags: string;
};

type AnswerRow = {
  id: string;
  authorId: string | null;
  body: string;
  bodyHtml: string;
  score: number;
  official: boolean;
  hiddenAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  authorName: string | null;
  authorReputation: number | null;
  authorRole: string | null;
};

// The question page reads a question, its tags, author and assignee in one statement, its answers
// with their authors in a second and the viewer's votes in a third. (Through Prisma's nested
// include the same page took eight queries and several times as long on the scale data set.)
// Columns keep their declared types through the adapter, so dates arrive as Dates.
const QUESTION_SQL = `SELECT q.id, q.authorId, q.title, q.body, q.bodyHtml, q.beginner, q.state, q.acceptedAnswerId, q.score,
    q.answerCount, q.createdAt, q.editedAt, au.name AS authorName, au.reputation AS authorReputation, ac.name AS authorCompany,
    q.assigneeId, asg.name AS assigneeName,
    (SELECT json_group_array(name) FROM (SELECT t.name FROM QuestionTag qt JOIN Tag t ON t.id = qt.tagId WHERE qt.questionId = q.id ORDER BY qt.tagId)) AS tags
  FROM Question q
  LEFT JOIN User au ON au.id = q.authorId
  LEFT JOIN Account ac ON ac.id = au.accountId
  LEFT JOIN User asg ON asg.id = q.assigneeId
  WHERE q.id = ?`;

const ANSWERS_SQL = `SELECT a.id, a.authorId, a.body, a.bodyHtml, a.score, a.official, a.hiddenAt, a.createdAt, a.editedAt,
    u.name AS authorName, u.reputation AS authorReputation, u.role AS authorRole
  FROM Answer a LEFT JOIN User u ON u.id = a.authorId
  WHERE a.questionId = ?`;

const VOTES_SQL = `SELECT targetType, targetId, value FROM Vote
  WHERE userId = ? AND ((targetType = 'question' AND targetId = ?)
    OR (targetType = 'answer' AND targetId IN (SELECT id FROM Answer WHERE questionId = ?)))`;

/**
 * A question with its answers for `viewer`: accepted first, then by votes, then oldest. Hidden
 * questions exist only for staff; hidden answers are shown to staff (marked) and left out for others.
 */
export async function loadQuestion(questionId: string, viewer: { id: string; role: string } | null) {
  const staff = viewer !== null && isStaff(viewer.role);
  const [row] = await db.$queryRawUnsafe<QuestionRow[]>(QUESTION_SQL, questionId);
  if (!row || (row.state === "hidden" && !staff)) return null;
  const [answerRows, votes] = await Promise.all([
    db.$queryRawUnsafe<AnswerRow[]>(ANSWERS_SQL, questionId),
    viewer ? db.$queryRawUnsafe<Array<{ targetType: string; targetId: string; value: number }>>(VOTES_SQL, viewer.id, questionId, questionId) : [],
  ]);
  const question = {
    id: row.id,
    authorId: row.authorId,
    title: row.title,
    body: row.body,
    bodyHtml: row.bodyHtml,
    beginner: row.beginner,
    state: row.state,
    acceptedAnswerId: row.acceptedAnswerId,
    score: row.score,
    answerCount: row.answerCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    author:
      row.authorId !== null && row.authorName !== null
        ? { id: row.authorId, name: row.authorName, reputation: row.authorReputation ?? 0, account: row.authorCompany !== null ? { name: row.authorCompany } : null }
        : null,
    assignee: row.assigneeId !== null && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
    tags: (JSON.parse(row.tags) as string[]).map((name) => ({ tag: { name } })),
  };
  const myVote = (type: string, id: string) => votes.find((v) => v.targetType === type && v.targetId === id)?.value ?? 0;
  const answers = answerRows
    .filter((a) => staff || a.hiddenAt === null)
    .map((a) => ({
      id: a.id,
      authorId: a.authorId,
      body: a.body,
      bodyHtml: a.bodyHtml,
      score: a.score,
      official: a.official,
      hiddenAt: a.hiddenAt,
      createdAt: a.createdAt,
      editedAt: a.editedAt,
      author: a.authorId !== null && a.authorName !== null ? { id: a.authorId, name: a.authorName, reputation: a.authorReputation ?? 0, role: a.authorRole ?? "member" } : null,
    }))
    .sort(
      (a, b) =>
        Number(b.id === question.acceptedAnswerId) - Number(a.id === question.acceptedAnswerId) ||
        b.score - a.score ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  return { question, answers, myVote, staff };
}

export function pageFrom(url: URL): number {
  const page = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
