// The alerts inbox through its route module: a CS person sees the alerts assigned to them, most
// severe first then oldest; acting on someone else's alert is 403 with the alert unchanged; an
// admin may act on any alert and switch to everyone's; members and visitors are kept out.
import { startSession } from "~/auth/session.server";
import { db } from "~/db.server";
import * as inbox from "~/routes/workspace.alerts";
import * as accountPage from "~/routes/workspace.accounts.$accountId";
import { alertsActionableBy } from "./alerts-inbox.server";
import { scoringAccount } from "../../tests/scoring-factories";
import { upsertUser } from "../../tests/factories";

const context = { clientIp: "127.0.0.1" };
let misaki: { id: string; role: "cs" };
let quietAccountId: string;
let yuki: { id: string };
let cookies: Record<"misaki" | "yuki" | "admin" | "member", string>;
const alerts: Record<string, string> = {};

async function cookieFor(userId: string) {
  return (await startSession(userId)).split(";")[0]!;
}

function request(pathname: string, cookie?: string, fields?: Record<string, string>) {
  const headers = new Headers({ Origin: "http://localhost" });
  if (cookie) headers.set("Cookie", cookie);
  if (!fields) return new Request(`http://localhost${pathname}`, { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${pathname}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    // Remix `data()` results (form failures) carry their status in `init`.
    const init = (result as { init?: { status?: number } } | null)?.init;
    return init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function alert(key: string, accountId: string, ownerId: string, severity: "high" | "medium", createdAt: Date) {
  const row = await db.healthAlert.create({
    data: {
      accountId,
      rule: "no_activity",
      conditionKey: `${key}:${accountId}`,
      openKey: `${key}:${accountId}`,
      severity,
      evidence: JSON.stringify({ key: "alerts.evidence.no_activity", params: { days: 30 } }),
      nextAction: JSON.stringify({ key: "alerts.next.no_activity", params: {} }),
      ownerId,
      createdAt,
    },
  });
  alerts[key] = row.id;
}

beforeAll(async () => {
  misaki = { id: (await upsertUser({ email: "misaki@inbox.test", name: "Misaki", role: "cs" })).id, role: "cs" };
  yuki = await upsertUser({ email: "yuki@inbox.test", name: "Yuki", role: "cs" });
  const admin = await upsertUser({ email: "admin@inbox.test", name: "Admin", role: "admin" });
  const a = await scoringAccount({ name: "Quiet KK", ownerId: misaki.id });
  quietAccountId = a.id;
  const b = await scoringAccount({ name: "Other KK", ownerId: yuki.id });
  const member = await upsertUser({ email: "m@quiet.test", name: "Member", accountId: a.id });
  cookies = { misaki: await cookieFor(misaki.id), yuki: await cookieFor(yuki.id), admin: await cookieFor(admin.id), member: await cookieFor(member.id) };
  await alert("medium-old", a.id, misaki.id, "medium", new Date("2026-10-01T00:00:00Z"));
  await alert("high-new", a.id, misaki.id, "high", new Date("2026-11-10T00:00:00Z"));
  await alert("high-old", a.id, misaki.id, "high", new Date("2026-11-01T00:00:00Z"));
  await alert("yukis", b.id, yuki.id, "high", new Date("2026-11-05T00:00:00Z"));
});

describe("alerts inbox", () => {
  test("lists my unresolved alerts by severity, then oldest first; only admins can see everyone's", async () => {
    const mine = (await inbox.loader({ request: request("/workspace/alerts", cookies.misaki), params: {}, context })) as Awaited<ReturnType<typeof inbox.loader>>;
    expect(mine.alerts.map((a) => a.id)).toEqual([alerts["high-old"], alerts["high-new"], alerts["medium-old"]]);
    expect(mine.alerts.every((a) => a.mayAct)).toBe(true);
    const tried = (await inbox.loader({ request: request("/workspace/alerts?scope=all", cookies.misaki), params: {}, context })) as Awaited<ReturnType<typeof inbox.loader>>;
    expect(tried.scope).toBe("mine");
    expect(tried.alerts).toHaveLength(3);
    const all = (await inbox.loader({ request: request("/workspace/alerts?scope=all", cookies.admin), params: {}, context })) as Awaited<ReturnType<typeof inbox.loader>>;
    expect(all.alerts.map((a) => a.id)).toContain(alerts.yukis);
    expect(all.alerts.every((a) => a.mayAct)).toBe(true);
  });

  test("members get 403 and visitors are sent to sign in", async () => {
    expect(await status(() => inbox.loader({ request: request("/workspace/alerts", cookies.member), params: {}, context }))).toBe(403);
    expect(await status(() => inbox.loader({ request: request("/workspace/alerts"), params: {}, context }))).toBe(302);
    const fields = { intent: "alert-resolve", alertId: alerts["medium-old"]!, note: "member" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.member, fields), params: {}, context }))).toBe(403);
  });

  test("a CS person cannot resolve someone else's alert: 403 and the alert is unchanged", async () => {
    const fields = { intent: "alert-resolve", alertId: alerts.yukis!, note: "Not mine to close" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.misaki, fields), params: {}, context }))).toBe(403);
    const ack = { intent: "alert-acknowledge", alertId: alerts.yukis!, note: "" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.misaki, ack), params: {}, context }))).toBe(403);
    const row = await db.healthAlert.findUniqueOrThrow({ where: { id: alerts.yukis! } });
    expect(row).toMatchObject({ status: "open", resolvedAt: null, resolvedById: null, resolutionNote: "", acknowledgedById: null });
    // In Yuki's list, Misaki's alerts are not there; with scope=all she still sees only her own.
    const yukis = (await inbox.loader({ request: request("/workspace/alerts", cookies.yuki), params: {}, context })) as Awaited<ReturnType<typeof inbox.loader>>;
    expect(yukis.alerts.map((a) => a.id)).toEqual([alerts.yukis]);
  });

  test("the owner resolves with a note; an empty note is a 400 with nothing stored", async () => {
    const empty = { intent: "alert-resolve", alertId: alerts["medium-old"]!, note: "  " };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.misaki, empty), params: {}, context }))).toBe(400);
    expect((await db.healthAlert.findUniqueOrThrow({ where: { id: alerts["medium-old"]! } })).status).toBe("open");
    const fields = { intent: "alert-resolve", alertId: alerts["medium-old"]!, note: "Called the team lead" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.misaki, fields), params: {}, context }))).toBe(302);
    expect(await db.healthAlert.findUniqueOrThrow({ where: { id: alerts["medium-old"]! } })).toMatchObject({
      status: "resolved",
      resolvedById: misaki.id,
      resolutionNote: "Called the team lead",
    });
  });

  test("an admin can resolve anyone's alert; unknown alerts are 404", async () => {
    const fields = { intent: "alert-resolve", alertId: alerts.yukis!, note: "Covered while Yuki was away" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.admin, fields), params: {}, context }))).toBe(302);
    expect((await db.healthAlert.findUniqueOrThrow({ where: { id: alerts.yukis! } })).status).toBe("resolved");
    const unknown = { intent: "alert-resolve", alertId: "nope", note: "x" };
    expect(await status(() => inbox.action({ request: request("/workspace/alerts", cookies.admin, unknown), params: {}, context }))).toBe(404);
  });
});

describe("alert forms on the account page", () => {
  test("only the alert's owner or an admin gets the form; other staff see whose it is", async () => {
    const open = [alerts["high-old"]!, alerts["high-new"]!];
    expect((await alertsActionableBy(misaki, [...open, alerts.yukis!])).sort()).toEqual([...open].sort());
    expect(await alertsActionableBy({ id: yuki.id, role: "cs" }, open)).toEqual([]);
    expect((await alertsActionableBy({ id: "someone", role: "admin" }, open)).sort()).toEqual([...open].sort());
    expect(await alertsActionableBy(misaki, [])).toEqual([]);

    const load = async (cookie: string) =>
      (await accountPage.loader({ request: request(`/workspace/accounts/${quietAccountId}`, cookie), params: { accountId: quietAccountId }, context })) as Awaited<
        ReturnType<typeof accountPage.loader>
      >;
    const unresolved = (await load(cookies.misaki)).scoring.alerts.unresolved.map((a) => a.id).sort();
    expect((await load(cookies.misaki)).actionableAlertIds.sort()).toEqual(unresolved);
    expect((await load(cookies.yuki)).actionableAlertIds).toEqual([]);
  });
});

