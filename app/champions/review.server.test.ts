// Reviewing and deciding against a real (per-file) database: rubric scores, the state machine,
// the decision reaching the nominator, and approval creating the champion's term.
import { company, member, staffer, term, type TestPerson } from "../../tests/champion-factories";
import { db } from "~/db.server";
import { nominate, type EvidenceInput } from "./nominations.server";
import { getProgram, listCriteria, updateProgram } from "./program.server";
import { decide, saveReview, startReview } from "./review.server";
import { isActiveChampion } from "./status.server";
import { addMonthsUtc } from "./terms";

const BASE = "https://kizuna.test";
const tierOf = () => null;

async function nominated(nominee?: TestPerson) {
  const acme = await company();
  const person = nominee ?? (await member(acme.id, "候補 太郎"));
  const nominator = await staffer("cs", "推薦 CS");
  const criteria = await listCriteria();
  const evidence: EvidenceInput = Object.fromEntries(criteria.map((c) => [c.id, { text: "根拠", links: [] }]));
  const result = await nominate(nominator, { nomineeId: person.id, evidence }, { tierOf });
  if (!result.ok) throw new Error(result.error);
  return { nominationId: result.nominationId, cohort: result.cohort, nominee: person, nominator, criteria };
}

const scoresOf = (criteria: Array<{ id: string }>, ...values: number[]) => Object.fromEntries(criteria.map((c, i) => [c.id, values[i] ?? 3]));
const stateOf = async (id: string) => (await db.championNomination.findUniqueOrThrow({ where: { id } })).state;

describe("reviews", () => {
  it("stores scores and their total, moves the nomination into review, and replaces the reviewer's earlier review", async () => {
    const { nominationId, criteria } = await nominated();
    const admin = await staffer("admin");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria, 5, 4, 3), comment: "地域の分科会を牽引" })).toBe("ok");
    expect(await stateOf(nominationId)).toBe("in_review");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria, 4, 4, 4), comment: "再評価" })).toBe("ok");
    const reviews = await db.championReview.findMany({ where: { nominationId }, include: { scores: true } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ total: 12, comment: "再評価", reviewerId: admin.id });
    expect(reviews[0]!.scores.map((s) => s.score)).toEqual([4, 4, 4]);
  });

  it("refuses scores outside 1–5 and missing scores, storing nothing", async () => {
    const { nominationId, criteria } = await nominated();
    const admin = await staffer("admin");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria, 6, 3, 3), comment: "" })).toBe("invalid-score");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria, 0, 3, 3), comment: "" })).toBe("invalid-score");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria, 2.5, 3, 3), comment: "" })).toBe("invalid-score");
    const partial = scoresOf(criteria, 3, 3, 3);
    delete partial[criteria[1]!.id];
    expect(await saveReview(admin, nominationId, { scores: partial, comment: "" })).toBe("missing-scores");
    expect(await db.championReview.count({ where: { nominationId } })).toBe(0);
    expect(await db.championScore.count({ where: { review: { nominationId } } })).toBe(0);
    expect(await stateOf(nominationId)).toBe("submitted");
  });

  it("is for admins only", async () => {
    const { nominationId, criteria } = await nominated();
    expect(await saveReview(await staffer("cs"), nominationId, { scores: scoresOf(criteria), comment: "" })).toBe("forbidden");
    expect(await startReview(await staffer("cs"), nominationId)).toBe("forbidden");
    expect(await decide(await staffer("cs"), nominationId, { decision: "approve", reason: "" }, BASE)).toBe("forbidden");
  });
});

