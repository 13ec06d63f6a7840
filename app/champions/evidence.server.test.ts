// The record attached to a nomination, built from real rows in a per-file database.
import { company, member, staffer, term } from "../../tests/champion-factories";
import type { Tier } from "~/content/model";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { createGroupAsStaff, type GroupInput } from "~/groups/groups.server";
import { joinGroup } from "~/groups/membership.server";
import { postAnswer, toggleAccept } from "~/qa/answers.server";
import { askQuestion } from "~/qa/questions.server";
import { parseSnapshot, takeEvidenceSnapshot } from "./evidence.server";
import { nominate } from "./nominations.server";
import { listCriteria } from "./program.server";

const DAY = 24 * 60 * 60 * 1000;
// Group memberships are stamped with the real clock, so the snapshot moment lies just ahead of it.
const NOW = new Date(Math.ceil(Date.now() / DAY) * DAY + DAY);
const BASE = "https://kizuna.test";
const TIERS: Record<string, Tier> = { "ja/a": "beginner", "ja/b": "beginner", "ja/c": "intermediate", "ja/d": "advanced" };
const tierOf = (id: string) => TIERS[id] ?? null;

const GROUP: GroupInput = {
  name: "スコアリング分科会",
  challenge: "スコアが営業に使われない",
  description: "毎月集まります",
  level: "intermediate",
  topics: ["lead-scoring"],
  capacityPeople: 10,
  capacityCompanies: 10,
  visibility: "open",
};

describe("evidence snapshot", () => {
  it("counts content by tier, answers and accepted answers, groups joined and led, meetings attended, reputation and recent engagement", async () => {
    const acme = await company();
    const person = await member(acme.id, "記録 さん");
    const other = await member((await company()).id, "質問 さん");
    const cs = await staffer();

    for (const articleId of ["ja/a", "ja/b", "ja/c", "ja/d", "ja/retired-article"]) {
      await db.contentCompletion.create({ data: { userId: person.id, articleId, completedAt: new Date(NOW.getTime() - 5 * DAY) } });
    }
    // Completed after the snapshot moment: not part of it.
    await db.contentCompletion.create({ data: { userId: person.id, articleId: "ja/late", completedAt: new Date(NOW.getTime() + DAY) } });

    const q1 = await askQuestion(other, { title: "減衰の設定は？", body: "教えてください", tags: [], beginner: false }, new Date(NOW.getTime() - 10 * DAY));
    const q2 = await askQuestion(other, { title: "しきい値は？", body: "教えてください", tags: [], beginner: false }, new Date(NOW.getTime() - 9 * DAY));
    await askQuestion(person, { title: "レポートの出し方", body: "質問です", tags: [], beginner: true }, new Date(NOW.getTime() - 8 * DAY));
    const a1 = await postAnswer(person, q1.id, "30日で20%減です", BASE, new Date(NOW.getTime() - 7 * DAY));
    const a2 = await postAnswer(person, q2.id, "50点から始めました", BASE, new Date(NOW.getTime() - 6 * DAY));
    if (!a1.ok || !a2.ok) throw new Error("answers");
    expect(await toggleAccept(other, a1.answerId, BASE, new Date(NOW.getTime() - 6 * DAY))).toBe("ok");
    // A hidden answer does not speak for them.
    const hidden = await postAnswer(person, q2.id, "削除された回答", BASE, new Date(NOW.getTime() - 5 * DAY));
    if (!hidden.ok) throw new Error("answer");
    await db.answer.update({ where: { id: hidden.answerId }, data: { hiddenAt: NOW } });

    const led = await createGroupAsStaff(cs, { ...GROUP, name: "率いる分科会" }, person);
    const joined = await createGroupAsStaff(cs, { ...GROUP, name: "参加する分科会" });
    expect(await joinGroup(joined.id, person)).toBe("joined");
    const meeting = await db.groupMeeting.create({
      data: { groupId: led.id, title: "第1回", startsAt: new Date(NOW.getTime() - 3 * DAY), endsAt: new Date(NOW.getTime() - 3 * DAY + 3_600_000) },
    });
    const missed = await db.groupMeeting.create({
      data: { groupId: led.id, title: "第2回", startsAt: new Date(NOW.getTime() - 2 * DAY), endsAt: new Date(NOW.getTime() - 2 * DAY + 3_600_000) },
    });
    await db.meetingAttendance.create({ data: { meetingId: meeting.id, userId: person.id, attended: true } });
    await db.meetingAttendance.create({ data: { meetingId: missed.id, userId: person.id, attended: false } });

    const reputation = (await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { reputation: true } })).reputation;
    expect(reputation).toBeGreaterThan(0);
    await term(person.id, 2024, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    await recordEngagement({ type: "content.viewed", actor: person, subjectType: "article", subjectId: "ja/old", idempotencyKey: `old-${person.id}`, occurredAt: new Date(NOW.getTime() - 120 * DAY) });
    const recent = await db.engagementEvent.aggregate({ where: { actorId: person.id, occurredAt: { gt: new Date(NOW.getTime() - 90 * DAY), lte: NOW } }, _count: true, _sum: { weight: true } });

    const snapshot = await takeEvidenceSnapshot(person.id, { now: NOW, tierOf });
    expect(snapshot).toEqual({
      version: 1,
      takenAt: NOW.toISOString(),
      content: { beginner: 2, intermediate: 1, advanced: 1, other: 1, total: 5 },
      qa: { questions: 1, answers: 2, acceptedAnswers: 1 },
      groups: { joined: 2, led: 1, names: ["率いる分科会", "参加する分科会"] },
      meetings: { attended: 1 },
      reputation,
      engagement: { recentEvents: recent._count, recentWeight: Math.round((recent._sum.weight ?? 0) * 10) / 10, days: 90 },
      championCohorts: [2024],
    });
    expect(snapshot.engagement.recentEvents).toBeGreaterThan(0);
  });

  it("is stored with the nomination as it stood then, and read back", async () => {
    const person = await member((await company()).id);
    await db.contentCompletion.create({ data: { userId: person.id, articleId: "ja/d", completedAt: new Date(NOW.getTime() - DAY) } });
    const criteria = await listCriteria();
    const result = await nominate(await staffer(), { nomineeId: person.id, evidence: Object.fromEntries(criteria.map((c) => [c.id, { text: "根拠", links: [] }])) }, { now: NOW, tierOf });
    if (!result.ok) throw new Error(result.error);
    // Later activity does not change what the reviewers see.
    await db.contentCompletion.create({ data: { userId: person.id, articleId: "ja/a", completedAt: NOW } });
    const stored = await db.championNomination.findUniqueOrThrow({ where: { id: result.nominationId }, select: { snapshot: true } });
    expect(parseSnapshot(stored.snapshot)?.content).toEqual({ beginner: 0, intermediate: 0, advanced: 1, other: 0, total: 1 });
    expect(parseSnapshot("not json")).toBeNull();
    expect(parseSnapshot(JSON.stringify({ version: 2 }))).toBeNull();
  });
});
