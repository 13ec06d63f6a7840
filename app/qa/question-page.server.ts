// The question page: what a viewer sees and may do, and one runner for every form on the page.
// The domain functions in questions/answers/moderation.server.ts decide; this file only checks that
// the posts named in a form belong to the question in the URL, and turns outcomes into a status
// and a message key for the route.
import { activeChampionIds } from "~/champions/status.server";
import { db } from "~/db.server";
import type { MessageKey } from "~/i18n/messages";
import { isStaff } from "~/users/roles";
import { castVote, deleteAnswer, editAnswer, postAnswer, toggleAccept, toggleOfficial, type Person } from "./answers.server";
import type { QuestionIntent } from "./forms.server";
import { assignQuestion, moderateAnswer, moderateQuestion, reportPost, staffMembers } from "./moderation.server";
import { deleteQuestion, editQuestion, loadQuestion } from "./questions.server";
import { canModerate, isInteractive } from "./state";

type Viewer = { id: string; role: string } | null;

/** The page's data for `viewer`, or null when the question does not exist for them. */
export async function questionPage(questionId: string, viewer: Viewer) {
  const loaded = await loadQuestion(questionId, viewer);
  if (!loaded) return null;
  const { question, answers, myVote, staff } = loaded;
  const signedIn = viewer !== null;
  const isAsker = signedIn && question.authorId === viewer.id;
  const interactive = isInteractive(question.state);
  const champions = await activeChampionIds([question.author?.id, ...answers.map((a) => a.author?.id)]);
  const person = (author: { id: string; name: string; reputation: number } | null) =>
    author ? { name: author.name, reputation: author.reputation, champion: champions.has(author.id) } : null;
  const canEditQuestion = interactive && (isAsker || staff);

  return {
    question: {
      id: question.id,
      title: question.title,
      bodyHtml: question.bodyHtml,
      // The Markdown source only goes to someone who may edit it.
      body: canEditQuestion ? question.body : null,
      beginner: question.beginner,
      state: question.state,
      score: question.score,
      answerCount: question.answerCount,
      createdAt: question.createdAt,
      editedAt: question.editedAt,
      author: person(question.author),
      company: staff ? (question.author?.account?.name ?? null) : null,
      assignee: staff ? question.assignee : null,
      tags: question.tags.map((t) => t.tag.name),
      myVote: myVote("question", question.id),
      canEdit: canEditQuestion,
      canDelete: isAsker && question.answerCount === 0,
      canVote: signedIn && interactive && !isAsker,
    },
    answers: answers.map((answer) => {
      const own = signedIn && answer.authorId === viewer.id;
      const hidden = answer.hiddenAt !== null;
      const accepted = answer.id === question.acceptedAnswerId;
      const canEdit = interactive && !hidden && (own || staff);
      return {
        id: answer.id,
        bodyHtml: answer.bodyHtml,
        body: canEdit ? answer.body : null,
        score: answer.score,
        official: answer.official,
        hidden,
        accepted,
        createdAt: answer.createdAt,
        editedAt: answer.editedAt,
        author: person(answer.author),
        authorIsStaff: answer.author ? isStaff(answer.author.role) : false,
        myVote: myVote("answer", answer.id),
        canEdit,
        canDelete: own && !accepted,
        canVote: signedIn && interactive && !hidden && !own,
        canAccept: interactive && !hidden && (isAsker || staff),
      };
    }),
    viewer: {
      signedIn,
      staff,
      canAnswer: signedIn && interactive,
      moderation: staff
        ? { lock: canModerate("lock", question.state), hide: canModerate("hide", question.state), restore: canModerate("restore", question.state) }
        : null,
    },
    staffMembers: staff ? await staffMembers() : [],
  };
}

export type IntentOutcome =
  | { ok: true; key: MessageKey; anchor: string | null; leave?: true }
  | { ok: false; status: 400 | 403 | 404 | 409; key: MessageKey };

const fail = (status: 400 | 403 | 404 | 409, key: MessageKey): IntentOutcome => ({ ok: false, status, key });
const done = (key: MessageKey, anchor: string | null = null): IntentOutcome => ({ ok: true, key, anchor });
const answerAnchor = (id: string) => `answer-${id}`;

const LOCKED = fail(409, "qa.error.locked");
const NOT_FOUND = fail(404, "qa.error.notFound");

