// The champion pages over HTTP (loaders and actions called with real sessions): who gets a 403,
// and bad input answered with a clear 4xx while nothing is stored.
import { company, member, staffer, type TestPerson } from "../../tests/champion-factories";
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { loader as adminLayoutLoader } from "~/routes/admin";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin.champions";
import { loader as candidatesLoader } from "~/routes/champions.candidates";
import { action as nominationAction, loader as nominationLoader } from "~/routes/champions.nominations.$nominationId";
import { loader as nominationsLoader } from "~/routes/champions.nominations._index";
import { action as nominateAction, loader as nominateLoader } from "~/routes/champions.nominations.new";
import { loader as reviewLoader } from "~/routes/champions.review";
import { evidenceField, scoreField } from "./fields";
import { getProgram, listCriteria, updateProgram } from "./program.server";

const ORIGIN = "http://localhost";

async function call(run: (args: { request: Request; params: Record<string, string>; context: { clientIp: string } }) => Promise<unknown>, who: TestPerson | null, path: string, form?: Record<string, string>, params: Record<string, string> = {}) {
  const headers = new Headers();
  if (who) {
    const session = await lucia.createSession(who.id, {});
    headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
  }
  const request = new Request(`${ORIGIN}${path}`, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  try {
    const result = await run({ request, params, context: { clientIp: "127.0.0.1" } });
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null as unknown };
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null as unknown };
    throw thrown;
  }
}

type Failure = { errors: Record<string, string>; formError: string | null };

async function evidenceForm(nomineeId: string, skip?: string) {
  const criteria = await listCriteria();
  const form: Record<string, string> = { nomineeId };
  for (const c of criteria) if (c.id !== skip) form[evidenceField(c.id)] = "毎月の分科会を運営し、参加企業が倍になりました。";
  return { form, criteria };
}

const stored = async () => ({ nominations: await db.championNomination.count(), reviews: await db.championReview.count(), scores: await db.championScore.count() });

describe("who may open the champion staff pages", () => {
  it("answers 403 to a member on nomination, review, candidate and settings pages", async () => {
    const someone = await member((await company()).id);
    const cs = await staffer();
    const { form } = await evidenceForm(someone.id);
    const nominated = await call(nominateAction, cs, "/champions/nominations/new", form);
    expect(nominated.status).toBe(302);
    const nominationId = nominated.location!.split("/").pop()!;

    const peer = await member((await company()).id);
    expect((await call(nominationsLoader, peer, "/champions/nominations")).status).toBe(403);
    expect((await call(nominateLoader, peer, "/champions/nominations/new")).status).toBe(403);
    expect((await call(nominateAction, peer, "/champions/nominations/new", form)).status).toBe(403);
    expect((await call(nominationLoader, peer, `/champions/nominations/${nominationId}`, undefined, { nominationId })).status).toBe(403);
    expect((await call(reviewLoader, peer, "/champions/review")).status).toBe(403);
    expect((await call(candidatesLoader, peer, "/champions/candidates")).status).toBe(403);
    expect((await call(adminLayoutLoader, peer, "/admin/champions")).status).toBe(403);
    expect((await call(settingsLoader, peer, "/admin/champions")).status).toBe(403);
    // CS staff nominate and see candidates, but reviewing and settings are for admins.
    expect((await call(candidatesLoader, cs, "/champions/candidates")).status).toBe(200);
    expect((await call(reviewLoader, cs, "/champions/review")).status).toBe(403);
    expect((await call(settingsLoader, cs, "/admin/champions")).status).toBe(403);
    expect((await call(nominationAction, cs, `/champions/nominations/${nominationId}`, { intent: "start-review" }, { nominationId })).status).toBe(403);
    // Visitors are sent to sign in.
    expect((await call(nominationsLoader, null, "/champions/nominations")).status).toBe(302);
  });
});

