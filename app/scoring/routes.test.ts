// The scoring pages through their loaders and actions: who may open them, bad input refused with
// a message and nothing stored, good input saved; the account page's alert and stage forms.
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { action as lifecycleAction, loader as lifecycleLoader } from "~/routes/admin.lifecycle";
import { action as modelAction, loader as modelLoader } from "~/routes/admin.health-model";
import { action as accountAction, loader as accountLoader } from "~/routes/workspace.accounts.$accountId";
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { memberOf, scoringAccount, staffMember } from "../../tests/scoring-factories";
import { raiseAlerts } from "~/alerts/alerts.server";
import { DEFAULT_MODEL } from "./model";

const BASE = "https://kizuna.test";

async function request(who: { id: string } | null, path: string, form?: Record<string, string>) {
  const headers = new Headers({ "Accept-Language": "en" });
  if (who) {
    const session = await lucia.createSession(who.id, {});
    headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
  }
  return new Request(`${BASE}${path}`, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
}

const args = async (who: { id: string } | null, path: string, form?: Record<string, string>, params: Record<string, string> = {}) => ({
  request: await request(who, path, form),
  params,
  context: { clientIp: "127.0.0.1" },
});

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** The data of a `data()` / formFailure result: its body and status. */
function failure(result: unknown) {
  const r = result as { data: { errors: Record<string, string>; formError: string | null }; init: { status: number } };
  return { status: r.init.status, ...r.data };
}

const admin = () => upsertUser({ email: uniqueEmail("kizuna.test"), name: "Admin", role: "admin", locale: "en" });

function modelForm(overrides: Record<string, string> = {}) {
  return {
    "weight.adoption": "30",
    "weight.enablement": "20",
    "weight.community": "15",
    "weight.relationship": "20",
    "weight.momentum": "15",
    green: "70",
    yellow: "45",
    keyFeatures: "email, scoring",
    "alert.scoreDropPoints": "15",
    "alert.noActivityDays": "21",
    "alert.unansweredHours": "48",
    "segment.0.target": "",
    note: "",
    ...overrides,
  };
}

describe("admin health model page", () => {
  test("members and CS staff get 403; admins see the model in force", async () => {
    const account = await scoringAccount();
    const member = await memberOf(account.id);
    const cs = await staffMember();
    expect(await status(modelLoader(await args(member, "/admin/health-model")))).toBe(403);
    expect(await status(modelLoader(await args(cs, "/admin/health-model")))).toBe(403);
    expect(await status(modelAction(await args(member, "/admin/health-model", modelForm())))).toBe(403);
    const data = (await modelLoader(await args(await admin(), "/admin/health-model"))) as Awaited<ReturnType<typeof modelLoader>>;
    expect(data.version).toBe(0);
    expect(data.values["weight.adoption"]).toBe(String(DEFAULT_MODEL.weights.adoption));
  });

  test("weights not adding up to 100 are refused with the sum in the message; nothing is saved", async () => {
    const result = failure(await modelAction(await args(await admin(), "/admin/health-model", modelForm({ "weight.momentum": "10" }))));
    expect(result.status).toBe(400);
    expect(result.errors["weight.sum"]).toBe("The weights must add up to 100; these add up to 95.");
    expect(await db.healthModelVersion.count()).toBe(0);
  });

  test("thresholds out of order are refused", async () => {
    const result = failure(await modelAction(await args(await admin(), "/admin/health-model", modelForm({ green: "40", yellow: "60" }))));
    expect(result.errors.yellow).toBe("Yellow must start below green (green 40, yellow 60).");
    expect(await db.healthModelVersion.count()).toBe(0);
  });

  test("a good model is saved as the next version, with a segment", async () => {
    const who = await admin();
    const form = modelForm({
      "segment.0.target": "plan:starter",
      "segment.0.weight.adoption": "10",
      "segment.0.weight.enablement": "40",
      "segment.0.weight.community": "20",
      "segment.0.weight.relationship": "20",
      "segment.0.weight.momentum": "10",
      "segment.1.target": "",
      note: "Starter accounts learn first",
    });
    const response = (await modelAction(await args(who, "/admin/health-model", form))) as Response;
    expect(response.status).toBe(302);
    const second = (await modelAction(await args(who, "/admin/health-model", modelForm({ green: "75" })))) as Response;
    expect(second.status).toBe(302);
    const versions = await db.healthModelVersion.findMany({ orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0]!.config).segments).toEqual([{ kind: "plan", value: "starter", weights: { adoption: 10, enablement: 40, community: 20, relationship: 20, momentum: 10 } }]);
    expect(versions[0]!.note).toBe("Starter accounts learn first");
    expect(JSON.parse(versions[1]!.config).bands).toEqual({ green: 75, yellow: 45 });
  });

  test("a segment with a bad sum names its own fields", async () => {
    const result = failure(
      await modelAction(
        await args(
          await admin(),
          "/admin/health-model",
          modelForm({
            "segment.0.target": "stage:L02",
            "segment.0.weight.adoption": "50",
            "segment.0.weight.enablement": "50",
            "segment.0.weight.community": "50",
            "segment.0.weight.relationship": "0",
            "segment.0.weight.momentum": "0",
          }),
        ),
      ),
    );
    expect(result.errors["segment.0.weight.sum"]).toBe("The weights must add up to 100; these add up to 150.");
  });
});

