// Answering, voting and accepting against a real database: scores, counters, reputation (with the
// daily cap), notifications and engagement events must all agree with the rows.
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { castVote, deleteAnswer, postAnswer, toggleAccept, type Person } from "./answers.server";
import { moderateAnswer, moderateQuestion } from "./moderation.server";
import { askQuestion, deleteQuestion } from "./questions.server";
import { DAILY_VOTE_CAP, POINTS } from "./reputation";

const BASE_URL = "http://localhost:3000";
const DAY1 = new Date("2026-05-10T10:00:00Z");
const DAY1_LATE = new Date("2026-05-10T23:59:00Z");
const DAY2 = new Date("2026-05-11T00:01:00Z");

async function person(role: "member" | "cs" | "admin" = "member", name = "テスト メンバー"): Promise<Person> {
  const user = await upsertUser({ email: uniqueEmail(), name, role });
  return { id: user.id, accountId: user.accountId, role: user.role, name: user.name };
}

async function question(asker: Person, title = "リードスコアの減衰はどう設定していますか？") {
  return askQuestion(asker, { title, body: "30日で半減させるべきか迷っています。", tags: ["lead-scoring"], beginner: false }, DAY1);
}

async function answer(author: Person, questionId: string, body = "うちは30日で半減にしています。") {
  const result = await postAnswer(author, questionId, body, BASE_URL, DAY1);
  if (!result.ok) throw new Error(`could not answer: ${result.error}`);
  return result.answerId;
}

const reputationOf = async (p: Person) => (await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { reputation: true } })).reputation;
const answerScore = async (id: string) => (await db.answer.findUniqueOrThrow({ where: { id }, select: { score: true } })).score;
const questionRow = (id: string) => db.question.findUniqueOrThrow({ where: { id }, select: { score: true, state: true, acceptedAnswerId: true, answerCount: true } });
const eventCount = (type: string, actorId: string, subjectId?: string) => db.engagementEvent.count({ where: { type, actorId, ...(subjectId ? { subjectId } : {}) } });

