// Nominating against a real (per-file) database: one nomination per nominee and cohort, who may
// nominate whom, evidence for every criterion, the window, endorsements and their events.
import { company, member, staffer, term } from "../../tests/champion-factories";
import { db } from "~/db.server";
import { endorse, nominate, type EvidenceInput } from "./nominations.server";
import { getProgram, listCriteria, updateProgram } from "./program.server";

const tierOf = () => null;
const counts = async () => ({
  nominations: await db.championNomination.count(),
  evidence: await db.championEvidence.count(),
  events: await db.engagementEvent.count({ where: { type: { startsWith: "champion." } } }),
});

async function evidenceForAll(text = "分科会を立ち上げ、毎月の勉強会を運営しています。"): Promise<EvidenceInput> {
  const criteria = await listCriteria();
  return Object.fromEntries(criteria.map((c) => [c.id, { text, links: ["https://kizuna.example/questions/1"] }]));
}

async function setting(changes: Partial<Awaited<ReturnType<typeof getProgram>>>) {
  const admin = await staffer("admin");
  await updateProgram(admin, { ...(await getProgram()), ...changes });
}

describe("program defaults", () => {
  it("starts with the three criteria of the issue, each with a five-level rubric in both languages", async () => {
    const criteria = await listCriteria();
    expect(criteria.map((c) => c.nameEn)).toEqual(["Community contribution and influence", "Business results", "Product mastery"]);
    for (const c of criteria) {
      expect(c.rubricJa).toHaveLength(5);
      expect(c.rubricEn).toHaveLength(5);
      expect(c.descriptionJa && c.descriptionEn).toBeTruthy();
    }
    expect(await getProgram()).toMatchObject({ nominationsOpen: true, termMonths: 12, peerNominations: false });
  });
});

