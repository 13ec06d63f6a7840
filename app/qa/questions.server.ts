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

/**
 * A question with its answers for `viewer`: accepted first, then by votes, then oldest. Hidden
 * questions exist only for staff; hidden answers are shown to staff (marked) and left out for others.
 */
export async function loadQuestion(questionId: string, viewer: { id: string; role: string } | null) {
  const staff = viewer !== null && isStaff(viewer.role);
  const question = await db.question.findUnique({
    where: { id: questionId },
    include: {
      author: { select: { id: true, name: true, reputation: true, account: { select: { name: true } } } },
      assignee: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { name: true } } } },
      answers: {
        where: staff ? {} : { hiddenAt: null },
        include: { author: { select: { id: true, name: true, reputation: true, role: true } } },
      },
    },
  });
  if (!question || (question.state === "hidden" && !staff)) return null;
  const votes = viewer
    ? await db.vote.findMany({
        where: { userId: viewer.id, OR: [{ targetType: "question", targetId: question.id }, { targetType: "answer", targetId: { in: question.answers.map((a) => a.id) } }] },
        select: { targetType: true, targetId: true, value: true },
      })
    : [];
  const myVote = (type: string, id: string) => votes.find((v) => v.targetType === type && v.targetId === id)?.value ?? 0;
  const answers = [...question.answers].sort(
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
