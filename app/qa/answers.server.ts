// Answering, accepting, voting and staff marks. Each change that moves points or counters runs in
// one transaction, so scores, answer counts and reputation stay consistent with the rows.
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { notify } from "~/notifications/notify.server";
import { indexing } from "~/search/indexing.server";
import { isStaff } from "~/users/roles";
import { questionHref } from "./model";
import { addReputation, removeReputation } from "./reputation.server";
import { POINTS, votePoints } from "./reputation";
import { isInteractive } from "./state";

export type Person = { id: string; accountId: string | null; role: string; name: string };

export type AnswerResult = { ok: true; answerId: string } | { ok: false; error: "not-found" | "locked" };

export async function postAnswer(author: Person, questionId: string, body: string, baseUrl: string, now = new Date()): Promise<AnswerResult> {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { state: true, authorId: true, title: true } });
  if (!question || question.state === "hidden") return { ok: false, error: "not-found" };
  if (!isInteractive(question.state)) return { ok: false, error: "locked" };
  const answer = await db.$transaction(async (tx) => {
    const created = await tx.answer.create({ data: { questionId, authorId: author.id, body, bodyHtml: renderMarkdown(body), createdAt: now }, select: { id: true } });
    await tx.question.update({ where: { id: questionId }, data: { answerCount: { increment: 1 }, lastActivityAt: now } });
    return created;
  });
  await indexing.question(questionId);
  await recordEngagement({ type: "qa.answered", actor: author, subjectType: "question", subjectId: questionId, idempotencyKey: `qa.answered:${answer.id}`, occurredAt: now, metadata: { answerId: answer.id } });
  if (question.authorId && question.authorId !== author.id) {
    await notify(question.authorId, "qa.answered", { name: author.name, title: question.title }, `${questionHref(questionId)}#answer-${answer.id}`, baseUrl);
  }
  return { ok: true, answerId: answer.id };
}

export type MutateResult = "ok" | "not-found" | "forbidden" | "locked" | "accepted";

export async function editAnswer(editor: Person, answerId: string, body: string, now = new Date()): Promise<MutateResult> {
  const answer = await db.answer.findUnique({ where: { id: answerId }, select: { authorId: true, hiddenAt: true, questionId: true, question: { select: { state: true } } } });
  if (!answer || answer.hiddenAt) return "not-found";
  if (answer.authorId !== editor.id && !isStaff(editor.role)) return "forbidden";
  if (!isInteractive(answer.question.state)) return "locked";
  await db.answer.update({ where: { id: answerId }, data: { body, bodyHtml: renderMarkdown(body), editedAt: now } });
  await indexing.question(answer.questionId);
  return "ok";
}

/** Authors may delete their own answer unless it is the accepted one. Its votes go with it. */
export async function deleteAnswer(user: Person, answerId: string): Promise<MutateResult> {
  const answer = await db.answer.findUnique({ where: { id: answerId }, select: { authorId: true, questionId: true, acceptedOn: { select: { id: true } } } });
  if (!answer) return "not-found";
  if (answer.authorId !== user.id) return "forbidden";
  if (answer.acceptedOn) return "accepted";
  await db.$transaction(async (tx) => {
    const votes = await tx.vote.findMany({ where: { targetType: "answer", targetId: answerId }, select: { id: true } });
    for (const vote of votes) await removeReputation(tx, `vote:${vote.id}`);
    await tx.vote.deleteMany({ where: { targetType: "answer", targetId: answerId } });
    await tx.answer.delete({ where: { id: answerId } });
    await tx.question.update({ where: { id: answer.questionId }, data: { answerCount: { decrement: 1 } } });
  });
  await indexing.question(answer.questionId);
  return "ok";
}

export type AcceptResult = "ok" | "not-found" | "forbidden" | "locked" | "own-answer";

/**
 * The asker (or staff) accepts one answer; accepting another moves the mark, accepting the same
 * one again takes it back. The answerer gains points (never capped), the asker a little too.
 */
