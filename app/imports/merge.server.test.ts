// Merging duplicate people and accounts: every reference in the schema is handled, both
// histories survive on the kept record, clashes are combined sensibly, and afterMerge runs.
import fs from "node:fs";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { personResolver } from "~/api/refs.server";
import { db } from "~/db.server";
import { castVote, postAnswer } from "~/qa/answers.server";
import { askQuestion } from "~/qa/questions.server";
import { onAfterMerge, type MergeOutcome } from "./after-merge.server";
import { companyKey, findDuplicateAccounts, findDuplicatePeople } from "./duplicates.server";
import { ACCOUNT_REFERENCES, accountHistory, mergeAccounts, mergePeople, PERSON_REFERENCES, personHistory } from "./merge.server";

/** Every "Model.field" in the schema that holds a foreign key to `target`. */
function referencesTo(target: "User" | "Account"): string[] {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  const found: string[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const line of body!.split("\n")) {
      const field = /^\s*(\w+)\s+(\w+)(\?|\[\])?\s.*@relation\((.*)\)/.exec(line);
      if (field && field[2] === target && field[4]!.includes("fields:")) found.push(`${model}.${field[1]}`);
    }
  }
  return found.sort();
}

/** Plain-string columns that hold ids without a declared relation. */
const SCALAR_PERSON_REFERENCES = ["GroupPost.removedBy", "MeetingAttendance.recordedById", "Report.resolvedById"];
const SCALAR_ACCOUNT_REFERENCES = ["GroupMembership.accountId", "Question.accountId"];

describe("the merge knows every reference in the schema", () => {
  test("people: each relation to User has a handler", () => {
    expect(Object.keys(PERSON_REFERENCES).sort()).toEqual([...referencesTo("User"), ...SCALAR_PERSON_REFERENCES].sort());
  });
  test("accounts: each relation to Account has a handler", () => {
    expect(Object.keys(ACCOUNT_REFERENCES).sort()).toEqual([...referencesTo("Account"), ...SCALAR_ACCOUNT_REFERENCES].sort());
  });
});

async function group(name: string) {
  return db.studyGroup.create({ data: { name, challenge: "課題", description: "説明", descriptionHtml: "<p>説明</p>", level: "beginner", capacityPeople: 6, capacityCompanies: 6, state: "active" }, select: { id: true } });
}

