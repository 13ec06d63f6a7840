// The workspace authorisation rule (app/workspace/access.server.ts), exercised through the real
// route modules: visitors are sent to sign in, members get 403, any staff person may view any
// account and write notes on it, and notes never reach a member-facing loader.
import fs from "node:fs";
import path from "node:path";
import { startSession } from "~/auth/session.server";
import { db } from "~/db.server";
import * as home from "~/routes/_index";
import * as learnMe from "~/routes/learn.me";
import * as recommendationRoute from "~/routes/recommendations.$recommendationId";
import * as accountPage from "~/routes/workspace.accounts.$accountId";
import * as membersCsv from "~/routes/workspace.accounts.$accountId_.members[.csv]";
import * as portfolioPage from "~/routes/workspace._index";
import * as memberPage from "~/routes/workspace.members.$userId";
import * as portfolioCsv from "~/routes/workspace.portfolio[.csv]";
import * as alertsInbox from "~/routes/workspace.alerts";
import * as outcomesPage from "~/routes/workspace.outcomes";
import { articleMeta } from "../../tests/content-factories";
import { useTestCatalog } from "../../tests/catalog-fixture";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { addAccountNote, listAccountNotes } from "./notes.server";

const context = { clientIp: "127.0.0.1" };
const SECRET = "Renewal risk: budget cut 機密メモ";

let cleanup: () => void;
let account: { id: string };
let member: { id: string };
let cookies: Record<"member" | "cs" | "admin", string>;

async function cookieFor(userId: string) {
  return (await startSession(userId)).split(";")[0]!;
}

