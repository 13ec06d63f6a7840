// The integration admin pages through their loaders and actions: members and CS staff are
// refused (403), admins create a token that is shown once, upload an import and read its report,
// and merge two people from the review page.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia } from "~/auth/lucia.server";
import { hashToken } from "~/auth/tokens.server";
import { db } from "~/db.server";
import * as tokensRoute from "~/routes/admin.api-tokens";
import * as importJobRoute from "~/routes/admin.imports.$jobId";
import * as importsRoute from "~/routes/admin.imports._index";
import * as mergeReviewRoute from "~/routes/admin.merge.$kind";
import * as mergeRoute from "~/routes/admin.merge._index";
import * as webhookRoute from "~/routes/admin.webhooks.$endpointId";
import * as webhooksRoute from "~/routes/admin.webhooks._index";

type Who = { id: string } | null;
type Answer = { status: number; location: string | null; body: unknown };

async function request(who: Who, href: string, body?: FormData | URLSearchParams) {
  const headers = new Headers();
  if (who) {
    const session = await lucia.createSession(who.id, {});
    headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
  }
  return new Request(`http://localhost${href}`, body ? { method: "POST", headers, body } : { headers });
}

async function call(run: (args: { request: Request; params: Record<string, string>; context: { clientIp: string } }) => Promise<unknown>, who: Who, href: string, params: Record<string, string> = {}, body?: FormData | URLSearchParams): Promise<Answer> {
  try {
    const result = await run({ request: await request(who, href, body), params, context: { clientIp: "127.0.0.1" } });
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
}

let admin: { id: string };
let cs: { id: string };
let member: { id: string };

beforeAll(async () => {
  const account = await upsertAccount({ name: "権限テスト株式会社", domains: ["routes-test.example"] });
  admin = await upsertUser({ email: uniqueEmail("kizuna.example"), name: "管理者", role: "admin" });
  cs = await upsertUser({ email: uniqueEmail("kizuna.example"), name: "CS", role: "cs" });
  member = await upsertUser({ email: uniqueEmail("routes-test.example"), name: "メンバー", accountId: account.id });
});

describe("only admins", () => {
  const pages: Array<[string, { loader?: (args: never) => unknown; action?: (args: never) => unknown }, string, Record<string, string>]> = [
    ["api tokens", tokensRoute, "/admin/api-tokens", {}],
    ["imports", importsRoute, "/admin/imports", {}],
    ["an import", importJobRoute, "/admin/imports/x", { jobId: "x" }],
    ["webhooks", webhooksRoute, "/admin/webhooks", {}],
    ["a webhook", webhookRoute, "/admin/webhooks/x", { endpointId: "x" }],
    ["duplicates", mergeRoute, "/admin/merge", {}],
    ["a merge", mergeReviewRoute, "/admin/merge/people", { kind: "people" }],
  ];
  for (const [name, route, href, params] of pages) {
    test(`${name}: members and CS staff get 403, visitors go to sign in`, async () => {
      for (const fn of [route.loader, route.action].filter(Boolean) as Array<(args: never) => Promise<unknown>>) {
        const run = fn as unknown as Parameters<typeof call>[0];
        const body = () => (fn === route.action ? new URLSearchParams({ intent: "x" }) : undefined);
        expect((await call(run, member, href, params, body())).status).toBe(403);
        expect((await call(run, cs, href, params, body())).status).toBe(403);
        expect((await call(run, null, href, params, body())).status).toBe(302);
      }
    });
  }
});

describe("as an admin", () => {
  test("a token is shown once in the response and stored only as a hash; revoking works", async () => {
    const form = new URLSearchParams({ intent: "create", name: "製品連携", rateLimitPerMinute: "120" });
    form.append("scopes", "events:write");
    form.append("scopes", "usage:write");
    const created = await call(tokensRoute.action as never, admin, "/admin/api-tokens", {}, form);
    const token = (created.body as { created: { token: string } }).created.token;
    expect(token).toMatch(/^kzn_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row).toMatchObject({ name: "製品連携", scopes: "events:write usage:write", rateLimitPerMinute: 120, createdById: admin.id });
    const page = await call(tokensRoute.loader as never, admin, "/admin/api-tokens");
    expect(JSON.stringify(page.body)).not.toContain(token);

    const none = new URLSearchParams({ intent: "create", name: "x", rateLimitPerMinute: "60" });
    expect((await call(tokensRoute.action as never, admin, "/admin/api-tokens", {}, none)).status).toBe(400);
    const revoked = await call(tokensRoute.action as never, admin, "/admin/api-tokens", {}, new URLSearchParams({ intent: "revoke", tokenId: row.id }));
    expect(revoked).toMatchObject({ status: 302, location: "/admin/api-tokens" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
  });

  test("an upload with a bad row shows its report; applying is refused and nothing changes", async () => {
    const form = new FormData();
    form.set("kind", "accounts");
    form.set("file", new File(["会社名,プラン\r\n良い会社,growth\r\n悪い会社,platinum\r\n"], "accounts.csv", { type: "text/csv" }));
    const uploaded = await call(importsRoute.action as never, admin, "/admin/imports", {}, form);
    expect(uploaded.status).toBe(302);
    const jobId = uploaded.location!.split("/").pop()!;
    const page = await call(importJobRoute.loader as never, admin, `/admin/imports/${jobId}`, { jobId });
    const job = (page.body as { job: { errorCount: number; problems: Array<{ line: number; code: string }> } }).job;
    expect(job.errorCount).toBe(1);
    expect(job.problems).toEqual([{ line: 3, column: "plan", code: "choice", params: { value: "platinum", choices: "starter, growth, enterprise" } }]);
    const apply = await call(importJobRoute.action as never, admin, `/admin/imports/${jobId}`, { jobId }, new URLSearchParams({ intent: "apply" }));
    expect(apply.status).toBe(422);
    expect(await db.account.count({ where: { name: { in: ["良い会社", "悪い会社"] } } })).toBe(0);

    const euc = new FormData();
    euc.set("kind", "people");
    euc.set("file", new File([new Uint8Array([0xa4, 0xa2, 0xa4, 0xa4, 0x0a, 0xff, 0xff])], "euc.csv"));
    const refused = await call(importsRoute.action as never, admin, "/admin/imports", {}, euc);
    expect(refused.status).toBe(422);
    expect((refused.body as { formError: string }).formError).toMatch(/UTF-8|Shift_JIS/);
  });

  test("the review page compares two people and merges them", async () => {
    const account = await upsertAccount({ name: "レビュー株式会社", domains: ["review-merge.example"] });
    const a = await upsertUser({ email: "sato@review-merge.example", name: "佐藤 一", accountId: account.id });
    const b = await upsertUser({ email: "h.sato@review-merge.example", name: "佐藤一", accountId: account.id });
    const review = await call(mergeReviewRoute.loader as never, admin, `/admin/merge/people?a=${encodeURIComponent(a.id)}&b=${encodeURIComponent("h.sato@review-merge.example")}`, { kind: "people" });
    expect(review.body).toMatchObject({ kind: "people", a: { id: a.id }, b: { id: b.id } });
    const merged = await call(mergeReviewRoute.action as never, admin, "/admin/merge/people", { kind: "people" }, new URLSearchParams({ keep: a.id, remove: b.id }));
    expect(merged).toMatchObject({ status: 302, location: "/admin/merge" });
    expect(await db.user.findUnique({ where: { id: b.id } })).toBeNull();
    const same = await call(mergeReviewRoute.action as never, admin, "/admin/merge/people", { kind: "people" }, new URLSearchParams({ keep: a.id, remove: a.id }));
    expect(same.status).toBe(422);
  });
});