describe("peer nominations", () => {
  it("let a second member back a nomination they cannot file twice, without opening it", async () => {
    const admin = await staffer("admin");
    await updateProgram(admin, { ...(await getProgram()), peerNominations: true });
    const acme = await company();
    const [first, second, nominee] = [await member(acme.id), await member(acme.id), await member((await company()).id)];
    const { form } = await evidenceForm(nominee.id);
    const made = await call(nominateAction, first, "/champions/nominations/new", form);
    expect(made.status).toBe(302);
    const nominationId = made.location!.split("/").pop()!;
    // The nominator follows their own nomination; other members do not open it.
    expect((await call(nominationLoader, first, `/champions/nominations/${nominationId}`, undefined, { nominationId })).status).toBe(200);
    expect((await call(nominationLoader, second, `/champions/nominations/${nominationId}`, undefined, { nominationId })).status).toBe(403);

    const page = (await call(nominateLoader, second, `/champions/nominations/new?nominee=${nominee.id}`)).body as Awaited<ReturnType<typeof nominateLoader>>;
    expect(page.blocker).toMatchObject({ error: "duplicate" });
    expect(page.existing).toEqual({ id: nominationId, endorsement: "can-endorse" });
    const duplicate = await call(nominateAction, second, "/champions/nominations/new", form);
    expect(duplicate).toMatchObject({ status: 409, body: { existingId: nominationId } });
    const endorsed = await call(nominateAction, second, "/champions/nominations/new", { intent: "endorse", nominationId, comment: "同じ分科会で助けてもらいました" });
    expect(endorsed).toMatchObject({ status: 302, location: "/champions/nominations" });
    expect(await db.championEndorsement.findMany({ where: { nominationId }, select: { userId: true, comment: true } })).toEqual([{ userId: second.id, comment: "同じ分科会で助けてもらいました" }]);
    expect(await db.championNomination.count({ where: { nomineeId: nominee.id } })).toBe(1);
    const again = (await call(nominateLoader, second, `/champions/nominations/new?nominee=${nominee.id}`)).body as Awaited<ReturnType<typeof nominateLoader>>;
    expect(again.existing).toEqual({ id: nominationId, endorsement: "endorsed" });
    await updateProgram(admin, { ...(await getProgram()), peerNominations: false });
  });
});