describe("decisions", () => {
  it("follows submitted → in review → decided, once, and only after a review", async () => {
    const { nominationId, criteria } = await nominated();
    const admin = await staffer("admin");
    expect(await decide(admin, nominationId, { decision: "approve", reason: "" }, BASE)).toBe("invalid-transition");
    expect(await startReview(admin, nominationId)).toBe("ok");
    expect(await startReview(admin, nominationId)).toBe("invalid-transition");
    expect(await decide(admin, nominationId, { decision: "approve", reason: "" }, BASE)).toBe("no-reviews");
    await saveReview(admin, nominationId, { scores: scoresOf(criteria), comment: "" });
    expect(await decide(admin, nominationId, { decision: "decline", reason: "  " }, BASE)).toBe("reason-required");
    expect(await decide(admin, nominationId, { decision: "decline", reason: "事業成果の裏付けが不足" }, BASE)).toBe("ok");
    expect(await decide(admin, nominationId, { decision: "approve", reason: "" }, BASE)).toBe("invalid-transition");
    expect(await saveReview(admin, nominationId, { scores: scoresOf(criteria), comment: "" })).toBe("closed");
    expect(await stateOf(nominationId)).toBe("declined");
  });

  it("sends the decline reason to the nominator and makes nobody a champion", async () => {
    const { nominationId, nominator, nominee, criteria, cohort } = await nominated();
    const admin = await staffer("admin");
    await saveReview(admin, nominationId, { scores: scoresOf(criteria, 2, 2, 3), comment: "" });
    expect(await decide(admin, nominationId, { decision: "decline", reason: "コミュニティでの活動がまだ少ないため" }, BASE)).toBe("ok");
    const stored = await db.championNomination.findUniqueOrThrow({ where: { id: nominationId } });
    expect(stored).toMatchObject({ state: "declined", decisionReason: "コミュニティでの活動がまだ少ないため", decidedById: admin.id, termId: null });
    const notes = await db.notification.findMany({ where: { userId: nominator.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: "champion.declined", link: `/champions/nominations/${nominationId}` });
    expect(JSON.parse(notes[0]!.params)).toEqual({ name: nominee.name, cohort: String(cohort), reason: "コミュニティでの活動がまだ少ないため" });
    expect(await db.championTerm.count({ where: { userId: nominee.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: nominee.id } })).toBe(0);
  });

  it("approval creates the term for the cohort with the configured length, and tells the nominator and the new champion", async () => {
    const admin = await staffer("admin");
    await updateProgram(admin, { ...(await getProgram()), termMonths: 6 });
    const { nominationId, nominator, nominee, criteria, cohort } = await nominated();
    await saveReview(admin, nominationId, { scores: scoresOf(criteria, 5, 5, 4), comment: "" });
    const now = new Date(Date.UTC(cohort, 3, 10, 9));
    expect(await decide(admin, nominationId, { decision: "approve", reason: "満場一致" }, BASE, now)).toBe("ok");
    const terms = await db.championTerm.findMany({ where: { userId: nominee.id } });
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ cohort, startsAt: now, endsAt: addMonthsUtc(now, 6), revokedAt: null });
    const stored = await db.championNomination.findUniqueOrThrow({ where: { id: nominationId } });
    expect(stored).toMatchObject({ state: "approved", termId: terms[0]!.id, decisionReason: "満場一致" });
    expect(await db.championTermAccount.findUnique({ where: { termId: terms[0]!.id } })).toMatchObject({ accountId: nominee.accountId });
    expect(await db.championProfile.findUnique({ where: { userId: nominee.id } })).toMatchObject({ listed: false });
    expect(await isActiveChampion(nominee.id, new Date(now.getTime() + 1000))).toBe(true);
    expect(await db.notification.findMany({ where: { userId: nominator.id }, select: { type: true } })).toEqual([{ type: "champion.approved" }]);
    expect(await db.notification.findMany({ where: { userId: nominee.id }, select: { type: true, link: true } })).toEqual([{ type: "champion.welcome", link: `/champions/${nominee.id}` }]);
    const events = await db.engagementEvent.findMany({ where: { actorId: nominee.id, type: { in: ["champion.became", "champion.renewed"] } } });
    expect(events.map((e) => [e.type, e.subjectId, e.accountId])).toEqual([["champion.became", terms[0]!.id, nominee.accountId]]);
    await updateProgram(admin, { ...(await getProgram()), termMonths: 12 });
  });

  it("renews a champion for the next cohort after their current term, counting the terms", async () => {
    const admin = await staffer("admin");
    const { cohortYear } = await getProgram();
    const nominee = await member((await company()).id, "更新 さん");
    await term(nominee.id, cohortYear - 2, `${cohortYear - 2}-01-01T00:00:00Z`, `${cohortYear - 1}-01-01T00:00:00Z`);
    const current = await term(nominee.id, cohortYear - 1, `${cohortYear - 1}-01-01T00:00:00Z`, `${cohortYear}-03-01T00:00:00Z`);
    const { nominationId, criteria } = await nominated(nominee);
    await saveReview(admin, nominationId, { scores: scoresOf(criteria, 5, 5, 5), comment: "" });
    const now = new Date(`${cohortYear}-01-20T00:00:00Z`);
    expect(await decide(admin, nominationId, { decision: "approve", reason: "" }, BASE, now)).toBe("ok");
    const renewed = await db.championTerm.findUniqueOrThrow({ where: { userId_cohort: { userId: nominee.id, cohort: cohortYear } } });
    expect(renewed.startsAt).toEqual(current.endsAt);
    expect(await db.championTerm.count({ where: { userId: nominee.id, revokedAt: null } })).toBe(3);
    expect(await db.engagementEvent.findMany({ where: { actorId: nominee.id, type: { startsWith: "champion.r" } }, select: { type: true } })).toEqual([{ type: "champion.renewed" }]);
  });
});