describe("mergePeople", () => {
  test("keeps both histories on the kept person, combines clashes, and calls afterMerge", async () => {
    const account = await upsertAccount({ name: "統合テスト株式会社", domains: ["merge-people.example"] });
    const keep = await upsertUser({ email: "taro.yamada@merge-people.example", name: "山田 太郎", accountId: account.id, password: "kizuna-demo-2026" });
    const remove = await upsertUser({ email: "t-yamada@merge-people.example", name: "山田太郎", accountId: account.id, title: "課長" });
    const other = await upsertUser({ email: uniqueEmail("merge-people.example"), name: "他の人", accountId: account.id });
    await db.personExternalId.create({ data: { externalId: "crm-yamada-2", userId: remove.id } });

    // Engagement and learning under both addresses, one article completed by both.
    for (const [who, key] of [[keep, "k1"], [keep, "k2"], [remove, "r1"]] as const) {
      await db.engagementEvent.create({ data: { type: "content.viewed", actorId: who.id, accountId: account.id, subjectType: "article", subjectId: key, idempotencyKey: `merge-test:${key}` } });
    }
    await db.contentCompletion.createMany({
      data: [
        { userId: keep.id, articleId: "ja/shared", completedAt: new Date("2026-05-01") },
        { userId: remove.id, articleId: "ja/shared", completedAt: new Date("2026-03-01") },
        { userId: remove.id, articleId: "ja/only-removed", completedAt: new Date("2026-04-01") },
      ],
    });
    // Groups: a wait-list place under one address, an active seat under the other.
    const shared = await group("共通の分科会");
    const onlyRemoved = await group("片方だけの分科会");
    await db.groupMembership.create({ data: { groupId: shared.id, userId: keep.id, status: "waitlisted" } });
    await db.groupMembership.create({ data: { groupId: shared.id, userId: remove.id, status: "active", role: "leader", joinedAt: new Date("2026-02-01") } });
    await db.groupMembership.create({ data: { groupId: onlyRemoved.id, userId: remove.id, status: "active", joinedAt: new Date() } });
    await db.groupPost.create({ data: { groupId: shared.id, authorId: remove.id, body: "投稿", bodyHtml: "<p>投稿</p>" } });
    // Q&A: a question by each; the removed record answered the other's question and voted on it;
    // both voted on a third person's question.
    const keptQuestion = await askQuestion(keep, { title: "残す側の質問です、よろしく", body: "本文", tags: [], beginner: false });
    const removedQuestion = await askQuestion(remove, { title: "削除側の質問です、よろしく", body: "本文", tags: [], beginner: false });
    const othersQuestion = await askQuestion(other, { title: "他の人の質問です、よろしく", body: "本文", tags: [], beginner: false });
    const answer = await postAnswer(remove, keptQuestion.id, "回答です", "https://kizuna.test");
    expect(answer.ok).toBe(true);
    expect(await castVote(remove, "question", keptQuestion.id, 1)).toBe("ok");
    expect(await castVote(other, "question", removedQuestion.id, 1)).toBe("ok");
    expect(await castVote(keep, "question", othersQuestion.id, 1)).toBe("ok");
    expect(await castVote(remove, "question", othersQuestion.id, 1)).toBe("ok");
    await db.notification.create({ data: { userId: remove.id, type: "qa.answered", link: "/questions/x" } });

    const before = { keep: (await personHistory(keep.id))!.counts, remove: (await personHistory(remove.id))!.counts };
    const seen: MergeOutcome[] = [];
    const stop = onAfterMerge((outcome) => void seen.push(outcome));
    try {
      expect(await mergePeople(keep.id, remove.id, null)).toEqual({ ok: true, keptId: keep.id, removedId: remove.id });
    } finally {
      stop();
    }

    expect(await db.user.findUnique({ where: { id: remove.id } })).toBeNull();
    const kept = (await personHistory(keep.id))!;
    expect(kept.counts.events).toBe(before.keep.events + before.remove.events);
    expect(kept.counts.questions).toBe(2);
    expect(kept.counts.answers).toBe(1);
    expect(kept.counts.posts).toBe(1);
    expect(kept.counts.notifications).toBe(before.keep.notifications + before.remove.notifications);
    expect(kept.title).toBe("課長");
    // The earlier completion date of the shared article is kept.
    const completions = await db.contentCompletion.findMany({ where: { userId: keep.id }, orderBy: { articleId: "asc" } });
    expect(completions.map((c) => [c.articleId, c.completedAt.toISOString().slice(0, 10)])).toEqual([
      ["ja/only-removed", "2026-04-01"],
      ["ja/shared", "2026-03-01"],
    ]);
    // The active leader seat wins over the wait-list place; both groups are kept.
    const memberships = await db.groupMembership.findMany({ where: { userId: keep.id }, orderBy: { groupId: "asc" } });
    expect(memberships.map((m) => [m.groupId === shared.id ? "shared" : "other", m.status, m.role]).sort()).toEqual([
      ["other", "active", "member"],
      ["shared", "active", "leader"],
    ]);
    // One vote per person: the double vote on the third question counts once, and the removed
    // record's vote on the kept person's own question is withdrawn.
    expect((await db.question.findUniqueOrThrow({ where: { id: othersQuestion.id } })).score).toBe(1);
    expect((await db.question.findUniqueOrThrow({ where: { id: keptQuestion.id } })).score).toBe(0);
    expect(await db.vote.count({ where: { userId: keep.id } })).toBe(1);
    // Reputation: the vote received on the removed record's question now counts for the kept person.
    const reputation = await db.reputationEvent.aggregate({ where: { userId: keep.id }, _sum: { delta: true } });
    expect(kept.reputation).toBe(reputation._sum.delta ?? 0);
    expect(kept.reputation).toBeGreaterThan(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).reputation).toBe(
      (await db.reputationEvent.aggregate({ where: { userId: other.id }, _sum: { delta: true } }))._sum.delta ?? 0,
    );
    // The old address and the external id still find the kept person.
    const resolve = await personResolver([{ email: "t-yamada@merge-people.example" }, { externalId: "crm-yamada-2" }]);
    expect(resolve({ email: "t-yamada@merge-people.example" })?.id).toBe(keep.id);
    expect(resolve({ externalId: "crm-yamada-2" })?.id).toBe(keep.id);
    expect(await db.password.count({ where: { userId: keep.id } })).toBe(1);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "person.merged", targetId: keep.id } });
    expect(JSON.parse(audit.detail)).toMatchObject({ removedId: remove.id, removedEmail: "t-yamada@merge-people.example" });
    expect(seen).toEqual([{ kind: "person", keptId: keep.id, removedId: remove.id, accountIds: [account.id] }]);
  });

  test("the kept person can sign in with the other record's password when they had none", async () => {
    const account = await upsertAccount({ name: "パスワード株式会社", domains: ["merge-password.example"] });
    const keep = await upsertUser({ email: uniqueEmail("merge-password.example"), name: "P", accountId: account.id });
    const remove = await upsertUser({ email: uniqueEmail("merge-password.example"), name: "P", accountId: account.id, passwordHash: "argon-hash-of-the-other-record" });
    expect(await mergePeople(keep.id, remove.id, null)).toMatchObject({ ok: true });
    expect((await db.password.findUniqueOrThrow({ where: { userId: keep.id } })).hash).toBe("argon-hash-of-the-other-record");
  });

  test("refuses staff, people of different accounts, the same record and unknown ids", async () => {
    const a = await upsertAccount({ name: "A社", domains: ["merge-a.example"] });
    const b = await upsertAccount({ name: "B社", domains: ["merge-b.example"] });
    const pa = await upsertUser({ email: uniqueEmail("merge-a.example"), name: "X", accountId: a.id });
    const pb = await upsertUser({ email: uniqueEmail("merge-b.example"), name: "X", accountId: b.id });
    const staff = await upsertUser({ email: uniqueEmail("kizuna.example"), name: "S", role: "cs" });
    expect(await mergePeople(pa.id, pb.id, null)).toEqual({ ok: false, reason: "different-accounts" });
    expect(await mergePeople(pa.id, staff.id, null)).toEqual({ ok: false, reason: "staff" });
    expect(await mergePeople(pa.id, pa.id, null)).toEqual({ ok: false, reason: "same" });
    expect(await mergePeople(pa.id, "nobody", null)).toEqual({ ok: false, reason: "not-found" });
    expect(await db.user.count({ where: { id: { in: [pa.id, pb.id, staff.id] } } })).toBe(3);
  });
});