describe("bad input is refused with a clear message and stores nothing", () => {
  it("refuses to nominate a staff member", async () => {
    const cs = await staffer();
    const before = await stored();
    const { form } = await evidenceForm((await staffer("admin")).id);
    const result = await call(nominateAction, cs, "/champions/nominations/new", form);
    expect(result.status).toBe(400);
    expect((result.body as Failure).formError).toBe("チャンピオンになれるのはメンバー（お客様）だけです。スタッフは推薦できません。");
    expect(await stored()).toEqual(before);
  });

  it("refuses a nomination with a criterion left empty, naming that field", async () => {
    const cs = await staffer();
    const nominee = await member((await company()).id);
    const criteria = await listCriteria();
    const { form } = await evidenceForm(nominee.id, criteria[1]!.id);
    const before = await stored();
    const result = await call(nominateAction, cs, "/champions/nominations/new", form);
    expect(result.status).toBe(400);
    expect((result.body as Failure).errors).toEqual({ [evidenceField(criteria[1]!.id)]: "この基準の根拠を書いてください。" });
    expect(await stored()).toEqual(before);
  });

  it("refuses links that are not web links", async () => {
    const cs = await staffer();
    const nominee = await member((await company()).id);
    const { form, criteria } = await evidenceForm(nominee.id);
    form[`links_${criteria[0]!.id}`] = "javascript:alert(1)";
    const result = await call(nominateAction, cs, "/champions/nominations/new", form);
    expect(result.status).toBe(400);
    expect(Object.keys((result.body as Failure).errors)).toEqual([`links_${criteria[0]!.id}`]);
  });

  it("refuses nominations while the window is closed", async () => {
    const admin = await staffer("admin");
    await updateProgram(admin, { ...(await getProgram()), nominationsOpen: false });
    const { form } = await evidenceForm((await member((await company()).id)).id);
    const before = await stored();
    const result = await call(nominateAction, await staffer(), "/champions/nominations/new", form);
    expect(result.status).toBe(409);
    expect((result.body as Failure).formError).toBe("現在、推薦は受け付けていません。管理者がプログラム設定で受付を開始します。");
    expect(await stored()).toEqual(before);
    await updateProgram(admin, { ...(await getProgram()), nominationsOpen: true });
  });

  it("refuses scores outside 1–5", async () => {
    const nominee = await member((await company()).id);
    const { form, criteria } = await evidenceForm(nominee.id);
    const made = await call(nominateAction, await staffer(), "/champions/nominations/new", form);
    const nominationId = made.location!.split("/").pop()!;
    const admin = await staffer("admin");
    const before = await stored();
    for (const bad of ["7", "0", "-1", "3.5", "abc", ""]) {
      const review: Record<string, string> = { intent: "review", comment: "" };
      criteria.forEach((c, i) => (review[scoreField(c.id)] = i === 0 ? bad : "4"));
      const result = await call(nominationAction, admin, `/champions/nominations/${nominationId}`, review, { nominationId });
      expect(result.status).toBe(400);
      expect(Object.keys((result.body as Failure).errors)).toEqual([scoreField(criteria[0]!.id)]);
    }
    expect(await stored()).toEqual(before);
    expect((await db.championNomination.findUniqueOrThrow({ where: { id: nominationId } })).state).toBe("submitted");
  });

  it("refuses settings that make no sense", async () => {
    const admin = await staffer("admin");
    const before = await getProgram();
    const result = await call(settingsAction, admin, "/admin/champions", { intent: "settings", cohortYear: "abc", termMonths: "99", nominationsOpen: "on" });
    expect(result.status).toBe(400);
    expect(Object.keys((result.body as Failure).errors).sort()).toEqual(["cohortYear", "termMonths"]);
    expect(await getProgram()).toEqual(before);
    const criteriaBefore = await db.championCriterion.count();
    const rubric = await call(settingsAction, admin, "/admin/champions", { intent: "add-criterion", nameJa: "発信力", nameEn: "Outreach", descriptionJa: "説明", descriptionEn: "About", rubricJa: "1\n2\n3\n4", rubricEn: "1\n2\n3\n4\n5" });
    expect(rubric.status).toBe(400);
    expect((rubric.body as Failure).errors).toEqual({ rubricJa: "スコア1〜5に対応する5行をちょうど書いてください。" });
    expect(await db.championCriterion.count()).toBe(criteriaBefore);
  });
});

describe("the whole flow over HTTP", () => {
  it("nominate → review → decline shows the reason to the nominator; approve makes a champion", async () => {
    const cs = await staffer();
    const admin = await staffer("admin");
    const [declined, approved] = [await member((await company()).id, "見送り さん"), await member((await company()).id, "承認 さん")];
    for (const [nominee, decision, reason] of [
      [declined, "decline", "事業成果の具体例をもう少し知りたいです"],
      [approved, "approve", ""],
    ] as const) {
      const { form, criteria } = await evidenceForm(nominee.id);
      const made = await call(nominateAction, cs, "/champions/nominations/new", form);
      const nominationId = made.location!.split("/").pop()!;
      const review: Record<string, string> = { intent: "review", comment: "よい推薦です" };
      for (const c of criteria) review[scoreField(c.id)] = "4";
      const path = `/champions/nominations/${nominationId}`;
      expect((await call(nominationAction, admin, path, review, { nominationId })).status).toBe(302);
      expect((await call(nominationAction, admin, path, { intent: "decide", decision, reason }, { nominationId })).status).toBe(302);
      const page = (await call(nominationLoader, cs, path, undefined, { nominationId })).body as Awaited<ReturnType<typeof nominationLoader>>;
      expect(page.nomination.state).toBe(decision === "approve" ? "approved" : "declined");
      if (decision === "decline") expect(page.nomination.decisionReason).toBe(reason);
      else expect(page.nomination.nominee.championNow).toBe(true);
    }
    const declineWithoutReason = await call(nominationAction, admin, "/champions/nominations/x", { intent: "decide", decision: "decline", reason: "" }, { nominationId: "x" });
    expect(declineWithoutReason.status).toBe(404);
  });
});
