// The OpenAPI document is valid in structure, and the API keeps its word: every documented
// operation is called through Remix's request handler for every response it documents, and
// each answer must match the documented status and schema.
import { apiClient, tokenWith, type ApiAnswer } from "../../tests/api-client";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { resolveRef, unknownKeywords, validate, type Schema } from "../../tests/json-schema";
import { TEST_CONTENT } from "../../tests/scoring-factories";
import { db } from "~/db.server";
import { recomputeAccounts } from "~/scoring/recompute.server";
import { daysBefore, startOfUtcDay } from "~/scoring/time";
import { API_MAX_BODY_BYTES } from "./handler.server";
import { openApiDocument } from "./openapi";
import { API_SCOPES, type ApiScope } from "./scopes";

type Operation = {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }>;
};

const doc = JSON.parse(JSON.stringify(openApiDocument)) as {
  openapi: string;
  info: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};
const METHODS = new Set(["get", "put", "post", "delete", "patch"]);
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

/** Walks every object in the document and returns each $ref found. */
function allRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

function responseOf(op: Operation, status: string) {
  const entry = op.responses[status]!;
  return (entry.$ref ? resolveRef(doc, entry.$ref) : entry) as { content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> };
}

describe("the OpenAPI document", () => {
  test("is a structurally valid OpenAPI 3.1 document", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe("string");
    expect(typeof doc.info.version).toBe("string");
    const ids = new Set<string>();
    for (const { path, method, op } of operations) {
      expect(path.startsWith("/"), path).toBe(true);
      expect(METHODS.has(method), `${method} ${path}`).toBe(true);
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-zA-Z]+$/);
      expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      const statuses = Object.keys(op.responses);
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect(status, `${op.operationId} ${status}`).toMatch(/^[1-5]\d\d$/);
      expect(statuses.some((s) => s.startsWith("2")), `${op.operationId} has a success response`).toBe(true);
      // Every {param} in the path is declared as a required path parameter, and nothing more.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort()).toEqual([...inPath].sort());
      for (const p of declared) expect(p.required).toBe(true);
      for (const p of op.parameters ?? []) {
        expect(["query", "path", "header"]).toContain(p.in);
        expect(unknownKeywords(p.schema)).toEqual([]);
      }
      for (const requirement of op.security ?? doc.security ?? []) {
        for (const [scheme, scopes] of Object.entries(requirement)) {
          expect(doc.components.securitySchemes![scheme], scheme).toBeDefined();
          for (const scope of scopes) expect(API_SCOPES).toContain(scope);
        }
      }
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        expect(unknownKeywords(media.schema)).toEqual([]);
        // Request examples are themselves valid against their schema.
        if (media.example !== undefined) expect(validate(media.example, media.schema as Schema, doc)).toEqual([]);
      }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas!)) expect(unknownKeywords(schema, name)).toEqual([]);
    for (const ref of allRefs(doc)) expect(resolveRef(doc, ref), ref).toBeDefined();
  });
});