describe("mergeAccounts", () => {
  test("moves people, domains, events, usage (combining shared days) and external ids", async () => {
    const keep = await upsertAccount({ name: "株式会社ひかり物流", domains: ["hikari-logi.example"] });
    const remove = await upsertAccount({ name: "ひかり物流(株)", domains: ["hikari-butsuryu.example"], ownerId: null });
    const person = await upsertUser({ email: uniqueEmail("hikari-butsuryu.example"), name: "移動 する人", accountId: remove.id });
    await db.accountExternalId.create({ data: { externalId: "crm-hikari-old", accountId: remove.id } });
    await db.engagementEvent.create({ data: { type: "product.login", actorId: person.id, accountId: remove.id, subjectType: "product", subjectId: "p", idempotencyKey: "merge-acc-1" } });
    const day = new Date("2026-11-01T00:00:00Z");
    await db.accountUsageDay.createMany({
      data: [
        { accountId: keep.id, day, activeUsers: 5, featureCounts: '{"scoring":2,"mail":9}' },
        { accountId: remove.id, day, activeUsers: 7, featureCounts: '{"scoring":4}' },
        { accountId: remove.id, day: new Date("2026-11-02T00:00:00Z"), activeUsers: 3 },
      ],
    });
    const question = await askQuestion({ ...person, accountId: remove.id }, { title: "アカウント統合の質問です", body: "本文", tags: [], beginner: false });

    const seen: MergeOutcome[] = [];
    const stop = onAfterMerge((outcome) => void seen.push(outcome));
    try {
      expect(await mergeAccounts(keep.id, remove.id, null)).toMatchObject({ ok: true });
    } finally {
      stop();
    }
    expect(await db.account.findUnique({ where: { id: remove.id } })).toBeNull();
    const history = (await accountHistory(keep.id))!;
    expect(history.domains.sort()).toEqual(["hikari-butsuryu.example", "hikari-logi.example"]);
    expect(history.counts).toMatchObject({ members: 1, events: 2, usageDays: 2 });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).accountId).toBe(keep.id);
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).accountId).toBe(keep.id);
    expect((await db.accountExternalId.findUniqueOrThrow({ where: { externalId: "crm-hikari-old" } })).accountId).toBe(keep.id);
    const shared = await db.accountUsageDay.findUniqueOrThrow({ where: { accountId_day: { accountId: keep.id, day } } });
    expect([shared.activeUsers, JSON.parse(shared.featureCounts)]).toEqual([7, { scoring: 4, mail: 9 }]);
    expect(await db.auditEntry.count({ where: { action: "account.merged", targetId: keep.id } })).toBe(1);
    expect(seen).toEqual([{ kind: "account", keptId: keep.id, removedId: remove.id, accountIds: [keep.id] }]);
    // The kept account is scored again from the merged history: today's snapshot counts the moved event's person.
    const snapshot = await db.healthSnapshot.findFirst({ where: { accountId: keep.id }, orderBy: { day: "desc" } });
    expect(snapshot).not.toBeNull();
    expect(await db.healthSnapshot.count({ where: { accountId: remove.id } })).toBe(0);
  });
});

