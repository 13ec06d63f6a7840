// The REST API end to end through Remix's request handler: tokens and scopes, batch ingestion
// with idempotency and per-item results, size and rate limits, usage, people and accounts.
import { apiClient, tokenWith } from "../../tests/api-client";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { ingestEvents, MAX_EVENTS_PER_BATCH } from "./events.server";
import { API_MAX_BODY_BYTES } from "./handler.server";
import { createApiToken, revokeApiToken } from "./tokens.server";
import { hashToken } from "~/auth/tokens.server";
import { TEST_CONTENT } from "../../tests/scoring-factories";
import { recomputeAccounts } from "~/scoring/recompute.server";
import { dayKey, daysBefore, startOfUtcDay } from "~/scoring/time";

let api: Awaited<ReturnType<typeof apiClient>>;
let account: { id: string };
let member: { id: string; email: string };

beforeAll(async () => {
  api = await apiClient();
  account = await upsertAccount({ name: "株式会社さくらコマース", domains: ["sakura-api.example"], plan: "enterprise", lifecycleStage: "L05" });
  await db.accountExternalId.create({ data: { externalId: "crm-acc-1", accountId: account.id } });
  member = await upsertUser({ email: "haruka@sakura-api.example", name: "田中 春香", accountId: account.id });
  await db.personExternalId.create({ data: { externalId: "crm-person-1", userId: member.id } });
  // The address a merge left behind (app/imports/merge.server.ts) still names the person.
  await db.personEmailAlias.create({ data: { email: "haruka.old@sakura-api.example", userId: member.id } });
});

const event = (key: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  type: "product.login",
  occurredAt: "2026-11-30T09:00:00+09:00",
  person: { email: "haruka@sakura-api.example" },
  ...extra,
});

