// Stages in the database: defaults until saved, automatic moves with history, overrides with a
// reason and a pause, and the job moving accounts forward but never back.
import { db } from "~/db.server";
import { completion, daysAgo, event, memberOf, NOW, scoringAccount, staffMember, TEST_CONTENT, usageDays } from "../../tests/scoring-factories";
import { recomputeAll } from "~/scoring/recompute.server";
import { DEFAULT_STAGES } from "./defaults";
import { applyAutomaticMoves, getStages, overrideStage, saveStages, stageHistory } from "./stages.server";
import { stageFactValues } from "./rules";
import { emptyFacts } from "~/scoring/facts";
import { saveAccountForm } from "~/accounts/account-admin.server";
import { translator } from "~/i18n/messages";

const DAY = 86_400_000;

function valuesWithMembers(members: number) {
  const facts = emptyFacts({ plan: "growth", stage: "L01", seats: 10 });
  facts.members = members;
  return stageFactValues(facts, { healthScore: 0, keyFeatures: [], asOf: NOW, renewalDate: null, createdAt: NOW });
}

describe("getStages / saveStages", () => {
  test("the defaults apply until an admin saves; a save keeps the given order", async () => {
    expect(await getStages()).toEqual(DEFAULT_STAGES);
    const admin = await staffMember("Admin");
    const reordered = [DEFAULT_STAGES[0]!, { ...DEFAULT_STAGES[1]!, nameEn: "Setup", team: "success", rules: [{ fact: "members" as const, op: "gte" as const, value: 2 }] }];
    await saveStages(reordered, admin.id);
    const saved = await getStages();
    expect(saved.map((s) => [s.code, s.position, s.nameEn, s.team])).toEqual([
      ["L01", 1, DEFAULT_STAGES[0]!.nameEn, "sales"],
      ["L02", 2, "Setup", "success"],
    ]);
    expect(saved[1]!.rules).toEqual([{ fact: "members", op: "gte", value: 2 }]);
    expect(await db.auditEntry.count({ where: { action: "lifecycle.stages.saved" } })).toBe(1);
    await saveStages(DEFAULT_STAGES, admin.id);
  });
});

describe("overrideStage", () => {
  test("needs a reason and a known, different stage; records who, why and a pause", async () => {
    const account = await scoringAccount({ stage: "L05" });
    const staff = await staffMember();
    expect(await overrideStage({ accountId: account.id, to: "L03", reason: "  ", actorId: staff.id }, NOW)).toEqual({ ok: false, error: "reasonRequired" });
    expect(await overrideStage({ accountId: account.id, to: "L99", reason: "x", actorId: staff.id }, NOW)).toEqual({ ok: false, error: "unknownStage" });
    expect(await overrideStage({ accountId: account.id, to: "L05", reason: "x", actorId: staff.id }, NOW)).toEqual({ ok: false, error: "sameStage" });
    expect(await overrideStage({ accountId: "missing", to: "L03", reason: "x", actorId: staff.id }, NOW)).toEqual({ ok: false, error: "notFound" });
    expect(await db.accountStageChange.count({ where: { accountId: account.id } })).toBe(0);

    expect(await overrideStage({ accountId: account.id, to: "L03", reason: "Team changed; re-onboarding", actorId: staff.id }, NOW)).toEqual({ ok: true });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lifecycleStage).toBe("L03");
    const [change] = await stageHistory(account.id);
    expect(change).toMatchObject({ fromStage: "L05", toStage: "L03", kind: "override", reason: "Team changed; re-onboarding", actor: { name: staff.name } });
    expect(change!.holdUntil!.getTime()).toBe(NOW.getTime() + 30 * DAY);
  });

  test("automatic moves wait while an override's pause lasts, then resume", async () => {
    const account = await scoringAccount({ stage: "L01" });
    const staff = await staffMember();
    await overrideStage({ accountId: account.id, to: "L02", reason: "Kickoff done", actorId: staff.id }, NOW);
    await overrideStage({ accountId: account.id, to: "L01", reason: "Wrong account, back", actorId: staff.id }, NOW);
    const candidate = { accountId: account.id, stage: "L01", values: valuesWithMembers(3) };
    expect(await applyAutomaticMoves([candidate], DEFAULT_STAGES, new Date(NOW.getTime() + 10 * DAY))).toEqual([]);
    const later = await applyAutomaticMoves([candidate], DEFAULT_STAGES, new Date(NOW.getTime() + 31 * DAY));
    expect(later.map((m) => [m.from, m.to])).toEqual([["L01", "L02"]]);
  });
});

describe("an admin editing the account", () => {
  test("a changed stage is recorded as an admin hand-off; other edits are not", async () => {
    const admin = await staffMember("Admin");
    const account = await scoringAccount({ stage: "L04", seats: 10 });
    const domain = (await db.accountDomain.findFirstOrThrow({ where: { accountId: account.id } })).domain;
    const form = (stage: string, seats: string) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ name: account.name, domains: domain, plan: "growth", seatsLicensed: seats, arr: "0", renewalDate: "", lifecycleStage: stage, ownerId: "" })) data.set(k, v);
      return data;
    };
    const t = translator("en");
    expect((await saveAccountForm(form("L04", "12"), t, account.id, admin.id)).ok).toBe(true);
    expect(await stageHistory(account.id)).toEqual([]);
    expect((await saveAccountForm(form("L06", "12"), t, account.id, admin.id)).ok).toBe(true);
    expect((await stageHistory(account.id)).map((c) => [c.fromStage, c.toStage, c.kind, c.actor?.name])).toEqual([["L04", "L06", "admin", "Admin"]]);
  });
});

describe("applyAutomaticMoves", () => {
  test("records each hand-off with its evidence, once per day however often it runs", async () => {
    const account = await scoringAccount({ stage: "L01" });
    const candidate = { accountId: account.id, stage: "L01", values: valuesWithMembers(2) };
    const moves = await applyAutomaticMoves([candidate], DEFAULT_STAGES, NOW);
    expect(moves).toEqual([{ accountId: account.id, from: "L01", to: "L02", evidence: { members: 2 } }]);
    // The demo seed resets stages and runs again: the same day's move is not recorded twice.
    await db.account.update({ where: { id: account.id }, data: { lifecycleStage: "L01" } });
    await applyAutomaticMoves([candidate], DEFAULT_STAGES, NOW);
    const history = await stageHistory(account.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: "auto", fromStage: "L01", toStage: "L02", evidence: JSON.stringify({ members: 2 }) });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lifecycleStage).toBe("L02");
  });

  test("the scoring job moves an account forward when the next stage's rules hold", async () => {
    const account = await scoringAccount({ stage: "L03", seats: 10 });
    const m = await memberOf(account.id);
    await completion(m.id, "en/start-1", daysAgo(3));
    await completion(m.id, "en/start-2", daysAgo(2));
    await event(m, "content.completed", daysAgo(2));
    await usageDays(account.id, 40, 1, 2, { email: 4, scoring: 1 });
    await recomputeAll({ now: NOW, content: TEST_CONTENT });
    // L04 holds (2 key features, onboarding finished); L05 needs 3 active users every day.
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lifecycleStage).toBe("L04");
    expect((await stageHistory(account.id)).map((c) => [c.fromStage, c.toStage, c.kind])).toEqual([["L03", "L04", "auto"]]);
  });
});