// Without SMTP the mailer logs every email it keeps in the outbox; the tests read the outbox.
beforeAll(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

/** Reputation must always equal the sum of the person's rows. */
async function expectReputationConsistent(p: Person) {
  const { _sum } = await db.reputationEvent.aggregate({ where: { userId: p.id }, _sum: { delta: true } });
  expect(await reputationOf(p)).toBe(_sum.delta ?? 0);
}

describe("castVote", () => {
  it("votes up, repeats without effect, changes to down and clears", async () => {
    const asker = await person();
    const answerer = await person();
    const voter = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);

    expect(await castVote(voter, "answer", a, 1, DAY1)).toBe("ok");
    expect(await answerScore(a)).toBe(1);
    expect(await reputationOf(answerer)).toBe(POINTS.answerUpvoted);

    expect(await castVote(voter, "answer", a, 1, DAY1)).toBe("unchanged");
    expect(await answerScore(a)).toBe(1);
    expect(await reputationOf(answerer)).toBe(POINTS.answerUpvoted);

    expect(await castVote(voter, "answer", a, -1, DAY1)).toBe("ok");
    expect(await answerScore(a)).toBe(-1);
    expect(await reputationOf(answerer)).toBe(POINTS.downvoted);
    expect(await castVote(voter, "answer", a, -1, DAY1)).toBe("unchanged");
    expect(await answerScore(a)).toBe(-1);

    expect(await castVote(voter, "answer", a, 0, DAY1)).toBe("ok");
    expect(await answerScore(a)).toBe(0);
    expect(await reputationOf(answerer)).toBe(0);
    expect(await db.vote.count({ where: { targetId: a } })).toBe(0);
    expect(await castVote(voter, "answer", a, 0, DAY1)).toBe("unchanged");
    await expectReputationConsistent(answerer);
  });

  it("gives question authors fewer points than answerers", async () => {
    const asker = await person();
    const voter = await person();
    const q = await question(asker);
    expect(await castVote(voter, "question", q.id, 1, DAY1)).toBe("ok");
    expect((await questionRow(q.id)).score).toBe(1);
    expect(await reputationOf(asker)).toBe(POINTS.questionUpvoted);
  });

  it("keeps one vote per person per post", async () => {
    const asker = await person();
    const voter = await person();
    const q = await question(asker);
    await castVote(voter, "question", q.id, 1, DAY1);
    await castVote(voter, "question", q.id, -1, DAY1);
    await castVote(voter, "question", q.id, 1, DAY1);
    expect(await db.vote.count({ where: { userId: voter.id, targetType: "question", targetId: q.id } })).toBe(1);
    expect((await questionRow(q.id)).score).toBe(1);
    // The database refuses a second row even if code tried to write one.
    await expect(db.vote.create({ data: { userId: voter.id, targetType: "question", targetId: q.id, value: 1 } })).rejects.toThrow();
  });

  it("refuses votes on one's own posts", async () => {
    const asker = await person();
    const q = await question(asker);
    const a = await answer(asker, q.id);
    expect(await castVote(asker, "question", q.id, 1, DAY1)).toBe("own-post");
    expect(await castVote(asker, "answer", a, 1, DAY1)).toBe("own-post");
    expect(await db.vote.count({ where: { userId: asker.id } })).toBe(0);
    expect(await reputationOf(asker)).toBe(0);
  });

  it("refuses votes on locked and hidden posts, and unknown ids", async () => {
    const staff = await person("cs");
    const asker = await person();
    const answerer = await person();
    const voter = await person();
    const locked = await question(asker);
    const lockedAnswer = await answer(answerer, locked.id);
    expect(await moderateQuestion(staff, locked.id, "lock")).toBe("ok");
    expect(await castVote(voter, "question", locked.id, 1, DAY1)).toBe("locked");
    expect(await castVote(voter, "answer", lockedAnswer, 1, DAY1)).toBe("locked");

    const hidden = await question(asker);
    const answerOnHidden = await answer(answerer, hidden.id);
    expect(await moderateQuestion(staff, hidden.id, "hide")).toBe("ok");
    expect(await castVote(voter, "question", hidden.id, 1, DAY1)).toBe("not-found");
    expect(await castVote(voter, "answer", answerOnHidden, 1, DAY1)).toBe("not-found");

    const open = await question(asker);
    const hiddenAnswer = await answer(answerer, open.id);
    expect(await moderateAnswer(staff, hiddenAnswer, "hide")).toBe("ok");
    expect(await castVote(voter, "answer", hiddenAnswer, 1, DAY1)).toBe("not-found");

    expect(await castVote(voter, "answer", "no-such-answer", 1, DAY1)).toBe("not-found");
    expect(await castVote(voter, "question", "no-such-question", 1, DAY1)).toBe("not-found");
    expect(await db.vote.count({ where: { userId: voter.id } })).toBe(0);
    expect(await reputationOf(answerer)).toBe(0);
  });

  it("caps what votes add in one UTC day, resets the next day, and never caps losses", async () => {
    const author = await person();
    const asker = await person();
    const q = await question(asker);
    const answers = [await answer(author, q.id, "一つ目"), await answer(author, q.id, "二つ目")];
    const perDay = DAILY_VOTE_CAP / POINTS.answerUpvoted; // 20 upvotes fill the day
    const voters: Person[] = [];
    for (let i = 0; i < perDay + 5; i++) voters.push(await person("member", `投票者 ${i}`));

    for (let i = 0; i < perDay - 1; i++) await castVote(voters[i]!, "answer", answers[i % 2]!, 1, DAY1);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP - POINTS.answerUpvoted);
    // A question upvote (5) lands on 195; the next answer upvote only adds the 5 left to 200.
    const other = await question(author, "メールの開封率が下がったときに見直すことは？");
    await castVote(voters[perDay - 1]!, "question", other.id, 1, DAY1);
    await castVote(voters[perDay]!, "answer", answers[0]!, 1, DAY1_LATE);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP);
    const partial = await db.reputationEvent.findFirstOrThrow({ where: { userId: author.id, delta: 5, rawDelta: POINTS.answerUpvoted } });
    expect(partial.day).toBe("2026-05-10");

    // Further upvotes today count nothing; the score still moves.
    await castVote(voters[perDay + 1]!, "answer", answers[1]!, 1, DAY1_LATE);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP);
    expect((await answerScore(answers[0]!)) + (await answerScore(answers[1]!))).toBe(perDay + 1);

    // A downvote after the cap still costs its full points.
    await castVote(voters[perDay + 2]!, "answer", answers[0]!, -1, DAY1_LATE);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.downvoted);

    // The next UTC day starts from zero.
    await castVote(voters[perDay + 3]!, "answer", answers[1]!, 1, DAY2);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.downvoted + POINTS.answerUpvoted);

    // Retracting a vote removes exactly what it added: nothing for a capped one, all for a full one.
    await castVote(voters[perDay + 1]!, "answer", answers[1]!, 0, DAY2);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.downvoted + POINTS.answerUpvoted);
    await castVote(voters[perDay]!, "answer", answers[0]!, 0, DAY2);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.downvoted + POINTS.answerUpvoted - 5);
    await castVote(voters[0]!, "answer", answers[0]!, 0, DAY2);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.downvoted + POINTS.answerUpvoted - 5 - POINTS.answerUpvoted);
    await castVote(voters[perDay + 2]!, "answer", answers[0]!, 0, DAY2);
    expect(await reputationOf(author)).toBe(DAILY_VOTE_CAP + POINTS.answerUpvoted - 5 - POINTS.answerUpvoted);
    await expectReputationConsistent(author);
  });

  it("records voted and vote_received once per person and post", async () => {
    const asker = await person();
    const answerer = await person();
    const voter = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    await castVote(voter, "answer", a, 1, DAY1);
    await castVote(voter, "answer", a, 1, DAY1); // unchanged
    await castVote(voter, "answer", a, -1, new Date(DAY1.getTime() + 1000));
    await castVote(voter, "answer", a, 1, new Date(DAY1.getTime() + 2000));
    await castVote(voter, "answer", a, 0, new Date(DAY1.getTime() + 3000));
    await castVote(voter, "answer", a, 1, new Date(DAY1.getTime() + 4000));
    expect(await eventCount("qa.voted", voter.id, a)).toBe(1);
    expect(await eventCount("qa.vote_received", answerer.id, a)).toBe(1);
    const voted = await db.engagementEvent.findFirstOrThrow({ where: { type: "qa.voted", actorId: voter.id }, select: { subjectType: true, metadata: true } });
    expect(voted.subjectType).toBe("answer");
    expect(JSON.parse(voted.metadata ?? "{}")).toEqual({ value: 1 });
  });
});

