// What the staff Q&A pages need beyond the moderation core: open reports grouped by the post they
// flag, with what staff need to judge it (title or excerpt, already hidden?, a link), the
// hide/dismiss actions, and the queue's assign form.
import { z } from "zod";
import { db } from "~/db.server";
import { questionHref } from "./model";
import { dismissReports, moderateAnswer, moderateQuestion, openReports } from "./moderation.server";

const EXCERPT_CHARS = 200;

type TargetType = "question" | "answer";

export type ReportedPost = {
  targetType: TargetType;
  targetId: string;
  /** null when the post was deleted after it was reported. */
  post: { title: string; excerpt: string; href: string; hidden: boolean } | null;
  reports: Array<{ id: string; reason: string; createdAt: Date; reporterName: string | null }>;
};

function excerpt(markdown: string): string {
  const text = markdown.replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

/** Oldest report first; a post's reports stay together under its first one. */
export async function loadReportQueue(): Promise<ReportedPost[]> {
  const reports = await openReports();
  const groups = new Map<string, ReportedPost>();
  for (const report of reports) {
    const targetType: TargetType = report.targetType === "answer" ? "answer" : "question";
    const key = `${targetType}:${report.targetId}`;
    const group = groups.get(key) ?? { targetType, targetId: report.targetId, post: null, reports: [] };
    group.reports.push({ id: report.id, reason: report.reason, createdAt: report.createdAt, reporterName: report.reporter?.name ?? null });
    groups.set(key, group);
  }
  const idsOf = (type: TargetType) => [...groups.values()].filter((g) => g.targetType === type).map((g) => g.targetId);
  const [questions, answers] = await Promise.all([
    db.question.findMany({ where: { id: { in: idsOf("question") } }, select: { id: true, title: true, body: true, state: true } }),
    db.answer.findMany({ where: { id: { in: idsOf("answer") } }, select: { id: true, body: true, hiddenAt: true, question: { select: { id: true, title: true } } } }),
  ]);
  for (const q of questions) {
    groups.get(`question:${q.id}`)!.post = { title: q.title, excerpt: excerpt(q.body), href: questionHref(q.id), hidden: q.state === "hidden" };
  }
  for (const a of answers) {
    groups.get(`answer:${a.id}`)!.post = {
      title: a.question.title,
      excerpt: excerpt(a.body),
      href: `${questionHref(a.question.id)}#answer-${a.id}`,
      hidden: a.hiddenAt !== null,
    };
  }
  return [...groups.values()];
}

export const reportActionSchema = z.object({
  intent: z.enum(["hide", "dismiss"]),
  targetType: z.enum(["question", "answer"]),
  targetId: z.string().trim().min(1).max(40),
});

export type ReportAction = z.infer<typeof reportActionSchema>;

/** "not-found": no such post and nothing to dismiss; "already-hidden": hide on a hidden post; "no-reports": someone already handled them. */
export async function runReportAction(staff: { id: string; role: string }, input: ReportAction): Promise<"ok" | "forbidden" | "not-found" | "already-hidden" | "no-reports"> {
  if (input.intent === "hide") {
    const result = input.targetType === "question" ? await moderateQuestion(staff, input.targetId, "hide") : await moderateAnswer(staff, input.targetId, "hide");
    return result === "invalid" ? "already-hidden" : result;
  }
  const open = await db.report.count({ where: { targetType: input.targetType, targetId: input.targetId, resolvedAt: null } });
  if (open === 0) {
    const exists =
      input.targetType === "question"
        ? await db.question.count({ where: { id: input.targetId } })
        : await db.answer.count({ where: { id: input.targetId } });
    return exists ? "no-reports" : "not-found";
  }
  return (await dismissReports(staff, input.targetType, input.targetId)) === "ok" ? "ok" : "forbidden";
}

/** "unassigned" takes the question back; any other value must be a staff member's id. */
export const assignSchema = z.object({
  questionId: z.string().trim().min(1).max(40),
  assigneeId: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .transform((id) => (id === "unassigned" ? null : id)),
});
