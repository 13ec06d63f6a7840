// The staff Q&A pages against a real (per-file) database: reports grouped by post with the right
// links, hide and dismiss, the queue's assign form, and who may open the pages at all.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { action as queueAction, loader as queueLoader } from "~/routes/questions.queue";
import { action as reportsAction, loader as reportsLoader } from "~/routes/questions.reports";
import { postAnswer } from "./answers.server";
import { reportPost } from "./moderation.server";
import { askQuestion } from "./questions.server";
import { loadReportQueue, runReportAction } from "./staff.server";

const BASE = "https://kizuna.test";
let n = 0;
async function person(role: "member" | "cs" | "admin" = "member", name?: string) {
  n += 1;
  const account = role === "member" ? await upsertAccount({ name: `会社${n}`, domains: [`staff-qa-${n}-${Date.now()}.example`] }) : null;
  const user = await upsertUser({ email: uniqueEmail(), name: name ?? `人 ${n}`, accountId: account?.id ?? null, role });
  return { ...user, accountId: user.accountId, role };
}
type Person = Awaited<ReturnType<typeof person>>;

const minutes = (m: number) => new Date(Date.UTC(2026, 10, 1, 9, m));

async function setup() {
  const staff = await person("cs", "佐藤 美咲");
  const colleague = await person("cs", "森 由紀");
  const asker = await person("member", "田中 春香");
  const answerer = await person("member", "鈴木 健二");
  const reporter = await person("member", "伊藤 彩");
  const question = await askQuestion(asker, { title: "CSVの出力方法を教えてください", body: "管理画面からCSVを出したいです。", tags: ["csv"], beginner: true }, minutes(0));
  const answered = await postAnswer(answerer, question.id, "設定 > エクスポート から出せます。", BASE, minutes(5));
  if (!answered.ok) throw new Error("answer failed");
  return { staff, colleague, asker, answerer, reporter, question, answerId: answered.answerId };
}

describe("loadReportQueue", () => {
  test("groups a post's reports under its first one, oldest first, with links to the post", async () => {
    const { reporter, asker, question, answerId } = await setup();
    await reportPost(reporter, "answer", answerId, "宣伝のように見えます");
    await reportPost(asker, "question", question.id, "重複した質問です");
    await reportPost(asker, "answer", answerId, "不正確です");

    // Each test file has its own database, and this is its first test: the queue holds only these.
    const queue = await loadReportQueue();
    expect(queue.map((g) => [g.targetType, g.reports.map((r) => r.reason)])).toEqual([
      ["answer", ["宣伝のように見えます", "不正確です"]],
      ["question", ["重複した質問です"]],
    ]);
    expect(queue[0]!.post).toEqual({ title: "CSVの出力方法を教えてください", excerpt: "設定 > エクスポート から出せます。", href: `/questions/${question.id}#answer-${answerId}`, hidden: false });
    expect(queue[0]!.reports[0]!.reporterName).toBe("伊藤 彩");
    expect(queue[1]!.post?.href).toBe(`/questions/${question.id}`);
  });

  test("a post deleted after it was reported still shows, without content", async () => {
    const { reporter } = await setup();
    const lonely = await askQuestion(reporter, { title: "削除される予定の質問です", body: "本文", tags: [], beginner: false });
    await reportPost(reporter, "question", lonely.id, "間違えて投稿しました");
    await db.question.delete({ where: { id: lonely.id } });
    const group = (await loadReportQueue()).find((g) => g.targetId === lonely.id);
    expect(group!.post).toBeNull();
    expect(group!.reports).toHaveLength(1);
  });
});

describe("runReportAction", () => {
  test("hide hides the post and closes its reports; hiding again is refused", async () => {
    const { staff, reporter, answerId } = await setup();
    await reportPost(reporter, "answer", answerId, "不適切です");
    expect(await runReportAction(staff, { intent: "hide", targetType: "answer", targetId: answerId })).toBe("ok");
    expect((await db.answer.findUniqueOrThrow({ where: { id: answerId } })).hiddenAt).not.toBeNull();
    expect(await db.report.findFirstOrThrow({ where: { targetId: answerId } })).toMatchObject({ resolution: "hidden", resolvedById: staff.id });
    expect((await loadReportQueue()).some((g) => g.targetId === answerId)).toBe(false);
    expect(await runReportAction(staff, { intent: "hide", targetType: "answer", targetId: answerId })).toBe("already-hidden");
  });

  test("dismiss closes the reports and leaves the post; unknown posts are not found", async () => {
    const { staff, reporter, question } = await setup();
    await reportPost(reporter, "question", question.id, "よくわかりません");
    expect(await runReportAction(staff, { intent: "dismiss", targetType: "question", targetId: question.id })).toBe("ok");
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).state).toBe("open");
    expect(await db.report.findFirstOrThrow({ where: { targetId: question.id } })).toMatchObject({ resolution: "dismissed" });
    expect(await db.auditEntry.count({ where: { action: "reports.dismiss", targetId: question.id } })).toBe(1);

    expect(await runReportAction(staff, { intent: "dismiss", targetType: "question", targetId: question.id })).toBe("no-reports");
    expect(await runReportAction(staff, { intent: "dismiss", targetType: "answer", targetId: "no-such-answer" })).toBe("not-found");
    expect(await runReportAction(staff, { intent: "hide", targetType: "question", targetId: "no-such-question" })).toBe("not-found");
  });
});