describe("toggleAccept", () => {
  it("lets only the asker or staff accept", async () => {
    const asker = await person();
    const answerer = await person();
    const bystander = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    expect(await toggleAccept(bystander, a, BASE_URL, DAY1)).toBe("forbidden");
    expect(await toggleAccept(answerer, a, BASE_URL, DAY1)).toBe("forbidden");
    expect((await questionRow(q.id)).acceptedAnswerId).toBeNull();
    expect(await toggleAccept(await person("cs"), a, BASE_URL, DAY1)).toBe("ok");
    expect((await questionRow(q.id)).acceptedAnswerId).toBe(a);
    expect(await toggleAccept(bystander, "no-such-answer", BASE_URL, DAY1)).toBe("not-found");
  });

  it("keeps one accepted answer, moves the mark and the points, and takes it back", async () => {
    const asker = await person();
    const first = await person();
    const second = await person();
    const q = await question(asker);
    const a1 = await answer(first, q.id);
    const a2 = await answer(second, q.id);

    expect(await toggleAccept(asker, a1, BASE_URL, DAY1)).toBe("ok");
    expect(await questionRow(q.id)).toMatchObject({ acceptedAnswerId: a1, state: "answered" });
    expect(await reputationOf(first)).toBe(POINTS.answerAccepted);
    expect(await reputationOf(asker)).toBe(POINTS.acceptedAnAnswer);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: first.id, type: "qa.accepted" } });
    expect(notification.link).toBe(`/questions/${q.id}#answer-${a1}`);

    expect(await toggleAccept(asker, a2, BASE_URL, DAY1)).toBe("ok");
    expect(await questionRow(q.id)).toMatchObject({ acceptedAnswerId: a2, state: "answered" });
    expect(await reputationOf(first)).toBe(0);
    expect(await reputationOf(second)).toBe(POINTS.answerAccepted);
    expect(await reputationOf(asker)).toBe(POINTS.acceptedAnAnswer);
    expect(await db.question.count({ where: { acceptedAnswerId: { in: [a1, a2] } } })).toBe(1);

    expect(await toggleAccept(asker, a2, BASE_URL, DAY1)).toBe("ok");
    expect(await questionRow(q.id)).toMatchObject({ acceptedAnswerId: null, state: "open" });
    expect(await reputationOf(second)).toBe(0);
    expect(await reputationOf(asker)).toBe(0);
    for (const p of [asker, first, second]) await expectReputationConsistent(p);
  });

  it("refuses accepting on a locked question", async () => {
    const staff = await person("admin");
    const asker = await person();
    const answerer = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    await moderateQuestion(staff, q.id, "lock");
    expect(await toggleAccept(asker, a, BASE_URL, DAY1)).toBe("locked");
    expect(await toggleAccept(staff, a, BASE_URL, DAY1)).toBe("locked");
    expect(await questionRow(q.id)).toMatchObject({ acceptedAnswerId: null, state: "locked" });
    expect(await reputationOf(answerer)).toBe(0);
  });

  it("adds accepted points even after the daily vote cap is reached", async () => {
    const asker = await person();
    const answerer = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    const others = await question(asker, "MAツールのアラートを営業に送る方法");
    const b = await answer(answerer, others.id);
    for (let i = 0; i < DAILY_VOTE_CAP / POINTS.answerUpvoted + 3; i++) await castVote(await person(), "answer", i % 2 ? a : b, 1, DAY1);
    expect(await reputationOf(answerer)).toBe(DAILY_VOTE_CAP);
    await toggleAccept(asker, a, BASE_URL, DAY1_LATE);
    expect(await reputationOf(answerer)).toBe(DAILY_VOTE_CAP + POINTS.answerAccepted);
    await expectReputationConsistent(answerer);
  });

  it("gives nothing for accepting one's own answer", async () => {
    const asker = await person();
    const q = await question(asker);
    const own = await answer(asker, q.id);
    expect(await toggleAccept(asker, own, BASE_URL, DAY1)).toBe("ok");
    expect((await questionRow(q.id)).state).toBe("answered");
    expect(await reputationOf(asker)).toBe(0);
    expect(await eventCount("qa.answer_accepted", asker.id)).toBe(0);
    expect(await eventCount("qa.accepted", asker.id)).toBe(0);
  });

  it("records accepted and answer_accepted once, however often the mark moves", async () => {
    const asker = await person();
    const answerer = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    await toggleAccept(asker, a, BASE_URL, DAY1);
    await toggleAccept(asker, a, BASE_URL, DAY1);
    await toggleAccept(asker, a, BASE_URL, DAY1);
    expect(await eventCount("qa.answer_accepted", answerer.id, a)).toBe(1);
    expect(await eventCount("qa.accepted", asker.id, a)).toBe(1);
  });
});

