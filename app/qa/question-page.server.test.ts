// The question page's loader and action against a real (per-file) database: who sees what, who may
// do what, and that refused or malformed requests change nothing.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { action, loader } from "~/routes/questions.$questionId";
import { loader as similarLoader } from "~/routes/questions.similar";
import { postAnswer } from "./answers.server";
import { moderateAnswer, moderateQuestion } from "./moderation.server";
import { askQuestion } from "./questions.server";

type Person = { id: string; accountId: string | null; role: string; name: string };

let n = 0;
async function person(role: "member" | "cs" = "member"): Promise<Person> {
  n += 1;
  const account = role === "member" ? await upsertAccount({ name: `会社${n}`, domains: [`qa-page-${n}-${Date.now()}.example`] }) : null;
  const user = await upsertUser({ email: uniqueEmail(), name: `人 ${n}`, accountId: account?.id ?? null, role });
  return { id: user.id, accountId: user.accountId, role, name: user.name };
}

async function setup() {
  const [asker, answerer, other, staff] = [await person(), await person(), await person(), await person("cs")];
  const question = await askQuestion(asker, { title: "リードスコアの減衰はどう設定していますか？", body: "教えてください", tags: ["スコアリング"], beginner: true });
  const answer = await postAnswer(answerer, question.id, "30日ごとに半減させています", "http://localhost");
  if (!answer.ok) throw new Error("answer failed");
  return { asker, answerer, other, staff, questionId: question.id, answerId: answer.answerId };
}

const url = (questionId: string, search = "") => `http://localhost/questions/${questionId}${search}`;
async function request(who: Person | null, href: string, form?: Record<string, string>) {
  const headers = new Headers();
  if (who) {
    const session = await lucia.createSession(who.id, {});
    headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
  }
  return new Request(href, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
}
type Answer = { status: number; location?: string | null; body: unknown };
async function answer(run: () => Promise<unknown>): Promise<Answer> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    // formFailure() answers with single-fetch `data()`, which carries its status in `init`.
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
    throw thrown;
  }
}
const context = { clientIp: "127.0.0.1" };
const load = async (who: Person | null, questionId: string, search = "") => answer(async () => loader({ request: await request(who, url(questionId, search)), params: { questionId }, context }));
const act = async (who: Person | null, questionId: string, form: Record<string, string>) =>
  answer(async () => action({ request: await request(who, url(questionId), form), params: { questionId }, context }));
const formError = (result: Answer) => (result.body as { formError?: string | null }).formError;
const snapshot = async (questionId: string) => ({
  question: await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { title: true, body: true, state: true, score: true, acceptedAnswerId: true, answerCount: true, editedAt: true } }),
  answers: await db.answer.findMany({ where: { questionId }, select: { id: true, body: true, score: true, official: true, hiddenAt: true }, orderBy: { id: "asc" } }),
  votes: await db.vote.count(),
  reputation: await db.reputationEvent.count(),
  reports: await db.report.count(),
  notifications: await db.notification.count(),
});