export async function toggleAccept(user: Person, answerId: string, baseUrl: string, now = new Date()): Promise<AcceptResult> {
  const answer = await db.answer.findUnique({
    where: { id: answerId },
    select: { id: true, authorId: true, hiddenAt: true, question: { select: { id: true, authorId: true, state: true, title: true, acceptedAnswerId: true } } },
  });
  if (!answer || answer.hiddenAt || answer.question.state === "hidden") return "not-found";
  const question = answer.question;
  if (question.authorId !== user.id && !isStaff(user.role)) return "forbidden";
  if (!isInteractive(question.state)) return "locked";
  const unaccepting = question.acceptedAnswerId === answer.id;
  await db.$transaction(async (tx) => {
    if (question.acceptedAnswerId) {
      await removeReputation(tx, `accepted:${question.acceptedAnswerId}:answerer`);
      await removeReputation(tx, `accepted:${question.acceptedAnswerId}:asker`);
    }
    await tx.question.update({
      where: { id: question.id },
      data: { acceptedAnswerId: unaccepting ? null : answer.id, state: unaccepting ? "open" : "answered", lastActivityAt: now },
    });
    if (unaccepting) return;
    // No points for accepting one's own answer.
    if (answer.authorId && answer.authorId !== question.authorId) {
      await addReputation(tx, { userId: answer.authorId, kind: "accepted", sourceKey: `accepted:${answer.id}:answerer`, raw: POINTS.answerAccepted, now });
      if (question.authorId) {
        await addReputation(tx, { userId: question.authorId, kind: "accepted", sourceKey: `accepted:${answer.id}:asker`, raw: POINTS.acceptedAnAnswer, now });
      }
    }
  });
  await indexing.question(question.id);
  // Accepting one's own answer earns nothing: no points (above) and no engagement either.
  if (!unaccepting && answer.authorId && answer.authorId !== question.authorId) {
    const answerer = await db.user.findUnique({ where: { id: answer.authorId }, select: { id: true, accountId: true } });
    const asker = question.authorId ? await db.user.findUnique({ where: { id: question.authorId }, select: { id: true, accountId: true } }) : null;
    if (answerer) await recordEngagement({ type: "qa.answer_accepted", actor: answerer, subjectType: "answer", subjectId: answer.id, idempotencyKey: `qa.answer_accepted:${answer.id}`, occurredAt: now });
    if (asker) await recordEngagement({ type: "qa.accepted", actor: asker, subjectType: "answer", subjectId: answer.id, idempotencyKey: `qa.accepted:${answer.id}`, occurredAt: now });
    if (answer.authorId !== user.id) await notify(answer.authorId, "qa.accepted", { title: question.title }, `${questionHref(question.id)}#answer-${answer.id}`, baseUrl);
  }
  return "ok";
}

export type VoteResult = "ok" | "not-found" | "own-post" | "locked" | "unchanged";

/**
 * Sets the person's vote: up (+1), down (-1) or none (0). One vote per person per post (a unique
 * key); asking for the vote they already have changes nothing and says so.
 */
export async function castVote(voter: Person, targetType: "question" | "answer", targetId: string, value: 1 | -1 | 0, now = new Date()): Promise<VoteResult> {
  const target =
    targetType === "question"
      ? await db.question.findUnique({ where: { id: targetId }, select: { authorId: true, state: true } }).then((q) => (q ? { authorId: q.authorId, state: q.state, hidden: q.state === "hidden" } : null))
      : await db.answer
          .findUnique({ where: { id: targetId }, select: { authorId: true, hiddenAt: true, question: { select: { state: true } } } })
          .then((a) => (a ? { authorId: a.authorId, state: a.question.state, hidden: a.hiddenAt !== null || a.question.state === "hidden" } : null));
  if (!target || target.hidden) return "not-found";
  if (target.authorId === voter.id) return "own-post";
  if (!isInteractive(target.state)) return "locked";

  const outcome = await db.$transaction(async (tx) => {
    const existing = await tx.vote.findUnique({ where: { userId_targetType_targetId: { userId: voter.id, targetType, targetId } } });
    if ((existing?.value ?? 0) === value) return null;
    const next = value;
    const change = next - (existing?.value ?? 0);
    let voteId = existing?.id ?? null;
    if (existing && next === 0) await tx.vote.delete({ where: { id: existing.id } });
    else if (existing) await tx.vote.update({ where: { id: existing.id }, data: { value: next } });
    else voteId = (await tx.vote.create({ data: { userId: voter.id, targetType, targetId, value: next } })).id;

    if (targetType === "question") await tx.question.update({ where: { id: targetId }, data: { score: { increment: change } } });
    else await tx.answer.update({ where: { id: targetId }, data: { score: { increment: change } } });

    if (voteId && target.authorId) {
      if (next === 0) await removeReputation(tx, `vote:${voteId}`);
      else await addReputation(tx, { userId: target.authorId, kind: "vote", sourceKey: `vote:${voteId}`, raw: votePoints(targetType, next as 1 | -1), now });
    }
    return { next, voteId };
  });
  if (!outcome) return "unchanged";

  if (outcome.next !== 0 && outcome.voteId) {
    // One event per person and post: flipping a vote back and forth must not pile up engagement.
    const key = `${voter.id}:${targetType}:${targetId}`;
    await recordEngagement({ type: "qa.voted", actor: voter, subjectType: targetType, subjectId: targetId, idempotencyKey: `qa.voted:${key}`, occurredAt: now, metadata: { value: outcome.next } });
    if (target.authorId) {
      const author = await db.user.findUnique({ where: { id: target.authorId }, select: { id: true, accountId: true } });
      if (author) await recordEngagement({ type: "qa.vote_received", actor: author, subjectType: targetType, subjectId: targetId, idempotencyKey: `qa.vote_received:${key}`, occurredAt: now, metadata: { value: outcome.next } });
    }
  }
  return "ok";
}

/** Staff mark (or unmark) an answer as the vendor's official answer. */
export async function toggleOfficial(staff: Person, answerId: string): Promise<MutateResult> {
  if (!isStaff(staff.role)) return "forbidden";
  const answer = await db.answer.findUnique({ where: { id: answerId }, select: { official: true, questionId: true } });
  if (!answer) return "not-found";
  await db.answer.update({ where: { id: answerId }, data: { official: !answer.official } });
  await indexing.question(answer.questionId);
  return "ok";
}