describe("admin lifecycle page", () => {
  test("members get 403; an admin adds a stage and bad rules are refused", async () => {
    const account = await scoringAccount();
    const member = await memberOf(account.id);
    expect(await status(lifecycleLoader(await args(member, "/admin/lifecycle")))).toBe(403);
    const who = await admin();
    const bad = failure(
      await lifecycleAction(
        await args(who, "/admin/lifecycle", { intent: "add", "new.code": "l 11", "new.nameEn": "", "new.nameJa": "推奨2", "new.team": "community", "new.rule.0.fact": "members", "new.rule.0.op": "gte", "new.rule.0.value": "" }),
      ),
    );
    expect(bad.errors).toMatchObject({ "new.code": expect.any(String), "new.nameEn": "This field is required.", "new.rule.0": expect.any(String) });
    expect(await db.lifecycleStageDef.count()).toBe(0);

    const ok = (await lifecycleAction(
      await args(who, "/admin/lifecycle", { intent: "add", "new.code": "L11", "new.nameEn": "Reference customer", "new.nameJa": "リファレンス顧客", "new.team": "community", "new.rule.0.fact": "activeChampions", "new.rule.0.op": "gte", "new.rule.0.value": "2" }),
    )) as Response;
    expect(ok.status).toBe(302);
    const stages = await db.lifecycleStageDef.findMany({ orderBy: { position: "asc" } });
    expect(stages.map((s) => s.code)).toEqual(["L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10", "L11"]);
    expect(JSON.parse(stages[10]!.rules)).toEqual([{ fact: "activeChampions", op: "gte", value: 2 }]);

    // A stage with accounts in it cannot be deleted (scoringAccount puts accounts in L05).
    const inUse = failure(await lifecycleAction(await args(who, "/admin/lifecycle", { intent: "delete", code: "L05" })));
    expect(inUse.status).toBe(409);
    const moved = (await lifecycleAction(await args(who, "/admin/lifecycle", { intent: "move", code: "L11", direction: "up" }))) as Response;
    expect(moved.status).toBe(302);
    expect((await db.lifecycleStageDef.findMany({ orderBy: { position: "asc" } })).map((s) => s.code).slice(-2)).toEqual(["L11", "L10"]);
  });
});

describe("staff account page", () => {
  async function setup() {
    const owner = await staffMember("Owner", "en");
    const account = await scoringAccount({ ownerId: owner.id, stage: "L05" });
    const member = await memberOf(account.id);
    await raiseAlerts([
      {
        accountId: account.id,
        rule: "no_activity",
        conditionKey: `no_activity:${account.id}`,
        severity: "high",
        evidence: { key: "alerts.evidence.noActivity", params: { days: 30, date: "date:2026-10-16" } },
        nextAction: { key: "alerts.next.noActivityNobody", params: { account: "A" } },
        link: null,
      },
    ]);
    const alert = await db.healthAlert.findFirstOrThrow({ where: { accountId: account.id } });
    return { owner, account, member, alert };
  }
  const path = (id: string) => `/workspace/accounts/${id}`;

  test("members get 403 on the page and its forms", async () => {
    const { account, member, alert } = await setup();
    expect(await status(accountLoader(await args(member, path(account.id), undefined, { accountId: account.id })))).toBe(403);
    expect(await status(accountAction(await args(member, path(account.id), { intent: "alert-resolve", alertId: alert.id, note: "x" }, { accountId: account.id })))).toBe(403);
    expect((await db.healthAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("open");
  });

  test("the loader brings health, alerts, engagement and lifecycle", async () => {
    const { owner, account, member } = await setup();
    const data = (await accountLoader(await args(owner, path(account.id), undefined, { accountId: account.id }))) as Awaited<ReturnType<typeof accountLoader>>;
    expect(data.scoring.alerts.unresolved).toHaveLength(1);
    expect(data.scoring.health).toBeNull();
    expect(data.scoring.engagement[member.id]).toBeUndefined();
    expect(data.scoring.lifecycle.current?.code).toBe("L05");
  });

  test("acknowledge, then resolving without a note is refused, then resolve", async () => {
    const { owner, account, alert } = await setup();
    const ack = (await accountAction(await args(owner, path(account.id), { intent: "alert-acknowledge", alertId: alert.id, note: "On it" }, { accountId: account.id }))) as Response;
    expect(ack.status).toBe(302);
    const refused = failure(await accountAction(await args(owner, path(account.id), { intent: "alert-resolve", alertId: alert.id, note: "" }, { accountId: account.id })));
    expect(refused).toMatchObject({ status: 400, errors: { [`alert:${alert.id}`]: "Write what was done before resolving." } });
    const done = (await accountAction(await args(owner, path(account.id), { intent: "alert-resolve", alertId: alert.id, note: "Called; training booked" }, { accountId: account.id }))) as Response;
    expect(done.status).toBe(302);
    expect(await db.healthAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "resolved", openKey: null, resolutionNote: "Called; training booked" });
  });

  test("an alert of another account cannot be resolved through this page", async () => {
    const { owner, alert } = await setup();
    const other = await scoringAccount();
    const result = failure(await accountAction(await args(owner, path(other.id), { intent: "alert-resolve", alertId: alert.id, note: "x" }, { accountId: other.id })));
    expect(result.status).toBe(404);
    expect((await db.healthAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("open");
  });

  test("stage override needs a reason and is recorded", async () => {
    const { owner, account } = await setup();
    const refused = failure(await accountAction(await args(owner, path(account.id), { intent: "stage-override", stage: "L03", reason: "" }, { accountId: account.id })));
    expect(refused.errors.reason).toBe("Say why the stage changes.");
    const done = (await accountAction(await args(owner, path(account.id), { intent: "stage-override", stage: "L03", reason: "Re-onboarding the new team" }, { accountId: account.id }))) as Response;
    expect(done.status).toBe(302);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lifecycleStage).toBe("L03");
    expect(await db.accountStageChange.count({ where: { accountId: account.id, kind: "override" } })).toBe(1);
  });
});