describe("every documented route answers with the documented shape", () => {
  let api: Awaited<ReturnType<typeof apiClient>>;
  let accountId: string;

  beforeAll(async () => {
    api = await apiClient();
    // The data the document's own examples refer to.
    const account = await upsertAccount({ name: "株式会社さくらコマース", domains: ["sakura-commerce.example"] });
    accountId = account.id;
    await db.accountExternalId.create({ data: { externalId: "crm-account-0001", accountId } });
    await upsertUser({ email: "haruka.tanaka@sakura-commerce.example", name: "田中 春香", accountId });
    const other = await upsertUser({ email: "ren.kobayashi@sakura-commerce.example", name: "小林 蓮", accountId });
    await db.personExternalId.create({ data: { externalId: "crm-contact-1001", userId: other.id } });
    await upsertUser({ email: "misaki.sato@kizuna.example", name: "佐藤 美咲", role: "cs" });
    // A scored account (today's snapshot with its facts, and one from 30 days before), so the
    // health fields are checked with values and not only as nulls; the other accounts stay unscored.
    const now = new Date();
    await db.healthSnapshot.create({
      data: { accountId, day: daysBefore(startOfUtcDay(now), 30), overall: 71, band: "green", adoption: 80, enablement: 60, community: 50, relationship: 70, momentum: 50, weights: "{}", segment: "default", facts: "{}", modelVersion: 1, computedAt: daysBefore(now, 30) },
    });
    await recomputeAccounts([accountId], { now, content: TEST_CONTENT, sideEffects: false });
    await upsertAccount({ name: "未評価株式会社", domains: ["unscored.example"] });
  });

  function concretePath(path: string, overrides: Record<string, string> = {}) {
    const values: Record<string, string> = { accountId, email: "new.person@sakura-commerce.example", ...overrides };
    return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
  }

  function expectShape(op: Operation, status: string, answer: ApiAnswer) {
    expect(answer.status, `${op.operationId}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(Number(status));
    const documented = responseOf(op, status);
    const schema = documented.content?.["application/json"]?.schema;
    expect(schema, `${op.operationId} ${status} documents a JSON body`).toBeDefined();
    expect(answer.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(validate(answer.body, schema as Schema, doc), `${op.operationId} ${status}`).toEqual([]);
    for (const header of Object.keys(documented.headers ?? {})) expect(answer.headers.get(header), `${op.operationId} ${status} ${header}`).not.toBeNull();
  }

  /** How to provoke each documented status for one operation. */
  async function provoke(path: string, method: string, op: Operation, status: string): Promise<ApiAnswer> {
    const scope = op.security?.[0] ? Object.values(op.security[0])[0]?.[0] : undefined;
    const token = scope ? await tokenWith([scope as ApiScope]) : undefined;
    const example = op.requestBody?.content["application/json"]?.example;
    const verb = method.toUpperCase();
    switch (status) {
      case "200":
      case "201": {
        if (op.operationId === "putPerson") {
          const email = status === "201" ? "brand.new@sakura-commerce.example" : "haruka.tanaka@sakura-commerce.example";
          return api.call(verb, concretePath(path, { email }), { token, body: example });
        }
        return api.call(verb, concretePath(path), { token, body: example });
      }
      case "400":
        return api.call(verb, concretePath(path), { token, rawBody: "{ not json" });
      case "401":
        return api.call(verb, concretePath(path), { body: example });
      case "403": {
        const other = API_SCOPES.filter((s) => s !== scope);
        return api.call(verb, concretePath(path), { token: await tokenWith(other), body: example });
      }
      case "404":
        return api.call(verb, concretePath(path, { accountId: "no-such-account" }), { token });
      case "409":
        return api.call(verb, concretePath(path, { email: "misaki.sato@kizuna.example" }), { token, body: { title: "x" } });
      case "413":
        return api.call(verb, concretePath(path), { token, rawBody: `{"x":"${"a".repeat(API_MAX_BODY_BYTES)}"}` });
      case "415":
        return api.call(verb, concretePath(path), { token, rawBody: "{}", headers: { "Content-Type": "text/csv" } });
      case "422":
        return op.requestBody ? api.call(verb, concretePath(path), { token, body: { unexpected: true } }) : api.call(verb, `${concretePath(path)}?limit=0`, { token });
      case "429": {
        const limited = await tokenWith([scope as ApiScope], 1);
        await api.call(verb, concretePath(path), { token: limited, body: example });
        return api.call(verb, concretePath(path), { token: limited, body: example });
      }
      default:
        throw new Error(`the test does not know how to provoke ${status} for ${op.operationId}; add it`);
    }
  }

  for (const { path, method, op } of operations) {
    for (const status of Object.keys(op.responses)) {
      test(`${method.toUpperCase()} ${path} → ${status}`, async () => {
        expectShape(op, status, await provoke(path, method, op, status));
      });
    }
  }

  test("the documented health fields are exercised with values and with nulls", async () => {
    const token = await tokenWith(["accounts:read"]);
    const list = await api.call("GET", "/accounts", { token });
    const listSchema = responseOf(doc.paths["/accounts"]!.get!, "200").content!["application/json"]!.schema as Schema;
    expect(validate(list.body, listSchema, doc)).toEqual([]);
    const scored = list.body.data.find((a: { id: string }) => a.id === accountId);
    expect(scored.health).toMatchObject({ score: expect.any(Number), band: expect.stringMatching(/^(green|yellow|red)$/), scoredOn: expect.any(String), change30: expect.any(Number), trend: expect.stringMatching(/^(up|flat|down)$/) });
    expect(list.body.data.find((a: { name: string }) => a.name === "未評価株式会社").health).toMatchObject({ score: null, band: null, trend: null });
    const detail = await api.call("GET", `/accounts/${accountId}`, { token });
    expect(detail.body.health.components).toHaveLength(5);
    expect(detail.body.health.components.some((c: { facts: unknown[] }) => c.facts.length > 0)).toBe(true);
    const red = await api.call("GET", "/accounts?band=red", { token });
    expect(validate(red.body, listSchema, doc)).toEqual([]);
  });

  test("the example batches are accepted item by item", async () => {
    const token = await tokenWith(["events:write"]);
    const events = await api.call("POST", "/events", { token, body: doc.paths["/events"]!.post!.requestBody!.content["application/json"]!.example });
    expect(events.body.results.map((r: { status: string }) => r.status)).not.toContain("rejected");
  });
});

describe("the shape check itself", () => {
  test("catches missing, extra and mistyped properties, and bad oneOf branches", () => {
    const account = { $ref: "#/components/schemas/AccountList" };
    expect(validate({ data: [], nextCursor: null }, account, doc)).toEqual([]);
    expect(validate({ data: [] }, account, doc)).toEqual(['$: missing required property "nextCursor"']);
    expect(validate({ data: [], nextCursor: 3 }, account, doc)).toEqual(["$.nextCursor: expected string | null, got integer"]);
    expect(validate({ data: [], nextCursor: null, extra: 1 }, account, doc)).toEqual(['$: unexpected property "extra"']);
    expect(validate({ error: { code: "nope", message: "m" } }, { $ref: "#/components/schemas/Error" }, doc)).toHaveLength(1);
    expect(validate({ domain: "a.example", id: "x" }, { $ref: "#/components/schemas/AccountRef" }, doc)).toEqual(["$: more than 1 properties"]);
    expect(unknownKeywords({ type: "strng", nullable: true })).toEqual(['$: unknown keyword "nullable"', '$: unknown type "strng"']);
  });
});