/** Runs one form of the question page for `user`. */
export async function runQuestionIntent(user: Person, questionId: string, intent: QuestionIntent, baseUrl: string): Promise<IntentOutcome> {
  const staff = isStaff(user.role);
  const question = await db.question.findUnique({ where: { id: questionId }, select: { state: true, acceptedAnswerId: true, assigneeId: true } });
  if (!question || (question.state === "hidden" && !staff)) return NOT_FOUND;

  // Posts named in a form must belong to this question (and be visible to the person).
  const answerOf = async (answerId: string) => {
    const answer = await db.answer.findFirst({ where: { id: answerId, questionId }, select: { id: true, hiddenAt: true, official: true } });
    return answer && (answer.hiddenAt === null || staff) ? answer : null;
  };
  const targetExists = async (type: "question" | "answer", id: string) => (type === "question" ? id === questionId : (await answerOf(id)) !== null);

  switch (intent.intent) {
    case "vote": {
      if (!(await targetExists(intent.targetType, intent.targetId))) return NOT_FOUND;
      const result = await castVote(user, intent.targetType, intent.targetId, intent.value);
      const anchor = intent.targetType === "answer" ? answerAnchor(intent.targetId) : null;
      if (result === "not-found") return NOT_FOUND;
      if (result === "own-post") return fail(403, "qa.error.ownPost");
      if (result === "locked") return LOCKED;
      if (result === "unchanged") return fail(409, intent.value === 1 ? "qa.error.alreadyUp" : intent.value === -1 ? "qa.error.alreadyDown" : "qa.error.alreadyCleared");
      return done(intent.value === 1 ? "qa.toast.votedUp" : intent.value === -1 ? "qa.toast.votedDown" : "qa.toast.voteCleared", anchor);
    }
    case "answer": {
      const result = await postAnswer(user, questionId, intent.body, baseUrl);
      if (!result.ok) return result.error === "locked" ? LOCKED : NOT_FOUND;
      return done("qa.toast.answered", answerAnchor(result.answerId));
    }
    case "edit-question": {
      const result = await editQuestion(user, questionId, intent);
      if (result === "not-found") return NOT_FOUND;
      if (result === "forbidden") return fail(403, "qa.error.editForbidden");
      if (result === "locked") return LOCKED;
      return done("qa.toast.questionEdited");
    }
    case "edit-answer": {
      if (!(await answerOf(intent.answerId))) return NOT_FOUND;
      const result = await editAnswer(user, intent.answerId, intent.body);
      if (result === "not-found") return NOT_FOUND;
      if (result === "forbidden") return fail(403, "qa.error.editForbidden");
      if (result === "locked") return LOCKED;
      return done("qa.toast.answerEdited", answerAnchor(intent.answerId));
    }
    case "delete-question": {
      const result = await deleteQuestion(user, questionId);
      if (result === "not-found") return NOT_FOUND;
      if (result === "forbidden") return fail(403, "qa.error.deleteForbidden");
      if (result === "has-answers") return fail(409, "qa.error.hasAnswers");
      return { ok: true, key: "qa.toast.questionDeleted", anchor: null, leave: true };
    }
    case "delete-answer": {
      if (!(await answerOf(intent.answerId))) return NOT_FOUND;
      const result = await deleteAnswer(user, intent.answerId);
      if (result === "not-found") return NOT_FOUND;
      if (result === "forbidden") return fail(403, "qa.error.deleteForbidden");
      if (result === "accepted") return fail(409, "qa.error.acceptedAnswer");
      return done("qa.toast.answerDeleted");
    }
    case "accept": {
      if (!(await answerOf(intent.answerId))) return NOT_FOUND;
      const unaccepting = question.acceptedAnswerId === intent.answerId;
      const result = await toggleAccept(user, intent.answerId, baseUrl);
      if (result === "not-found") return NOT_FOUND;
      if (result === "forbidden") return fail(403, "qa.error.acceptForbidden");
      if (result === "locked") return LOCKED;
      if (result === "own-answer") return fail(409, "qa.error.ownAnswer");
      return done(unaccepting ? "qa.toast.unaccepted" : "qa.toast.accepted", answerAnchor(intent.answerId));
    }
    case "report": {
      if (!(await targetExists(intent.targetType, intent.targetId))) return NOT_FOUND;
      const result = await reportPost(user, intent.targetType, intent.targetId, intent.reason);
      if (result === "not-found") return NOT_FOUND;
      return done("qa.toast.reported", intent.targetType === "answer" ? answerAnchor(intent.targetId) : null);
    }
    case "moderate-question": {
      const result = await moderateQuestion(user, questionId, intent.action);
      if (result === "forbidden") return fail(403, "qa.error.staffOnly");
      if (result === "not-found") return NOT_FOUND;
      if (result === "invalid") return fail(409, "qa.error.moderationInvalid");
      return done(intent.action === "lock" ? "qa.toast.locked" : intent.action === "hide" ? "qa.toast.hidden" : "qa.toast.restored");
    }
    case "moderate-answer": {
      if (!staff) return fail(403, "qa.error.staffOnly");
      if (!(await answerOf(intent.answerId))) return NOT_FOUND;
      const result = await moderateAnswer(user, intent.answerId, intent.action);
      if (result === "forbidden") return fail(403, "qa.error.staffOnly");
      if (result === "not-found") return NOT_FOUND;
      if (result === "invalid") return fail(409, "qa.error.moderationInvalid");
      return done(intent.action === "hide" ? "qa.toast.answerHidden" : "qa.toast.answerRestored", answerAnchor(intent.answerId));
    }
    case "official": {
      if (!staff) return fail(403, "qa.error.staffOnly");
      const answer = await answerOf(intent.answerId);
      if (!answer) return NOT_FOUND;
      const result = await toggleOfficial(user, intent.answerId);
      if (result === "forbidden") return fail(403, "qa.error.staffOnly");
      if (result === "not-found") return NOT_FOUND;
      return done(answer.official ? "qa.toast.officialUnmarked" : "qa.toast.officialMarked", answerAnchor(intent.answerId));
    }
    case "assign": {
      const result = await assignQuestion(user, questionId, intent.assigneeId);
      if (result === "forbidden") return fail(403, "qa.error.staffOnly");
      if (result === "not-found") return NOT_FOUND;
      if (result === "invalid") return fail(400, "qa.error.assigneeInvalid");
      return done(intent.assigneeId ? "qa.toast.assigned" : "qa.toast.unassigned");
    }
  }
}