describe("postAnswer", () => {
  it("counts the answer and notifies the asker, in the app and by email", async () => {
    const asker = await person("member", "質問 する人");
    const answerer = await person("member", "回答 する人");
    const q = await question(asker);
    const a = await answer(answerer, q.id, "**太字**で回答");
    expect((await questionRow(q.id)).answerCount).toBe(1);
    const row = await db.answer.findUniqueOrThrow({ where: { id: a }, select: { body: true, bodyHtml: true } });
    expect(row.body).toBe("**太字**で回答");
    expect(row.bodyHtml).toContain("<strong>太字</strong>");

    const notifications = await db.notification.findMany({ where: { userId: asker.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ type: "qa.answered", link: `/questions/${q.id}#answer-${a}`, readAt: null });
    expect(JSON.parse(notifications[0]!.params)).toEqual({ name: "回答 する人", title: "リードスコアの減衰はどう設定していますか？" });
    const asked = await db.user.findUniqueOrThrow({ where: { id: asker.id }, select: { email: true } });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: asked.email } });
    expect(mail.text).toContain(`${BASE_URL}/questions/${q.id}#answer-${a}`);
  });

  it("does not notify people answering their own question", async () => {
    const asker = await person();
    const q = await question(asker);
    await answer(asker, q.id);
    expect((await questionRow(q.id)).answerCount).toBe(1);
    expect(await db.notification.count({ where: { userId: asker.id } })).toBe(0);
  });

  it("refuses answers on locked, hidden and unknown questions", async () => {
    const staff = await person("cs");
    const asker = await person();
    const answerer = await person();
    const locked = await question(asker);
    await moderateQuestion(staff, locked.id, "lock");
    expect(await postAnswer(answerer, locked.id, "x", BASE_URL, DAY1)).toEqual({ ok: false, error: "locked" });
    const hidden = await question(asker);
    await moderateQuestion(staff, hidden.id, "hide");
    expect(await postAnswer(answerer, hidden.id, "x", BASE_URL, DAY1)).toEqual({ ok: false, error: "not-found" });
    expect(await postAnswer(answerer, "no-such-question", "x", BASE_URL, DAY1)).toEqual({ ok: false, error: "not-found" });
    expect(await db.answer.count({ where: { authorId: answerer.id } })).toBe(0);
  });
});