describe("nominate", () => {
  it("files a nomination with evidence for every criterion and a snapshot, and records the event for the nominee's account", async () => {
    const acme = await company();
    const nominee = await member(acme.id, "候補 花子");
    const cs = await staffer();
    const result = await nominate(cs, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { cohortYear } = await getProgram();
    const stored = await db.championNomination.findUniqueOrThrow({ where: { id: result.nominationId }, include: { evidence: true } });
    expect(stored).toMatchObject({ nomineeId: nominee.id, nominatorId: cs.id, accountId: acme.id, cohort: cohortYear, state: "submitted" });
    expect(stored.evidence).toHaveLength(3);
    expect(JSON.parse(stored.evidence[0]!.links)).toEqual(["https://kizuna.example/questions/1"]);
    expect(JSON.parse(stored.snapshot)).toMatchObject({ version: 1, reputation: 0 });
    const events = await db.engagementEvent.findMany({ where: { type: "champion.nominated" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: nominee.id, accountId: acme.id, subjectId: result.nominationId, weight: 5 });
  });

  it("allows one open nomination per nominee and cohort: a second one is refused with a link to the first, and nothing is stored", async () => {
    const nominee = await member((await company()).id);
    const [first, second] = [await staffer(), await staffer("admin")];
    const made = await nominate(first, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    if (!made.ok) throw new Error(made.error);
    const before = await counts();
    const duplicate = await nominate(second, { nomineeId: nominee.id, evidence: await evidenceForAll("別の根拠") }, { tierOf });
    expect(duplicate).toEqual({ ok: false, error: "duplicate", existing: { id: made.nominationId, state: "submitted", cohort: made.cohort } });
    expect(await counts()).toEqual(before);
    // The second nominator endorses the first nomination instead.
    expect(await endorse(second, made.nominationId, "私も推薦します")).toBe("ok");
  });

  it("lets exactly one of two simultaneous nominations of the same person through", async () => {
    const nominee = await member((await company()).id);
    const evidence = await evidenceForAll();
    const outcomes = await Promise.all([nominate(await staffer(), { nomineeId: nominee.id, evidence }, { tierOf }), nominate(await staffer(), { nomineeId: nominee.id, evidence }, { tierOf })]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error)).toEqual(["duplicate"]);
    expect(await db.championNomination.count({ where: { nomineeId: nominee.id } })).toBe(1);
  });

  it("keeps a declined nominee out of the same cohort and lets them be nominated in the next one", async () => {
    const nominee = await member((await company()).id);
    const cs = await staffer();
    const made = await nominate(cs, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    if (!made.ok) throw new Error(made.error);
    await db.championNomination.update({ where: { id: made.nominationId }, data: { state: "declined", decisionReason: "実績をもう少し見たい" } });
    const again = await nominate(cs, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    expect(again).toMatchObject({ ok: false, error: "duplicate", existing: { state: "declined" } });
    await setting({ cohortYear: made.cohort + 1 });
    const next = await nominate(cs, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    expect(next).toMatchObject({ ok: true, cohort: made.cohort + 1 });
    await setting({ cohortYear: made.cohort });
  });

  it("refuses someone who already holds a term for the cohort", async () => {
    const nominee = await member((await company()).id);
    const { cohortYear } = await getProgram();
    await term(nominee.id, cohortYear, `${cohortYear}-01-01T00:00:00Z`, `${cohortYear + 1}-01-01T00:00:00Z`);
    const result = await nominate(await staffer(), { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    expect(result).toEqual({ ok: false, error: "already-champion", cohort: cohortYear });
  });

  it("refuses staff, unknown people and oneself, storing nothing", async () => {
    const cs = await staffer();
    const before = await counts();
    expect(await nominate(cs, { nomineeId: (await staffer("admin")).id, evidence: await evidenceForAll() }, { tierOf })).toEqual({ ok: false, error: "nominee-staff" });
    expect(await nominate(cs, { nomineeId: "no-such-person", evidence: await evidenceForAll() }, { tierOf })).toEqual({ ok: false, error: "nominee-not-found" });
    await setting({ peerNominations: true });
    const peer = await member((await company()).id);
    expect(await nominate(peer, { nomineeId: peer.id, evidence: await evidenceForAll() }, { tierOf })).toEqual({ ok: false, error: "self" });
    await setting({ peerNominations: false });
    expect(await counts()).toEqual(before);
  });

  it("needs evidence for every active criterion", async () => {
    const nominee = await member((await company()).id);
    const evidence = await evidenceForAll();
    const [first, second] = Object.keys(evidence);
    delete evidence[first!];
    evidence[second!] = { text: "   ", links: [] };
    const before = await counts();
    const result = await nominate(await staffer(), { nomineeId: nominee.id, evidence }, { tierOf });
    expect(result).toEqual({ ok: false, error: "missing-criteria", criterionIds: [first, second] });
    expect(await counts()).toEqual(before);
  });

  it("refuses everything while the nomination window is closed", async () => {
    const nominee = await member((await company()).id);
    await setting({ nominationsOpen: false });
    const before = await counts();
    expect(await nominate(await staffer(), { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf })).toEqual({ ok: false, error: "closed" });
    expect(await counts()).toEqual(before);
    await setting({ nominationsOpen: true });
  });

  it("lets members nominate peers only while the admin setting allows it", async () => {
    const acme = await company();
    const [peer, nominee] = [await member(acme.id), await member((await company()).id)];
    expect(await nominate(peer, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf })).toEqual({ ok: false, error: "forbidden" });
    await setting({ peerNominations: true });
    expect(await nominate(peer, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf })).toMatchObject({ ok: true });
    await setting({ peerNominations: false });
  });
});

describe("endorse", () => {
  it("records one endorsement per person, not by the nominator or nominee, only while open", async () => {
    const acme = await company();
    const nominee = await member(acme.id);
    const nominator = await staffer();
    const made = await nominate(nominator, { nomineeId: nominee.id, evidence: await evidenceForAll() }, { tierOf });
    if (!made.ok) throw new Error(made.error);
    const other = await staffer();
    expect(await endorse(other, made.nominationId, "素晴らしい貢献です")).toBe("ok");
    expect(await endorse(other, made.nominationId, "")).toBe("already");
    expect(await endorse(nominator, made.nominationId, "")).toBe("own");
    expect(await endorse(await member(acme.id), made.nominationId, "")).toBe("forbidden");
    expect(await endorse(other, "missing", "")).toBe("not-found");
    const events = await db.engagementEvent.findMany({ where: { type: "champion.endorsed", subjectId: made.nominationId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: nominee.id, accountId: acme.id, subjectId: made.nominationId });
    await db.championNomination.update({ where: { id: made.nominationId }, data: { state: "approved" } });
    expect(await endorse(await staffer(), made.nominationId, "")).toBe("closed");
    expect(await db.championEndorsement.count({ where: { nominationId: made.nominationId } })).toBe(1);
  });
});
