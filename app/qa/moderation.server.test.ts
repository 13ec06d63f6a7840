// Staff moderation against a real database: state transitions, the audit trail, reports and the
// queue of unanswered questions.
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { postAnswer, toggleAccept, type Person } from "./answers.server";
import { assignQuestion, dismissReports, moderateAnswer, moderateQuestion, openReports, reportPost, unansweredQueue } from "./moderation.server";
import { askQuestion, loadQuestion } from "./questions.server";

const BASE_URL = "http://localhost:3000";

beforeAll(() => {
  vi.spyOn(console, "info").mockImplementation(() => {}); // the mailer's outbox log
});

async function person(role: "member" | "cs" | "admin" = "member"): Promise<Person> {
  const user = await upsertUser({ email: uniqueEmail(), name: role === "member" ? "メンバー" : "スタッフ", role });
  return { id: user.id, accountId: user.accountId, role: user.role, name: user.name };
}

let minutes = 0;
async function question(asker: Person, title = "フォームの項目はいくつが適切ですか？") {
  minutes += 1;
  return askQuestion(asker, { title, body: "本文", tags: [], beginner: true }, new Date(Date.UTC(2026, 0, 1, 0, minutes)));
}

async function answered(asker: Person, answerer: Person) {
  const q = await question(asker);
  const result = await postAnswer(answerer, q.id, "回答", BASE_URL);
  if (!result.ok) throw new Error(result.error);
  expect(await toggleAccept(asker, result.answerId, BASE_URL)).toBe("ok");
  return { questionId: q.id, answerId: result.answerId };
}

const stateOf = async (id: string) => (await db.question.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;

describe("moderateQuestion", () => {
  it("is for staff only", async () => {
    const member = await person();
    const q = await question(member);
    for (const action of ["lock", "hide", "restore"] as const) expect(await moderateQuestion(member, q.id, action)).toBe("forbidden");
    expect(await stateOf(q.id)).toBe("open");
    expect(await moderateQuestion(await person("cs"), "no-such-question", "lock")).toBe("not-found");
  });

  it("locks, hides and restores only from the states that allow it", async () => {
    const staff = await person("cs");
    const member = await person();
    const q = await question(member);

    expect(await moderateQuestion(staff, q.id, "restore")).toBe("invalid");
    expect(await moderateQuestion(staff, q.id, "lock")).toBe("ok");
    expect(await stateOf(q.id)).toBe("locked");
    expect(await moderateQuestion(staff, q.id, "lock")).toBe("invalid");
    expect(await moderateQuestion(staff, q.id, "hide")).toBe("ok");
    expect(await stateOf(q.id)).toBe("hidden");
    expect(await moderateQuestion(staff, q.id, "hide")).toBe("invalid");
    expect(await moderateQuestion(staff, q.id, "lock")).toBe("invalid");
    expect(await moderateQuestion(staff, q.id, "restore")).toBe("ok");
    expect(await stateOf(q.id)).toBe("open");
  });

  it("restores to answered when an answer is accepted", async () => {
    const staff = await person("admin");
    const { questionId } = await answered(await person(), await person());
    expect(await stateOf(questionId)).toBe("answered");
    expect(await moderateQuestion(staff, questionId, "restore")).toBe("invalid");
    expect(await moderateQuestion(staff, questionId, "lock")).toBe("ok");
    expect(await moderateQuestion(staff, questionId, "restore")).toBe("ok");
    expect(await stateOf(questionId)).toBe("answered");
    expect(await moderateQuestion(staff, questionId, "hide")).toBe("ok");
    expect(await moderateQuestion(staff, questionId, "restore")).toBe("ok");
    expect(await stateOf(questionId)).toBe("answered");
  });

  it("writes an audit row with the actor for every change, and none for a refused one", async () => {
    const staff = await person("cs");
    const q = await question(await person());
    await moderateQuestion(staff, q.id, "lock");
    await moderateQuestion(staff, q.id, "lock"); // invalid: no row
    await moderateQuestion(staff, q.id, "hide");
    await moderateQuestion(staff, q.id, "restore");
    const rows = await db.auditEntry.findMany({ where: { targetType: "question", targetId: q.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true, detail: true } });
    expect(rows).toEqual([
      { actorId: staff.id, action: "question.lock", detail: "open → locked" },
      { actorId: staff.id, action: "question.hide", detail: "locked → hidden" },
      { actorId: staff.id, action: "question.restore", detail: "hidden → open" },
    ]);
  });

  it("resolves open reports on the question when it is hidden, and leaves others alone", async () => {
    const staff = await person("cs");
    const asker = await person();
    const q = await question(asker);
    const other = await question(asker);
    expect(await reportPost(await person(), "question", q.id, "宣伝です")).toBe("ok");
    expect(await reportPost(await person(), "question", q.id, "スパム")).toBe("ok");
    await reportPost(await person(), "question", other.id, "重複");
    expect(await reportPost(await person(), "question", "no-such-question", "x")).toBe("not-found");

    expect(await moderateQuestion(staff, q.id, "hide")).toBe("ok");
    const reports = await db.report.findMany({ where: { targetId: q.id } });
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report).toMatchObject({ resolvedById: staff.id, resolution: "hidden" });
    expect(reports.every((r) => r.resolvedAt instanceof Date)).toBe(true);
    expect((await openReports()).map((r) => r.targetId)).toEqual([other.id]);
  });

  it("keeps hidden questions from members and shows them to staff", async () => {
    const staff = await person("cs");
    const member = await person();
    const q = await question(member);
    await moderateQuestion(staff, q.id, "hide");
    expect(await loadQuestion(q.id, member)).toBeNull();
    expect(await loadQuestion(q.id, null)).toBeNull();
    expect((await loadQuestion(q.id, staff))?.question.state).toBe("hidden");
  });
});

