// Reports from members, staff moderation (hide, lock, restore) with an audit record, and the
// staff queue of questions nobody has answered yet.
import { db } from "~/db.server";
import { indexing } from "~/search/indexing.server";
import { isStaff } from "~/users/roles";
import { canModerate, stateAfterRestore } from "./state";

export async function reportPost(reporter: { id: string }, targetType: "question" | "answer", targetId: string, reason: string) {
  const exists =
    targetType === "question"
      ? await db.question.findUnique({ where: { id: targetId }, select: { id: true } })
      : await db.answer.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!exists) return "not-found" as const;
  await db.report.create({ data: { reporterId: reporter.id, targetType, targetId, reason } });
  return "ok" as const;
}

async function audit(actorId: string, action: string, targetType: string, targetId: string, detail = "") {
  await db.auditEntry.create({ data: { actorId, action, targetType, targetId, detail } });
}

async function resolveReports(staffId: string, targetType: string, targetId: string, resolution: "hidden" | "dismissed") {
  await db.report.updateMany({ where: { targetType, targetId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: staffId, resolution } });
}

export type ModerationResult = "ok" | "not-found" | "forbidden" | "invalid";

export async function moderateQuestion(staff: { id: string; role: string }, questionId: string, action: "lock" | "hide" | "restore"): Promise<ModerationResult> {
  if (!isStaff(staff.role)) return "forbidden";
  const question = await db.question.findUnique({ where: { id: questionId }, select: { state: true, acceptedAnswerId: true } });
  if (!question) return "not-found";
  if (!canModerate(action, question.state)) return "invalid";
  const state = action === "restore" ? stateAfterRestore(question.acceptedAnswerId !== null) : action === "lock" ? "locked" : "hidden";
  await db.question.update({ where: { id: questionId }, data: { state } });
  await indexing.question(questionId);
  await audit(staff.id, `question.${action}`, "question", questionId, `${question.state} → ${state}`);
  if (action === "hide") await resolveReports(staff.id, "question", questionId, "hidden");
  return "ok";
}

export async function moderateAnswer(staff: { id: string; role: string }, answerId: string, action: "hide" | "restore"): Promise<ModerationResult> {
  if (!isStaff(staff.role)) return "forbidden";
  const answer = await db.answer.findUnique({ where: { id: answerId }, select: { hiddenAt: true, questionId: true } });
  if (!answer) return "not-found";
  if ((action === "hide") === (answer.hiddenAt !== null)) return "invalid";
  await db.answer.update({ where: { id: answerId }, data: { hiddenAt: action === "hide" ? new Date() : null } });
  await indexing.question(answer.questionId);
  await audit(staff.id, `answer.${action}`, "answer", answerId);
  if (action === "hide") await resolveReports(staff.id, "answer", answerId, "hidden");
  return "ok";
}

export async function dismissReports(staff: { id: string; role: string }, targetType: "question" | "answer", targetId: string): Promise<ModerationResult> {
  if (!isStaff(staff.role)) return "forbidden";
  await resolveReports(staff.id, targetType, targetId, "dismissed");
  await audit(staff.id, "reports.dismiss", targetType, targetId);
  return "ok";
}

/** Staff give a question to a colleague (or take it back with null). */
export async function assignQuestion(staff: { id: string; role: string }, questionId: string, assigneeId: string | null): Promise<ModerationResult> {
  if (!isStaff(staff.role)) return "forbidden";
  if (assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: assigneeId }, select: { role: true } });
    if (!assignee || !isStaff(assignee.role)) return "invalid";
  }
  const updated = await db.question.updateMany({ where: { id: questionId }, data: { assigneeId } });
  if (updated.count === 0) return "not-found";
  await audit(staff.id, "question.assign", "question", questionId, assigneeId ?? "unassigned");
  return "ok";
}

/** Open questions without answers, oldest first, with the asker's company. */
export async function unansweredQueue(page: number, pageSize = 30) {
  const where = { state: "open", answerCount: 0 };
  const [total, questions] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      orderBy: { createdAt: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        beginner: true,
        createdAt: true,
        author: { select: { name: true, account: { select: { id: true, name: true } } } },
        assignee: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / pageSize)), questions };
}

/** Open reports, grouped by post, oldest first. */
export async function openReports() {
  return db.report.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, targetType: true, targetId: true, reason: true, createdAt: true, reporter: { select: { name: true } } },
  });
}

export async function staffMembers() {
  return db.user.findMany({ where: { role: { in: ["cs", "admin"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