describe("duplicate detection", () => {
  test("company names compare without legal forms, width or punctuation", () => {
    expect(companyKey("株式会社さくらコマース")).toBe(companyKey("さくらコマース(株)"));
    expect(companyKey("さくらコマース㈱")).toBe(companyKey("株式会社　さくらコマース"));
    expect(companyKey("Sakura Commerce K.K.")).toBe(companyKey("SAKURA COMMERCE, Inc."));
    expect(companyKey("Hokkaido Foods KK")).toBe("hokkaidofoods");
    expect(companyKey("さくらコマース")).not.toBe(companyKey("さくらソフト"));
  });

  test("suggests same-name people in one account and same-name accounts", async () => {
    const account = await upsertAccount({ name: "株式会社ダブり", domains: ["daburi.example"] });
    await upsertAccount({ name: "ダブり株式会社", domains: ["daburi-2.example"] });
    const one = await upsertUser({ email: "hanako.suzuki@daburi.example", name: "鈴木 花子", accountId: account.id });
    const two = await upsertUser({ email: "h.suzuki@daburi.example", name: "鈴木花子", accountId: account.id });
    const people = await findDuplicatePeople();
    expect(people.find((p) => [p.a.id, p.b.id].sort().join() === [one.id, two.id].sort().join())?.why).toBe("sameName");
    const accounts = await findDuplicateAccounts();
    expect(accounts.some((p) => p.a.name === "株式会社ダブり" && p.b.name === "ダブり株式会社")).toBe(true);
  });
});