describe("tokens", () => {
  test("the plain token is returned once and only its SHA-256 is stored", async () => {
    const created = await createApiToken({ name: "CRM", scopes: ["accounts:read"], rateLimitPerMinute: 60 }, null);
    expect(created.token).toMatch(/^kzn_[A-Za-z0-9_-]{40,}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.prefix).toBe(created.token.slice(0, 12));
    expect(await db.auditEntry.count({ where: { targetId: created.id, action: "api_token.created" } })).toBe(1);
  });

  test("no token, a wrong token and a revoked token are all 401; use sets lastUsedAt", async () => {
    expect((await api.call("GET", "/accounts")).status).toBe(401);
    const wrong = await api.call("GET", "/accounts", { token: "kzn_not-a-real-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("unauthorized");
    expect(wrong.headers.get("WWW-Authenticate")).toContain("Bearer");

    const created = await createApiToken({ name: "to revoke", scopes: ["accounts:read"], rateLimitPerMinute: 60 }, null);
    expect((await api.call("GET", "/accounts", { token: created.token })).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    expect(await revokeApiToken(created.id, null)).toBe(true);
    expect(await revokeApiToken(created.id, null)).toBe(false);
    const after = await api.call("GET", "/accounts", { token: created.token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
  });

  test("each endpoint demands its own scope (403 insufficient_scope)", async () => {
    const usageOnly = await tokenWith(["usage:write"]);
    const denied = await api.call("POST", "/events", { token: usageOnly, body: { events: [event("scope-1")] } });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: "insufficient_scope", details: { required: "events:write", granted: ["usage:write"] } });
    expect(await db.engagementEvent.count({ where: { idempotencyKey: "api:scope-1" } })).toBe(0);
    expect((await api.call("GET", "/accounts", { token: usageOnly })).status).toBe(403);
    expect((await api.call("POST", "/people", { token: usageOnly, body: { people: [] } })).status).toBe(403);
    const ok = await api.call("POST", "/usage", { token: usageOnly, body: { usage: [{ account: { id: account.id }, day: "2026-11-01", activeUsers: 3 }] } });
    expect(ok.status).toBe(200);
  });
});

describe("POST /events", () => {
  test("a batch retried three times is counted once", async () => {
    const token = await tokenWith(["events:write"]);
    const batch = { events: Array.from({ length: 50 }, (_, i) => event(`retry-${i}`, { occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() })) };
    const first = await api.call("POST", "/events", { token, body: batch });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 50, duplicates: 0, rejected: 0 });
    for (let retry = 0; retry < 3; retry++) {
      const again = await api.call("POST", "/events", { token, body: batch });
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 50, rejected: 0 });
      expect(again.body.results.every((r: { status: string }) => r.status === "duplicate")).toBe(true);
    }
    expect(await db.engagementEvent.count({ where: { idempotencyKey: { startsWith: "api:retry-" } } })).toBe(50);
  });

  test("concurrent copies of one batch still store each event once", async () => {
    const token = await tokenWith(["events:write"]);
    const batch = { events: Array.from({ length: 20 }, (_, i) => event(`race-${i}`)) };
    const answers = await Promise.all([1, 2, 3].map(() => api.call("POST", "/events", { token, body: batch })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(20);
    expect(await db.engagementEvent.count({ where: { idempotencyKey: { startsWith: "api:race-" } } })).toBe(20);
  });

  test("while another transaction holds the write lock, a batch waits for it instead of failing or freezing", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.rateLimitBucket.create({ data: { key: `lock-holder-${Date.now()}`, count: 1, resetAt: new Date() } });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const ingesting = ingestEvents({ events: [event("locked-1"), event("locked-2")] });
    // The event loop keeps running while the batch waits: the holder can finish.
    setTimeout(release, 300);
    const [result] = await Promise.all([ingesting, holder]);
    expect(result).toMatchObject({ accepted: 2, rejected: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("a mixed batch answers per item, resolving people and accounts several ways", async () => {
    const token = await tokenWith(["events:write"]);
    const loner = await upsertUser({ email: uniqueEmail("freelance.example"), name: "無所属" });
    const body = {
      events: [
        event("mix-email"),
        event("mix-extperson", { person: { externalId: "crm-person-1" }, subject: { type: "feature", id: "lead-scoring" }, type: "product.feature_used" }),
        event("mix-domain", { person: undefined, account: { domain: "sakura-api.example" }, type: "seminar.attended", metadata: { title: "MA活用セミナー" } }),
        event("mix-extaccount", { person: undefined, account: { externalId: "crm-acc-1" } }),
        event("mix-unknown-person", { person: { email: "nobody@sakura-api.example" } }),
        event("mix-unknown-account", { person: undefined, account: { externalId: "crm-missing" } }),
        event("mix-type", { type: "qa.answered" }),
        { idempotencyKey: "mix-invalid", type: "product.login", occurredAt: "yesterday", person: { email: "haruka@sakura-api.example" } },
        event("mix-no-account", { person: { email: loner.email } }),
        event("mix-email"),
        { type: "product.login" },
        event("mix-future", { occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
        event("mix-both-refs", { person: { email: "haruka@sakura-api.example", externalId: "crm-person-1" } }),
        event("mix-alias", { person: { email: "haruka.old@sakura-api.example" } }),
        event("mix-account-id", { person: undefined, account: { id: account.id } }),
      ],
    };
    const answer = await api.call("POST", "/events", { token, body });
    expect(answer.status).toBe(200);
    const byIndex = answer.body.results.map((r: { status: string; reason?: string }) => [r.status, r.reason ?? null]);
    expect(byIndex).toEqual([
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["rejected", "unknown_person"],
      ["rejected", "unknown_account"],
      ["rejected", "unknown_type"],
      ["rejected", "invalid"],
      ["rejected", "no_account"],
      ["duplicate", null],
      ["rejected", "invalid"],
      ["rejected", "occurred_in_future"],
      ["rejected", "invalid"],
      ["accepted", null],
      ["accepted", null],
    ]);
    expect(answer.body).toMatchObject({ accepted: 6, duplicates: 1, rejected: 8 });
    expect(answer.body.results[7].message).toMatch(/^occurredAt:/);
    expect(answer.body.results[10].idempotencyKey).toBeNull();

    const stored = await db.engagementEvent.findMany({ where: { idempotencyKey: { startsWith: "api:mix-" } }, orderBy: { idempotencyKey: "asc" } });
    expect(stored.map((e) => e.idempotencyKey)).toEqual(["api:mix-account-id", "api:mix-alias", "api:mix-domain", "api:mix-email", "api:mix-extaccount", "api:mix-extperson"]);
    expect(stored.find((e) => e.idempotencyKey === "api:mix-alias")).toMatchObject({ actorId: member.id, accountId: account.id });
    expect(stored.find((e) => e.idempotencyKey === "api:mix-account-id")).toMatchObject({ actorId: null, accountId: account.id });
    const feature = stored.find((e) => e.idempotencyKey === "api:mix-extperson")!;
    expect(feature).toMatchObject({ actorId: member.id, accountId: account.id, subjectType: "feature", subjectId: "lead-scoring", source: "api", weight: 1 });
    const seminar = stored.find((e) => e.idempotencyKey === "api:mix-domain")!;
    expect(seminar).toMatchObject({ actorId: null, accountId: account.id, type: "seminar.attended", weight: 4 });
    expect(JSON.parse(seminar.metadata!)).toEqual({ title: "MA活用セミナー" });
    expect(stored.find((e) => e.idempotencyKey === "api:mix-email")!.occurredAt.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  test("more than 1,000 events, or a body over the byte limit, is 413 and stores nothing", async () => {
    const token = await tokenWith(["events:write"]);
    const tooMany = { events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, i) => event(`big-${i}`)) };
    const answer = await api.call("POST", "/events", { token, body: tooMany });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: "batch_too_large", details: { max: 1000, received: 1001 } });

    const padding = "x".repeat(API_MAX_BODY_BYTES);
    const huge = await api.call("POST", "/events", { token, body: { events: [event("huge", { metadata: { padding } })] } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    // A declared length over the limit is refused before the body is read at all.
    const declared = await api.call("POST", "/events", { token, rawBody: "{}", headers: { "Content-Length": String(API_MAX_BODY_BYTES + 1) } });
    expect(declared.status).toBe(413);
    expect(await db.engagementEvent.count({ where: { idempotencyKey: { startsWith: "api:big-" } } })).toBe(0);
    expect(await db.engagementEvent.count({ where: { idempotencyKey: "api:huge" } })).toBe(0);
  });

  test("malformed requests get 400/415/422 in the error format", async () => {
    const token = await tokenWith(["events:write"]);
    const notJson = await api.call("POST", "/events", { token, rawBody: "{events:" });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    const wrongType = await api.call("POST", "/events", { token, rawBody: "{}", headers: { "Content-Type": "text/plain" } });
    expect(wrongType).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    const noArray = await api.call("POST", "/events", { token, body: { event: [] } });
    expect(noArray.status).toBe(422);
    expect(noArray.body.error.code).toBe("validation_failed");
    expect(noArray.body.error.details.length).toBeGreaterThan(0);
    expect((await api.call("POST", "/events", { token, body: { events: [] } })).status).toBe(422);
    expect((await api.call("GET", "/events", { token })).status).toBe(405);
  });

  test("past its per-minute limit a token gets 429 with Retry-After; other tokens are unaffected", async () => {
    const token = await tokenWith(["events:write"], 3);
    for (let i = 0; i < 3; i++) expect((await api.call("POST", "/events", { token, body: { events: [event(`rl-${i}`)] } })).status).toBe(200);
    const limited = await api.call("POST", "/events", { token, body: { events: [event("rl-over")] } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await db.engagementEvent.count({ where: { idempotencyKey: "api:rl-over" } })).toBe(0);
    const other = await tokenWith(["events:write"], 3);
    expect((await api.call("POST", "/events", { token: other, body: { events: [event("rl-other")] } })).status).toBe(200);
  });
});

describe("POST /usage", () => {
  test("upserts one row per account and day; a re-sent day replaces the numbers", async () => {
    const token = await tokenWith(["usage:write"]);
    const first = await api.call("POST", "/usage", {
      token,
      body: {
        usage: [
          { account: { externalId: "crm-acc-1" }, day: "2026-11-20", activeUsers: 10, featureCounts: { scoring: 4 } },
          { account: { domain: "sakura-api.example" }, day: "2026-11-21", activeUsers: 12 },
          { account: { domain: "unknown.example" }, day: "2026-11-21", activeUsers: 1 },
          { account: { id: account.id }, day: "2026-02-30", activeUsers: 1 },
          { account: { id: account.id }, day: "2026-11-22", activeUsers: -1 },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ upserted: 2, rejected: 3 });
    expect(first.body.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual(["upserted", "upserted", "unknown_account", "invalid", "invalid"]);

    await api.call("POST", "/usage", { token, body: { usage: [{ account: { id: account.id }, day: "2026-11-20", activeUsers: 15, featureCounts: { scoring: 9, email: 2 } }] } });
    const rows = await db.accountUsageDay.findMany({ where: { accountId: account.id, day: { gte: new Date("2026-11-20"), lte: new Date("2026-11-21") } }, orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.activeUsers, JSON.parse(r.featureCounts), r.source])).toEqual([
      ["2026-11-20", 15, { scoring: 9, email: 2 }, "api"],
      ["2026-11-21", 12, {}, "api"],
    ]);
  });
});

describe("people", () => {
  test("POST /people creates and updates by email, matches the account by domain, refuses staff", async () => {
    const token = await tokenWith(["people:write"]);
    await upsertUser({ email: "staff.person@kizuna.example", name: "スタッフ", role: "cs" });
    const answer = await api.call("POST", "/people", {
      token,
      body: {
        people: [
          { email: "New.Person@Sakura-API.example", name: "新規 太郎", persona: "executive", title: "代表取締役", externalId: "crm-person-new" },
          { email: "haruka@sakura-api.example", persona: "manager" },
          { email: "staff.person@kizuna.example", name: "x" },
          { email: "noname@sakura-api.example" },
          { email: "x@sakura-api.example", name: "X", account: { externalId: "nope" } },
          { email: "dup@sakura-api.example", name: "Dup", externalId: "crm-person-1" },
          { email: "not-an-email" },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual([
      "created",
      "updated",
      "staff_person",
      "invalid",
      "unknown_account",
      "external_id_taken",
      "invalid",
    ]);
    const created = await db.user.findUniqueOrThrow({ where: { email: "new.person@sakura-api.example" }, include: { externalIds: true } });
    expect(created).toMatchObject({ role: "member", accountId: account.id, persona: "executive", title: "代表取締役" });
    expect(created.externalIds.map((e) => e.externalId)).toEqual(["crm-person-new"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).persona).toBe("manager");
    expect(await db.user.count({ where: { email: { in: ["noname@sakura-api.example", "x@sakura-api.example", "dup@sakura-api.example"] } } })).toBe(0);
  });

  test("the same person twice in one batch is created, then updated", async () => {
    const token = await tokenWith(["people:write"]);
    const answer = await api.call("POST", "/people", {
      token,
      body: { people: [{ email: "twice@sakura-api.example", name: "二回 登場", externalId: "crm-twice" }, { email: "twice@sakura-api.example", title: "部長", externalId: "crm-twice" }] },
    });
    expect(answer.body.results.map((r: { status: string }) => r.status)).toEqual(["created", "updated"]);
    expect(await db.user.findUniqueOrThrow({ where: { email: "twice@sakura-api.example" } })).toMatchObject({ name: "二回 登場", title: "部長" });
    expect(await db.personExternalId.count({ where: { externalId: "crm-twice" } })).toBe(1);
  });

  test("PUT /people/{email}: 201 then 200, 409 for a conflict, 422 for bad fields", async () => {
    const token = await tokenWith(["people:write"]);
    const email = "put.person@sakura-api.example";
    const created = await api.call("PUT", `/people/${encodeURIComponent(email)}`, { token, body: { name: "佐藤 美和", persona: "executive" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, name: "佐藤 美和", persona: "executive", accountId: account.id, externalIds: [] });
    const updated = await api.call("PUT", `/people/${encodeURIComponent(email)}`, { token, body: { title: "CEO", account: null } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: "CEO", accountId: null, name: "佐藤 美和" });
    const conflict = await api.call("PUT", `/people/${encodeURIComponent(email)}`, { token, body: { externalId: "crm-person-1" } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: "conflict", details: { reason: "external_id_taken" } });
    expect((await api.call("PUT", `/people/${encodeURIComponent(email)}`, { token, body: { persona: "ceo" } })).status).toBe(422);
    expect((await api.call("PUT", "/people/not-an-email", { token, body: {} })).status).toBe(422);
  });
});

describe("accounts", () => {
  test("lists with filters and cursor pagination; one account in detail; unknown is 404", async () => {
    const token = await tokenWith(["accounts:read"]);
    const owner = await upsertUser({ email: "owner.api@kizuna.example", name: "担当 花子", role: "cs" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await upsertAccount({ name: `フィルタ商事${i}`, domains: [`filter-${i}.example`], plan: i % 2 ? "starter" : "growth", lifecycleStage: "L03", renewalDate: new Date(Date.UTC(2027, i, 1)), ownerId: i < 3 ? owner.id : null });
      ids.push(created.id);
    }
    const stage = await api.call("GET", "/accounts?stage=L03&limit=2", { token });
    expect(stage.status).toBe(200);
    expect(stage.body.data).toHaveLength(2);
    const second = await api.call("GET", `/accounts?stage=L03&limit=2&cursor=${stage.body.nextCursor}`, { token });
    const third = await api.call("GET", `/accounts?stage=L03&limit=2&cursor=${second.body.nextCursor}`, { token });
    expect(third.body.nextCursor).toBeNull();
    expect([...stage.body.data, ...second.body.data, ...third.body.data].map((a: { id: string }) => a.id).sort()).toEqual([...ids].sort());

    const starters = await api.call("GET", "/accounts?stage=L03&plan=starter", { token });
    expect(starters.body.data.map((a: { name: string }) => a.name).sort()).toEqual(["フィルタ商事1", "フィルタ商事3"]);
    const owned = await api.call("GET", `/accounts?stage=L03&owner=${encodeURIComponent("owner.api@kizuna.example")}&renewalBefore=2027-02-15`, { token });
    expect(owned.body.data.map((a: { name: string }) => a.name).sort()).toEqual(["フィルタ商事0", "フィルタ商事1"]);
    expect(owned.body.data[0].owner).toEqual({ id: owner.id, name: "担当 花子", email: "owner.api@kizuna.example" });
    const unowned = await api.call("GET", "/accounts?stage=L03&owner=none", { token });
    expect(unowned.body.data).toHaveLength(2);
    const byExternal = await api.call("GET", "/accounts?externalId=crm-acc-1", { token });
    expect(byExternal.body.data.map((a: { id: string }) => a.id)).toEqual([account.id]);
    expect((await api.call("GET", "/accounts?limit=500", { token })).status).toBe(422);
    expect((await api.call("GET", "/accounts?renewalBefore=soon", { token })).status).toBe(422);

    await db.engagementEvent.create({ data: { type: "product.login", actorId: member.id, accountId: account.id, subjectType: "product", subjectId: "x", idempotencyKey: "acc-facts-1", occurredAt: new Date() } });
    const detail = await api.call("GET", `/accounts/${account.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: account.id,
      name: "株式会社さくらコマース",
      plan: "enterprise",
      lifecycleStage: "L05",
      externalIds: ["crm-acc-1"],
      domains: ["sakura-api.example"],
    });
    expect(detail.body.members.active30d).toBeGreaterThanOrEqual(1);
    expect(detail.body.lastActivityAt).not.toBeNull();
    expect(detail.body.membersByPersona.manager + detail.body.membersByPersona.practitioner + detail.body.membersByPersona.executive).toBe(detail.body.members.total);

    const missing = await api.call("GET", "/accounts/does-not-exist", { token });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await api.call("GET", "/nothing-here", { token })).status).toBe(404);
  });
});

describe("accounts: health", () => {
  const today = startOfUtcDay(new Date());
  async function snapshot(accountId: string, daysAgo: number, overall: number, band: "green" | "yellow" | "red") {
    const day = daysBefore(today, daysAgo);
    await db.healthSnapshot.create({
      data: { accountId, day, overall, band, adoption: overall, enablement: overall, community: overall, relationship: overall, momentum: overall, weights: "{}", segment: "default", facts: "{}", modelVersion: 1, computedAt: day },
    });
  }

  test("each account carries its stored score, band, 7- and 30-day change, trend and open alerts; never scored is null", async () => {
    const token = await tokenWith(["accounts:read"]);
    const rising = await upsertAccount({ name: "上昇商事", domains: ["rising-health.example"], lifecycleStage: "L06" });
    await snapshot(rising.id, 31, 40, "red");
    await snapshot(rising.id, 7, 60, "yellow");
    await snapshot(rising.id, 0, 75, "green");
    const flat = await upsertAccount({ name: "横ばい工業", domains: ["flat-health.example"], lifecycleStage: "L06" });
    await snapshot(flat.id, 31, 50, "yellow");
    await snapshot(flat.id, 1, 52, "yellow");
    await db.healthAlert.create({ data: { accountId: flat.id, rule: "no_activity", conditionKey: `no_activity:${flat.id}`, openKey: `no_activity:${flat.id}`, severity: "medium", evidence: "{}", nextAction: "{}" } });
    const unscored = await upsertAccount({ name: "未評価商店", domains: ["unscored-health.example"], lifecycleStage: "L06" });
    // Older than the 90 days a score stays current: reads as not scored.
    await snapshot(unscored.id, 120, 90, "green");

    const list = await api.call("GET", "/accounts?stage=L06", { token });
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.data.map((a: { name: string; health: unknown }) => [a.name, a.health]));
    expect(byName["上昇商事"]).toEqual({ score: 75, band: "green", scoredOn: dayKey(today), change7: 15, change30: 35, trend: "up", openAlerts: 0 });
    expect(byName["横ばい工業"]).toEqual({ score: 52, band: "yellow", scoredOn: dayKey(daysBefore(today, 1)), change7: null, change30: 2, trend: "flat", openAlerts: 1 });
    expect(byName["未評価商店"]).toEqual({ score: null, band: null, scoredOn: null, change7: null, change30: null, trend: null, openAlerts: 0 });
    expect(list.body.data[0].lifecycleStage).toBe("L06");
    expect(list.body.data[0].lifecycleStageName).toEqual(expect.any(String));
  });

  test("?band= filters on the latest band, pages with the cursor and combines with other filters; none means never scored", async () => {
    const token = await tokenWith(["accounts:read"]);
    const reds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const account = await upsertAccount({ name: `赤字${i}`, domains: [`band-red-${i}.example`], lifecycleStage: "L08", plan: i < 2 ? "starter" : "growth" });
      await snapshot(account.id, 3, 80, "green");
      await snapshot(account.id, 0, 30, "red");
      reds.push(account.id);
    }
    // Red once, green now: not red.
    const recovered = await upsertAccount({ name: "回復", domains: ["band-recovered.example"], lifecycleStage: "L08" });
    await snapshot(recovered.id, 2, 20, "red");
    await snapshot(recovered.id, 0, 80, "green");
    const never = await upsertAccount({ name: "未評価", domains: ["band-never.example"], lifecycleStage: "L08" });

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const answer = await api.call("GET", `/accounts?band=red&stage=L08&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token });
      expect(answer.status).toBe(200);
      expect(answer.body.data.length).toBeLessThanOrEqual(2);
      for (const account of answer.body.data) expect(account.health.band).toBe("red");
      seen.push(...answer.body.data.map((a: { id: string }) => a.id));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...reds].sort());
    const starters = await api.call("GET", "/accounts?band=red&stage=L08&plan=starter", { token });
    expect(starters.body.data.map((a: { name: string }) => a.name).sort()).toEqual(["赤字0", "赤字1"]);
    const green = await api.call("GET", "/accounts?band=green&stage=L08", { token });
    expect(green.body.data.map((a: { id: string }) => a.id)).toEqual([recovered.id]);
    const none = await api.call("GET", "/accounts?band=none&stage=L08", { token });
    expect(none.body.data.map((a: { id: string }) => a.id)).toEqual([never.id]);
  });

  test("a bad band is 422 in the error format; a token without accounts:read is 403 and sees no health", async () => {
    const token = await tokenWith(["accounts:read"]);
    const bad = await api.call("GET", "/accounts?band=purple", { token });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", details: [{ path: "band", message: expect.stringContaining("green") }] });
    const others = await tokenWith(["events:write", "usage:write", "people:write"]);
    for (const path of ["/accounts?band=red", `/accounts/${account.id}`]) {
      const denied = await api.call("GET", path, { token: others });
      expect(denied.status).toBe(403);
      expect(denied.body).toEqual({ error: { code: "insufficient_scope", message: expect.any(String), details: { required: "accounts:read", granted: ["events:write", "usage:write", "people:write"] } } });
    }
    // The API takes tokens only: a signed-in member's session cookie is no key to it.
    const member = await api.call("GET", "/accounts", { headers: { Cookie: "kizuna_session=member-session" } });
    expect(member.status).toBe(401);
  });

  test("one account explains its score: components with weights, points and facts in English, and what changed", async () => {
    const token = await tokenWith(["accounts:read"]);
    const explained = await upsertAccount({ name: "説明株式会社", domains: ["explained-health.example"], seatsLicensed: 10 });
    const person = await upsertUser({ email: "user@explained-health.example", name: "利用 者", accountId: explained.id });
    await db.engagementEvent.create({ data: { type: "qa.answered", actorId: person.id, accountId: explained.id, subjectType: "q", subjectId: "1", weight: 4, idempotencyKey: "explained-1", occurredAt: daysBefore(new Date(), 2) } });
    await recomputeAccounts([explained.id], { content: TEST_CONTENT, sideEffects: false });
    const stored = await db.healthSnapshot.findFirstOrThrow({ where: { accountId: explained.id } });

    const detail = await api.call("GET", `/accounts/${explained.id}`, { token });
    expect(detail.status).toBe(200);
    const { health } = detail.body;
    expect(health).toMatchObject({ score: stored.overall, band: stored.band, scoredOn: dayKey(today), modelVersion: stored.modelVersion, segment: stored.segment, whatChanged: [] });
    expect(health.components.map((c: { key: string }) => c.key)).toEqual(["adoption", "enablement", "community", "relationship", "momentum"]);
    const relationship = health.components.find((c: { key: string }) => c.key === "relationship");
    expect(relationship.score).toBe(stored.relationship);
    const engaged = relationship.facts.find((f: { key: string }) => f.key === "scoring.fact.engaged");
    expect(engaged).toMatchObject({ params: { engaged: 1 }, text: expect.stringMatching(/^1 people engaged in the last 90 days/) });
    const points = health.components.reduce((sum: number, c: { points: number }) => sum + c.points, 0);
    expect(Math.abs(points - stored.overall)).toBeLessThanOrEqual(1);
    // The list says the same as the detail.
    const listed = await api.call("GET", `/accounts?domain=explained-health.example`, { token });
    const { modelVersion: _m, segment: _s, components: _c, whatChanged: _w, ...summary } = health;
    expect(listed.body.data[0].health).toEqual(summary);
  });
});