function request(pathname: string, cookie?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${pathname}`, { ...init, headers });
}

function form(fields: Record<string, string>) {
  return { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}

/** What a loader or action threw or returned, as a Response when it was one. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

beforeAll(async () => {
  cleanup = useTestCatalog([articleMeta({ slug: "first-30-days", locale: "ja", title: "はじめの30日" })]);
  const owner = await upsertUser({ email: "owner@vendor.test", name: "Owner", role: "cs" });
  const otherCsm = await upsertUser({ email: "other@vendor.test", name: "Other CSM", role: "cs" });
  const admin = await upsertUser({ email: "admin@vendor.test", name: "Admin", role: "admin" });
  account = await upsertAccount({ name: "さくらコマース", domains: ["sakura.test"], ownerId: owner.id });
  member = await upsertUser({ email: "aya@sakura.test", name: "伊藤 彩", accountId: account.id });
  cookies = { member: await cookieFor(member.id), cs: await cookieFor(otherCsm.id), admin: await cookieFor(admin.id) };
  await addAccountNote(owner, account.id, SECRET);
});
afterAll(() => cleanup());

const urls = () => [
  { name: "portfolio", path: "/workspace?owner=all", run: (r: Request) => portfolioPage.loader({ request: r, params: {}, context }) },
  { name: "portfolio CSV", path: "/workspace/portfolio.csv?owner=all", run: (r: Request) => portfolioCsv.loader({ request: r, params: {}, context }) },
  { name: "account page", path: `/workspace/accounts/${account.id}`, run: (r: Request) => accountPage.loader({ request: r, params: { accountId: account.id }, context }) },
  { name: "members CSV", path: `/workspace/accounts/${account.id}/members.csv`, run: (r: Request) => membersCsv.loader({ request: r, params: { accountId: account.id }, context }) },
  { name: "member page", path: `/workspace/members/${member.id}`, run: (r: Request) => memberPage.loader({ request: r, params: { userId: member.id }, context }) },
  { name: "alerts inbox", path: "/workspace/alerts", run: (r: Request) => alertsInbox.loader({ request: r, params: {}, context }) },
  { name: "outcome report", path: "/workspace/outcomes?cohort=studyGroup&period=30", run: (r: Request) => outcomesPage.loader({ request: r, params: {}, context }) },
];

describe("the outcome report's URL", () => {
  it("answers 400 with what to choose for an unknown cohort or period, only after checking who asks", async () => {
    const run = (path: string, cookie?: string) => outcome(() => outcomesPage.loader({ request: request(path, cookie), params: {}, context }));
    const cohort = (await run("/workspace/outcomes?cohort=vip", cookies.cs)) as Response;
    expect(cohort.status).toBe(400);
    // In the viewer's language (this CS person's is Japanese).
    expect(await cohort.text()).toBe("「vip」というグループはありません。チャンピオンのいるアカウント / 分科会に参加しているアカウント / 上級パスを修了したアカウント のいずれかを選んでください。");
    const period = (await run("/workspace/outcomes?period=7", cookies.cs)) as Response;
    expect(period.status).toBe(400);
    expect(await period.text()).toBe("「7」は選べる期間ではありません。30日、90日、180日のいずれかを選んでください。");
    expect(((await run("/workspace/outcomes?cohort=vip", cookies.member)) as Response).status).toBe(403);
    expect(((await run("/workspace/outcomes?cohort=vip")) as Response).status).toBe(302);
  });

  it("reports the chosen cohort and period", async () => {
    const page = (await outcomesPage.loader({ request: request("/workspace/outcomes?cohort=advancedPath&period=180", cookies.cs), params: {}, context })) as {
      report: { cohort: string; periodDays: number; inCohort: { accounts: number }; others: { accounts: number } };
    };
    expect(page.report).toMatchObject({ cohort: "advancedPath", periodDays: 180 });
    expect(page.report.inCohort.accounts + page.report.others.accounts).toBe(await db.account.count());
  });
});

describe("workspace URLs", () => {
  it("send visitors to sign in and back", async () => {
    for (const url of urls()) {
      const result = await outcome(() => url.run(request(url.path)));
      expect(result, url.name).toBeInstanceOf(Response);
      expect((result as Response).status, url.name).toBe(302);
      expect((result as Response).headers.get("Location"), url.name).toBe(`/login?${new URLSearchParams({ redirectTo: url.path })}`);
    }
  });

  it("answer 403 to signed-in members", async () => {
    for (const url of urls()) {
      const result = await outcome(() => url.run(request(url.path, cookies.member)));
      expect((result as Response).status, url.name).toBe(403);
    }
  });

  it("refuse every form post from visitors and members, storing nothing", async () => {
    const before = await db.accountNote.count();
    const post = (cookie?: string) =>
      outcome(() =>
        accountPage.action({ request: request(`/workspace/accounts/${account.id}`, cookie, form({ intent: "add-note", body: "member wrote this" })), params: { accountId: account.id }, context }),
      );
    expect(((await post()) as Response).status).toBe(302);
    expect(((await post(cookies.member)) as Response).status).toBe(403);
    expect(await db.accountNote.count()).toBe(before);
  });

  it("open every account to any CS person or admin, not only the owner", async () => {
    for (const who of ["cs", "admin"] as const) {
      for (const url of urls()) {
        const result = await outcome(() => url.run(request(url.path, cookies[who])));
        if (result instanceof Response) expect(result.status, `${who} ${url.name}`).toBe(200);
        else expect(result, `${who} ${url.name}`).toBeTypeOf("object");
      }
    }
    const page = (await accountPage.loader({ request: request(`/workspace/accounts/${account.id}`, cookies.cs), params: { accountId: account.id }, context })) as {
      notes: Array<{ bodyHtml: string }>;
    };
    expect(page.notes.map((n) => n.bodyHtml).join()).toContain("機密メモ");
  });

  it("let a CS person who does not own the account add a note", async () => {
    const response = await outcome(() =>
      accountPage.action({ request: request(`/workspace/accounts/${account.id}`, cookies.cs, form({ intent: "add-note", body: "Called **Kenji**." })), params: { accountId: account.id }, context }),
    );
    expect((response as Response).status).toBe(302);
    const note = await db.accountNote.findFirst({ where: { body: "Called **Kenji**." } });
    expect(note?.bodyHtml).toContain("<strong>Kenji</strong>");
  });

  it("reject an empty note with 400 and an unknown intent with 400", async () => {
    const empty = await outcome(() =>
      accountPage.action({ request: request(`/workspace/accounts/${account.id}`, cookies.cs, form({ intent: "add-note", body: "   " })), params: { accountId: account.id }, context }),
    );
    expect((empty as { init: { status: number } }).init.status).toBe(400);
    const unknown = await outcome(() =>
      accountPage.action({ request: request(`/workspace/accounts/${account.id}`, cookies.cs, form({ intent: "drop" })), params: { accountId: account.id }, context }),
    );
    expect((unknown as Response).status).toBe(400);
  });

  it("answer 404 for an account or member that does not exist, and for staff on the member page", async () => {
    const missing = await outcome(() => accountPage.loader({ request: request("/workspace/accounts/nope", cookies.cs), params: { accountId: "nope" }, context }));
    expect((missing as Response).status).toBe(404);
    const adminId = (await db.user.findFirstOrThrow({ where: { role: "admin" } })).id;
    const staffPage = await outcome(() => memberPage.loader({ request: request(`/workspace/members/${adminId}`, cookies.cs), params: { userId: adminId }, context }));
    expect((staffPage as Response).status).toBe(404);
  });
});

describe("staff notes", () => {
  it("cannot be written or read by a member, even through the domain functions", async () => {
    const asMember = { id: member.id, role: "member" };
    expect(((await outcome(() => addAccountNote(asMember, account.id, "x"))) as Response).status).toBe(403);
    expect(((await outcome(() => listAccountNotes(asMember, account.id))) as Response).status).toBe(403);
  });

  it("render sanitised markdown", async () => {
    const staff = { id: (await db.user.findFirstOrThrow({ where: { role: "admin" } })).id, role: "admin" };
    await addAccountNote(staff, account.id, "<script>alert(1)</script>[x](javascript:alert(1)) ok");
    const note = await db.accountNote.findFirst({ where: { body: { contains: "<script>" } } });
    expect(note?.bodyHtml).not.toContain("<script");
    expect(note?.bodyHtml).not.toContain("javascript:");
  });

  it("never appear in what member-facing pages load", async () => {
    const memberRequest = (pathname: string) => request(pathname, cookies.member);
    const loaded = [
      await home.loader({ request: memberRequest("/"), params: {}, context }),
      await learnMe.loader({ request: memberRequest("/learn/me"), params: {}, context }),
    ];
    for (const data of loaded) expect(JSON.stringify(data)).not.toContain("機密メモ");
    expect(await recommendationRoute.loader()).toBeInstanceOf(Response);
  });

  it("are read only by workspace code", () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") && /workspace\/notes\.server/.test(fs.readFileSync(file, "utf8"))) {
          importers.push(path.relative("app", file));
        }
      }
    };
    walk(path.resolve("app"));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file, file).toMatch(/^(routes\/workspace\.|workspace\/)/);
    for (const file of importers.filter((f) => f.startsWith("routes/"))) {
      expect(fs.readFileSync(path.join("app", file), "utf8"), file).toContain("await requireWorkspaceStaff(request)");
    }
  });
});