describe("deleteAnswer", () => {
  it("refuses to delete the accepted answer, and otherwise removes the answer with its votes' points", async () => {
    const asker = await person();
    const answerer = await person();
    const voter = await person();
    const q = await question(asker);
    const accepted = await answer(answerer, q.id, "採用される回答");
    const other = await answer(answerer, q.id, "もう一つの回答");
    await toggleAccept(asker, accepted, BASE_URL, DAY1);
    await castVote(voter, "answer", other, 1, DAY1);
    expect(await reputationOf(answerer)).toBe(POINTS.answerAccepted + POINTS.answerUpvoted);

    expect(await deleteAnswer(answerer, accepted)).toBe("accepted");
    expect(await deleteAnswer(voter, other)).toBe("forbidden");
    expect(await deleteAnswer(answerer, other)).toBe("ok");
    expect(await db.answer.findUnique({ where: { id: other } })).toBeNull();
    expect(await db.vote.count({ where: { targetId: other } })).toBe(0);
    expect((await questionRow(q.id)).answerCount).toBe(1);
    expect(await reputationOf(answerer)).toBe(POINTS.answerAccepted);
    expect(await deleteAnswer(answerer, other)).toBe("not-found");
  });
});

describe("deleteQuestion", () => {
  it("takes back the points its votes gave, and refuses once answered", async () => {
    const asker = await person();
    const q = await question(asker);
    await castVote(await person(), "question", q.id, 1, DAY1);
    await castVote(await person(), "question", q.id, 1, DAY1);
    expect(await reputationOf(asker)).toBe(2 * POINTS.questionUpvoted);
    expect(await deleteQuestion(await person(), q.id)).toBe("forbidden");
    expect(await deleteQuestion(asker, q.id)).toBe("ok");
    expect(await db.question.findUnique({ where: { id: q.id } })).toBeNull();
    expect(await db.vote.count({ where: { targetId: q.id } })).toBe(0);
    expect(await reputationOf(asker)).toBe(0);
    await expectReputationConsistent(asker);

    const answered = await question(asker);
    await answer(await person(), answered.id);
    expect(await deleteQuestion(asker, answered.id)).toBe("has-answers");
    expect(await deleteQuestion(asker, "no-such-question")).toBe("not-found");
  });
});

describe("engagement events", () => {
  it("records asked and answered once each", async () => {
    const asker = await person();
    const answerer = await person();
    const q = await question(asker);
    const a = await answer(answerer, q.id);
    expect(await eventCount("qa.asked", asker.id, q.id)).toBe(1);
    expect(await eventCount("qa.answered", answerer.id, q.id)).toBe(1);
    const answered = await db.engagementEvent.findFirstOrThrow({ where: { type: "qa.answered", actorId: answerer.id }, select: { metadata: true, idempotencyKey: true } });
    expect(JSON.parse(answered.metadata ?? "{}")).toEqual({ answerId: a });
    expect(answered.idempotencyKey).toBe(`qa.answered:${a}`);
  });
});