describe("the staff routes", () => {
  async function request(who: Person | null, href: string, form?: Record<string, string>) {
    const headers = new Headers();
    if (who) {
      const session = await lucia.createSession(who.id, {});
      headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
    }
    return new Request(href, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  }
  async function answer(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null; body: unknown }> {
    try {
      const result = await run();
      if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
      const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
      if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
      return { status: 200, body: result };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
      throw thrown;
    }
  }
  const args = async (who: Person | null, href: string, form?: Record<string, string>) => ({ request: await request(who, href, form), params: {}, context: { clientIp: "127.0.0.1" } });
  const QUEUE = "http://localhost/questions/queue";
  const REPORTS = "http://localhost/questions/reports";

  test("members get 403 on both pages and their actions; visitors are sent to sign in", async () => {
    const { asker, question } = await setup();
    for (const load of [queueLoader, reportsLoader]) {
      const href = load === queueLoader ? QUEUE : REPORTS;
      expect((await answer(async () => load(await args(asker, href)))).status).toBe(403);
      expect((await answer(async () => load(await args(null, href)))).status).toBe(302);
    }
    expect((await answer(async () => queueAction(await args(asker, QUEUE, { questionId: question.id, assigneeId: asker.id })))).status).toBe(403);
    expect((await answer(async () => reportsAction(await args(asker, REPORTS, { intent: "dismiss", targetType: "question", targetId: question.id })))).status).toBe(403);
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).assigneeId).toBeNull();
  });

  test("the queue lists unanswered open questions with the asker's company, and assigns", async () => {
    const { staff, colleague, asker } = await setup();
    const waiting = await askQuestion(asker, { title: "権限の設定について質問です", body: "本文", tags: [], beginner: false }, minutes(1));
    const page = (await answer(async () => queueLoader(await args(staff, QUEUE)))) as { status: number; body: Awaited<ReturnType<typeof queueLoader>> };
    expect(page.status).toBe(200);
    expect(page.body.questions.map((q) => q.id)).toEqual([waiting.id]);
    expect(page.body.questions[0]!.author?.account?.id).toBe(asker.accountId);
    expect(page.body.staff.map((s) => s.name)).toEqual(expect.arrayContaining(["佐藤 美咲", "森 由紀"]));

    const assigned = await answer(async () => queueAction(await args(staff, `${QUEUE}?page=1`, { questionId: waiting.id, assigneeId: colleague.id })));
    expect(assigned).toMatchObject({ status: 302, location: "/questions/queue?page=1" });
    expect((await db.question.findUniqueOrThrow({ where: { id: waiting.id } })).assigneeId).toBe(colleague.id);

    // Only staff can be assignees; unknown questions are 404; "unassigned" takes it back.
    expect((await answer(async () => queueAction(await args(staff, QUEUE, { questionId: waiting.id, assigneeId: asker.id })))).status).toBe(400);
    expect((await answer(async () => queueAction(await args(staff, QUEUE, { questionId: waiting.id })))).status).toBe(400);
    expect((await answer(async () => queueAction(await args(staff, QUEUE, { questionId: "nope", assigneeId: colleague.id })))).status).toBe(404);
    expect((await db.question.findUniqueOrThrow({ where: { id: waiting.id } })).assigneeId).toBe(colleague.id);
    expect((await answer(async () => queueAction(await args(staff, QUEUE, { questionId: waiting.id, assigneeId: "unassigned" })))).status).toBe(302);
    expect((await db.question.findUniqueOrThrow({ where: { id: waiting.id } })).assigneeId).toBeNull();
  });

  test("the reports page hides and dismisses; bad input is 400, unknown posts 404", async () => {
    const { staff, reporter, answerId } = await setup();
    await reportPost(reporter, "answer", answerId, "不適切です");
    expect((await answer(async () => reportsAction(await args(staff, REPORTS, { intent: "delete", targetType: "answer", targetId: answerId })))).status).toBe(400);
    expect((await answer(async () => reportsAction(await args(staff, REPORTS, { intent: "hide", targetType: "answer", targetId: "nope" })))).status).toBe(404);
    expect((await answer(async () => reportsAction(await args(staff, REPORTS, { intent: "hide", targetType: "answer", targetId: answerId })))).status).toBe(302);
    expect((await db.answer.findUniqueOrThrow({ where: { id: answerId } })).hiddenAt).not.toBeNull();
    expect((await answer(async () => reportsAction(await args(staff, REPORTS, { intent: "hide", targetType: "answer", targetId: answerId })))).status).toBe(409);
  });
});