describe("the question page", () => {
  it("shows questions to everyone, hidden ones only to staff, and answers 404 for unknown ids", async () => {
    const { questionId, answerId, asker, staff, other } = await setup();
    const visitor = await load(null, questionId);
    expect(visitor.status).toBe(200);
    const page = visitor.body as { question: { body: string | null; canVote: boolean }; answers: Array<{ id: string }>; staffMembers: unknown[] };
    expect(page.answers.map((a) => a.id)).toEqual([answerId]);
    // Markdown sources and the staff list stay with those who need them.
    expect(page.question.body).toBeNull();
    expect(page.staffMembers).toEqual([]);
    expect(((await load(asker, questionId)).body as { question: { body: string } }).question.body).toBe("教えてください");

    await moderateAnswer(staff, answerId, "hide");
    expect(((await load(other, questionId)).body as { answers: unknown[] }).answers).toHaveLength(0);
    expect(((await load(staff, questionId)).body as { answers: Array<{ hidden: boolean }> }).answers).toEqual([expect.objectContaining({ hidden: true })]);

    await moderateQuestion(staff, questionId, "hide");
    expect((await load(other, questionId)).status).toBe(404);
    expect((await load(asker, questionId)).status).toBe(404);
    expect((await load(staff, questionId)).status).toBe(200);
    expect((await act(other, questionId, { intent: "vote", targetType: "question", targetId: questionId, value: "1" })).status).toBe(404);
    expect((await load(other, "no-such-question")).status).toBe(404);
  });

  it("lets only the asker (or staff) accept; the answerer gains 15 points and is notified", async () => {
    const { questionId, answerId, asker, answerer, other } = await setup();
    const before = await snapshot(questionId);
    const refused = await act(other, questionId, { intent: "accept", answerId });
    expect(refused.status).toBe(403);
    expect(formError(refused)).toBe("回答を承認できるのは、質問した本人と Kizuna スタッフだけです。");
    expect(await snapshot(questionId)).toEqual(before);

    const accepted = await act(asker, questionId, { intent: "accept", answerId });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/questions/${questionId}#answer-${answerId}`);
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).state).toBe("answered");
    expect((await db.user.findUniqueOrThrow({ where: { id: answerer.id } })).reputation).toBe(15);
    expect(await db.notification.count({ where: { userId: answerer.id, type: "qa.accepted" } })).toBe(1);
    const page = (await load(asker, questionId)).body as { answers: Array<{ accepted: boolean; canAccept: boolean; canDelete: boolean }> };
    expect(page.answers[0]).toMatchObject({ accepted: true, canAccept: true });
    // Not even its author may delete the accepted answer.
    expect((await act(answerer, questionId, { intent: "delete-answer", answerId })).status).toBe(409);
  });

  it("refuses accepting, answering and voting on a locked question with 409", async () => {
    const { questionId, answerId, asker, staff, other } = await setup();
    expect((await act(other, questionId, { intent: "moderate-question", action: "lock" })).status).toBe(403);
    expect((await act(staff, questionId, { intent: "moderate-question", action: "lock" })).status).toBe(302);
    const before = await snapshot(questionId);
    const accept = await act(asker, questionId, { intent: "accept", answerId });
    expect(accept.status).toBe(409);
    expect(formError(accept)).toContain("ロック");
    expect((await act(other, questionId, { intent: "answer", body: "遅れて回答" })).status).toBe(409);
    expect((await act(other, questionId, { intent: "vote", targetType: "answer", targetId: answerId, value: "1" })).status).toBe(409);
    expect(await snapshot(questionId)).toEqual(before);
    const page = (await load(asker, questionId)).body as { viewer: { canAnswer: boolean }; answers: Array<{ canAccept: boolean }> };
    expect(page.viewer.canAnswer).toBe(false);
    expect(page.answers[0]!.canAccept).toBe(false);
  });

  it("says so when a vote is repeated, and a vote of 0 takes it back", async () => {
    const { questionId, answerId, answerer, other } = await setup();
    const vote = (value: string) => act(other, questionId, { intent: "vote", targetType: "answer", targetId: answerId, value });
    expect((await vote("1")).status).toBe(302);
    const before = await snapshot(questionId);
    const again = await vote("1");
    expect(again.status).toBe(409);
    expect(formError(again)).toBe("すでに賛成票を投じています。投票は変わっていません。");
    expect(await snapshot(questionId)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: answerer.id } })).reputation).toBe(10);
    expect((await vote("0")).status).toBe(302);
    expect((await db.answer.findUniqueOrThrow({ where: { id: answerId } })).score).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: answerer.id } })).reputation).toBe(0);
    expect((await act(answerer, questionId, { intent: "vote", targetType: "answer", targetId: answerId, value: "1" })).status).toBe(403);
  });

  it("answers bad input with 400 and foreign ids with 404, storing nothing", async () => {
    const { questionId, answerId, asker, other } = await setup();
    const elsewhere = await setup();
    const before = await snapshot(questionId);
    const emptyTitle = await act(asker, questionId, { intent: "edit-question", title: "", body: "本文", tags: "" });
    expect(emptyTitle.status).toBe(400);
    expect((emptyTitle.body as { errors: Record<string, string> }).errors.title).toBe("タイトルは8〜150文字で入力してください。");
    const longBody = "あ".repeat(20_001);
    const tooLong = await act(other, questionId, { intent: "answer", body: longBody });
    expect(tooLong.status).toBe(400);
    // The whole text comes back, so it can be shortened.
    expect((tooLong.body as { values: Record<string, string> }).values.body).toBe(longBody);
    const tags = Array.from({ length: 50 }, (_, i) => `t${i}`).join(",");
    expect((await act(asker, questionId, { intent: "edit-question", title: "リードスコアの減衰の設定", body: "本文", tags })).status).toBe(400);
    expect((await act(other, questionId, { intent: "report", targetType: "question", targetId: questionId, reason: "" })).status).toBe(400);
    expect((await act(other, questionId, { intent: "self-destruct" })).status).toBe(400);
    // An answer of another question, through this question's URL.
    expect((await act(elsewhere.asker, questionId, { intent: "accept", answerId: elsewhere.answerId })).status).toBe(404);
    expect((await act(other, questionId, { intent: "vote", targetType: "question", targetId: elsewhere.questionId, value: "1" })).status).toBe(404);
    expect((await act(asker, questionId, { intent: "delete-question" })).status).toBe(409);
    expect((await act(other, questionId, { intent: "edit-answer", answerId, body: "書き換え" })).status).toBe(403);
    expect(await snapshot(questionId)).toEqual(before);
    expect(await db.tag.count({ where: { name: "t10" } })).toBe(0);
    // Visitors are sent to sign in before anything happens.
    const visitor = await act(null, questionId, { intent: "answer", body: "匿名" });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toContain("/login");
  });

  it("edits with a marker, reports, and lets staff mark an official answer", async () => {
    const { questionId, answerId, asker, answerer, other, staff } = await setup();
    expect((await act(asker, questionId, { intent: "edit-question", title: "リードスコアの減衰はどう設定？", body: "追記しました", tags: "スコアリング, 減衰", beginner: "on" })).status).toBe(302);
    const edited = await db.question.findUniqueOrThrow({ where: { id: questionId }, include: { tags: { include: { tag: true } } } });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.tags.map((t) => t.tag.name).sort()).toEqual(["スコアリング", "減衰"].sort());
    expect((await act(answerer, questionId, { intent: "edit-answer", answerId, body: "**14日**ごとに" })).status).toBe(302);
    expect((await db.answer.findUniqueOrThrow({ where: { id: answerId } })).bodyHtml).toContain("<strong>14日</strong>");
    expect((await act(other, questionId, { intent: "report", targetType: "answer", targetId: answerId, reason: "宣伝です" })).status).toBe(302);
    expect(await db.report.count({ where: { targetId: answerId } })).toBe(1);
    expect((await act(other, questionId, { intent: "official", answerId })).status).toBe(403);
    expect((await act(staff, questionId, { intent: "official", answerId })).status).toBe(302);
    expect((await db.answer.findUniqueOrThrow({ where: { id: answerId } })).official).toBe(true);
    expect((await act(staff, questionId, { intent: "assign", assigneeId: other.id })).status).toBe(400);
    expect((await act(staff, questionId, { intent: "assign", assigneeId: staff.id })).status).toBe(302);
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).assigneeId).toBe(staff.id);
  });

  it("loads tags, authors, the asker's company and assignee for staff, the viewer's votes, and which post's report form is open", async () => {
    const { questionId, answerId, asker, answerer, other, staff } = await setup();
    const second = await postAnswer(other, questionId, "週ごとに見ています", "http://localhost");
    if (!second.ok) throw new Error("answer failed");
    expect((await act(answerer, questionId, { intent: "vote", targetType: "question", targetId: questionId, value: "1" })).status).toBe(302);
    expect((await act(answerer, questionId, { intent: "vote", targetType: "answer", targetId: second.answerId, value: "-1" })).status).toBe(302);
    expect((await act(staff, questionId, { intent: "assign", assigneeId: staff.id })).status).toBe(302);

    type Page = Awaited<ReturnType<typeof loader>>;
    const asMember = (await load(answerer, questionId, `?report=${second.answerId}`)).body as Page;
    expect(asMember.reporting).toBe(second.answerId);
    expect(asMember.question).toMatchObject({ title: "リードスコアの減衰はどう設定していますか？", beginner: true, tags: ["スコアリング"], score: 1, myVote: 1, company: null, assignee: null, body: null });
    expect(asMember.question.author).toMatchObject({ name: asker.name, champion: false });
    expect(asMember.question.createdAt).toBeInstanceOf(Date);
    // Higher score first: the first answer (0) before the down-voted one (-1).
    expect(asMember.answers.map((a) => [a.id, a.score, a.myVote, a.author?.name, a.authorIsStaff])).toEqual([
      [answerId, 0, 0, answerer.name, false],
      [second.answerId, -1, -1, other.name, false],
    ]);
    expect(asMember.answers[0]!.body).toBe("30日ごとに半減させています");

    const asStaff = (await load(staff, questionId)).body as Page;
    expect(asStaff.reporting).toBeNull();
    expect(asStaff.question.company).toBe((await db.account.findUniqueOrThrow({ where: { id: asker.accountId! } })).name);
    expect(asStaff.question.assignee).toEqual({ id: staff.id, name: staff.name });

    // An author whose account was removed shows as a former member.
    await db.user.delete({ where: { id: other.id } });
    const after = (await load(null, questionId)).body as Page;
    expect(after.answers.find((a) => a.id === second.answerId)?.author).toBeNull();
    expect(after.question.myVote).toBe(0);
  });

  it("lets the asker delete a question nobody answered", async () => {
    const asker = await person();
    const question = await askQuestion(asker, { title: "まだ回答のない質問です", body: "本文", tags: [], beginner: false });
    expect((await act(await person(), question.id, { intent: "delete-question" })).status).toBe(403);
    const deleted = await act(asker, question.id, { intent: "delete-question" });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/questions");
    expect(await db.question.count({ where: { id: question.id } })).toBe(0);
  });
});

describe("similar questions", () => {
  it("suggests questions with a similar title once four characters are typed", async () => {
    await setup();
    const lookup = async (title: string) => {
      const response = (await similarLoader({ request: new Request(`http://localhost/questions/similar?${new URLSearchParams({ title })}`), params: {}, context })) as Response;
      return { status: response.status, body: (await response.json()) as { questions?: Array<{ title: string }> } };
    };
    const found = await lookup("リードスコアの減衰について");
    expect(found.status).toBe(200);
    expect(found.body.questions?.map((q) => q.title)).toContain("リードスコアの減衰はどう設定していますか？");
    expect((await lookup("リード")).body.questions).toEqual([]);
    expect((await lookup("あ".repeat(151))).status).toBe(400);
  });
});