describe("moderateAnswer and reports", () => {
  it("hides and restores answers with an audit row, resolving their reports", async () => {
    const staff = await person("cs");
    const member = await person();
    const { questionId, answerId } = await answered(await person(), await person());
    await reportPost(member, "answer", answerId, "失礼な表現");

    expect(await moderateAnswer(member, answerId, "hide")).toBe("forbidden");
    expect(await moderateAnswer(staff, answerId, "restore")).toBe("invalid");
    expect(await moderateAnswer(staff, answerId, "hide")).toBe("ok");
    expect(await moderateAnswer(staff, answerId, "hide")).toBe("invalid");
    expect(await db.report.findFirstOrThrow({ where: { targetId: answerId } })).toMatchObject({ resolution: "hidden", resolvedById: staff.id });
    expect((await loadQuestion(questionId, member))?.answers.map((a) => a.id)).toEqual([]);
    expect((await loadQuestion(questionId, staff))?.answers.map((a) => a.id)).toEqual([answerId]);

    expect(await moderateAnswer(staff, answerId, "restore")).toBe("ok");
    expect((await loadQuestion(questionId, member))?.answers.map((a) => a.id)).toEqual([answerId]);
    expect(await moderateAnswer(staff, "no-such-answer", "hide")).toBe("not-found");
    const actions = await db.auditEntry.findMany({ where: { targetId: answerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true } });
    expect(actions).toEqual([
      { actorId: staff.id, action: "answer.hide" },
      { actorId: staff.id, action: "answer.restore" },
    ]);
  });

  it("lets staff dismiss reports, with an audit row", async () => {
    const staff = await person("admin");
    const member = await person();
    const q = await question(member);
    await reportPost(await person(), "question", q.id, "勘違いでした");
    expect(await dismissReports(member, "question", q.id)).toBe("forbidden");
    expect(await dismissReports(staff, "question", q.id)).toBe("ok");
    expect(await db.report.findFirstOrThrow({ where: { targetId: q.id } })).toMatchObject({ resolution: "dismissed", resolvedById: staff.id });
    expect(await stateOf(q.id)).toBe("open");
    expect(await db.auditEntry.count({ where: { actorId: staff.id, action: "reports.dismiss", targetId: q.id } })).toBe(1);
    // A later hide does not overwrite an earlier decision.
    await moderateQuestion(staff, q.id, "hide");
    expect(await db.report.findFirstOrThrow({ where: { targetId: q.id } })).toMatchObject({ resolution: "dismissed" });
  });
});

describe("assignQuestion", () => {
  it("assigns only to staff, by staff, and can take the assignment back", async () => {
    const staff = await person("cs");
    const colleague = await person("admin");
    const member = await person();
    const q = await question(member);

    expect(await assignQuestion(member, q.id, staff.id)).toBe("forbidden");
    expect(await assignQuestion(staff, q.id, member.id)).toBe("invalid");
    expect(await assignQuestion(staff, q.id, "no-such-user")).toBe("invalid");
    expect(await assignQuestion(staff, "no-such-question", colleague.id)).toBe("not-found");
    expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).assigneeId).toBeNull();

    expect(await assignQuestion(staff, q.id, colleague.id)).toBe("ok");
    expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).assigneeId).toBe(colleague.id);
    expect(await assignQuestion(staff, q.id, null)).toBe("ok");
    expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).assigneeId).toBeNull();
    const rows = await db.auditEntry.findMany({ where: { action: "question.assign", targetId: q.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, detail: true } });
    expect(rows).toEqual([
      { actorId: staff.id, detail: colleague.id },
      { actorId: staff.id, detail: "unassigned" },
    ]);
  });
});

describe("unansweredQueue", () => {
  it("lists open questions without answers, oldest first", async () => {
    const staff = await person("cs");
    const member = await person();
    const before = (await unansweredQueue(1, 500)).questions.map((q) => q.id);
    const older = await question(member, "一番古い未回答の質問です");
    const newer = await question(member, "新しい未回答の質問です");
    const locked = await question(member, "ロックされた質問です");
    await moderateQuestion(staff, locked.id, "lock");
    const hidden = await question(member, "非表示の質問です");
    await moderateQuestion(staff, hidden.id, "hide");
    const { questionId: done } = await answered(member, await person());

    const queue = await unansweredQueue(1, 500);
    const ids = queue.questions.map((q) => q.id).filter((id) => !before.includes(id));
    expect(ids).toEqual([older.id, newer.id]);
    expect(queue.questions.map((q) => q.id)).not.toContain(done);
  });
});
