// The API's reference, served at /api/v1/openapi.json. Schemas here are the single description
// of each JSON shape; app/api/openapi.test.ts checks that every documented route answers with
// exactly these shapes.
import { LIFECYCLE_STAGE_CODES, PLANS } from "~/accounts/lifecycle";
import { API_EVENT_TYPES } from "~/engagement/events";
import { LOCALES } from "~/i18n/locales";
import { COMPONENTS, BANDS } from "~/scoring/model";
import { LEVELS, PERSONAS } from "~/users/roles";
import { BAND_FILTERS, TREND_DIRECTIONS, TREND_FLAT_POINTS } from "./accounts.server";
import { MAX_EVENTS_PER_BATCH } from "./events.server";
import { API_MAX_BODY_BYTES } from "./handler.server";
import { MAX_PEOPLE_PER_BATCH } from "./people.server";
import { API_SCOPES } from "./scopes";
import { MAX_USAGE_PER_BATCH } from "./usage.server";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], ...extra });
const json = (schema: unknown, example?: unknown) => ({ "application/json": { schema, ...(example === undefined ? {} : { example }) } });
const date = { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const dateTime = { type: "string", format: "date-time" };

const accountProperties = {
  id: { type: "string" },
  name: { type: "string" },
  plan: { type: "string", enum: [...PLANS] },
  seatsLicensed: { type: "integer", minimum: 0 },
  arr: { type: "integer", minimum: 0, description: "Annual recurring revenue in yen." },
  renewalDate: nullable("string", { format: "date" }),
  lifecycleStage: { type: "string", enum: [...LIFECYCLE_STAGE_CODES] },
  lifecycleStageName: nullable("string", { description: "The stage's English name as the admins defined it." }),
  health: ref("Health"),
  owner: { oneOf: [{ type: "null" }, ref("Staff")] },
  externalIds: { type: "array", items: { type: "string" } },
  domains: { type: "array", items: { type: "string" } },
  members: {
    type: "object",
    additionalProperties: false,
    required: ["total", "active30d"],
    properties: {
      total: { type: "integer", minimum: 0 },
      active30d: { type: "integer", minimum: 0, description: "People with at least one engagement event in the last 30 days." },
    },
  },
  lastActivityAt: nullable("string", { format: "date-time" }),
  latestUsage: {
    oneOf: [
      { type: "null" },
      { type: "object", additionalProperties: false, required: ["day", "activeUsers"], properties: { day: date, activeUsers: { type: "integer", minimum: 0 } } },
    ],
  },
  createdAt: dateTime,
  updatedAt: dateTime,
};

const healthProperties = {
  score: nullable("integer", { minimum: 0, maximum: 100, description: "The latest overall health score (0–100); null when the account has no score in the last 90 days." }),
  band: { type: ["string", "null"], enum: [...BANDS, null], description: "green, yellow or red; null when never scored (or not in the last 90 days)." },
  scoredOn: nullable("string", { format: "date", description: "The UTC day of the latest score." }),
  change7: nullable("integer", { description: "Points gained (or lost, negative) against the score 7 days before the latest." }),
  change30: nullable("integer", { description: "Points gained (or lost, negative) against the score 30 days before the latest." }),
  trend: {
    type: ["string", "null"],
    enum: [...TREND_DIRECTIONS, null],
    description: `The direction of change30 (change7 when there is no score 30 days back): a change under ${TREND_FLAT_POINTS} points either way is flat.`,
  },
  openAlerts: { type: "integer", minimum: 0, description: "Alerts CS staff have not resolved yet." },
};

const personFieldProperties = {
  name: { type: "string", minLength: 1, maxLength: 80, description: "Required when the person is new." },
  externalId: { type: "string", maxLength: 200 },
  account: { oneOf: [{ type: "null" }, ref("AccountRef")], description: "null takes the person off their account." },
  persona: { type: "string", enum: [...PERSONAS] },
  title: { type: "string", maxLength: 80 },
  level: { type: "string", enum: [...LEVELS] },
  locale: { type: "string", enum: [...LOCALES] },
};

const rateLimitedHeaders = { "Retry-After": { description: "Seconds until the token may call again.", schema: { type: "integer" } } };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Kizuna API",
    version: "1.0.0",
    description: [
      "Send engagement events and product usage into Kizuna, sync people from your CRM, and read customer accounts.",
      "",
      "Authenticate with an API token created by a Kizuna admin (Admin → API tokens): `Authorization: Bearer kzn_…`.",
      "Each endpoint needs one scope. Every error answers `{\"error\":{\"code\",\"message\",\"details\"}}`.",
      `Request bodies are limited to ${API_MAX_BODY_BYTES} bytes (413). Each token has its own rate limit per minute (429 with Retry-After).`,
    ].join("\n"),
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/events": {
      post: {
        operationId: "ingestEvents",
        summary: "Record engagement events in a batch",
        description: [
          `Up to ${MAX_EVENTS_PER_BATCH} events per request. Each event names a person (email or external id), an account (id, external id or domain) or both; without an account the person's account is used.`,
          "Every event carries your idempotency key: sending the same key again (a retried request) reports `duplicate` and counts nothing.",
          "The batch is answered item by item: `accepted`, `duplicate`, or `rejected` with a reason.",
        ].join(" "),
        security: [{ bearerAuth: ["events:write"] }],
        requestBody: {
          required: true,
          content: json(ref("EventBatch"), {
            events: [
              { idempotencyKey: "evt-2026-12-01-0001", type: "product.login", occurredAt: "2026-12-01T09:15:00+09:00", person: { email: "haruka.tanaka@sakura-commerce.example" } },
              { idempotencyKey: "evt-2026-12-01-0002", type: "product.feature_used", occurredAt: "2026-12-01T09:20:00+09:00", person: { externalId: "crm-contact-1001" }, subject: { type: "feature", id: "lead-scoring" } },
              { idempotencyKey: "evt-2026-12-01-0003", type: "seminar.attended", occurredAt: "2026-12-01T15:00:00+09:00", account: { domain: "sakura-commerce.example" }, metadata: { seminar: "MA活用セミナー" } },
            ],
          }),
        },
        responses: {
          "200": { description: "The batch was processed; see each item's result.", content: json(ref("EventBatchResult")) },
          "400": response("BadRequest"),
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "413": response("PayloadTooLarge"),
          "415": response("UnsupportedMediaType"),
          "422": response("ValidationFailed"),
          "429": response("RateLimited"),
        },
      },
    },
    "/usage": {
      post: {
        operationId: "ingestUsage",
        summary: "Upsert product usage per account per day",
        description: `Up to ${MAX_USAGE_PER_BATCH} rows per request. A day sent again replaces the earlier numbers for that account and day (UTC).`,
        security: [{ bearerAuth: ["usage:write"] }],
        requestBody: {
          required: true,
          content: json(ref("UsageBatch"), {
            usage: [
              { account: { externalId: "crm-account-0001" }, day: "2026-12-01", activeUsers: 14, featureCounts: { "lead-scoring": 32, "email-campaign": 5 } },
              { account: { domain: "sakura-commerce.example" }, day: "2026-11-30", activeUsers: 11 },
            ],
          }),
        },
        responses: {
          "200": { description: "Each row's result.", content: json(ref("UsageBatchResult")) },
          "400": response("BadRequest"),
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "413": response("PayloadTooLarge"),
          "415": response("UnsupportedMediaType"),
          "422": response("ValidationFailed"),
          "429": response("RateLimited"),
        },
      },
    },
    "/accounts": {
      get: {
        operationId: "listAccounts",
        summary: "List customer accounts with their health",
        description: "Ordered by id. Follow `nextCursor` (as `cursor`) until it is null. Each account carries its latest health score, band and trend as the daily scoring computed them.",
        security: [{ bearerAuth: ["accounts:read"] }],
        parameters: [
          { name: "plan", in: "query", schema: { type: "string", enum: [...PLANS] } },
          { name: "stage", in: "query", schema: { type: "string", enum: [...LIFECYCLE_STAGE_CODES] } },
          { name: "band", in: "query", description: "The latest health band; `none` for accounts without a score in the last 90 days.", schema: { type: "string", enum: [...BAND_FILTERS] } },
          { name: "owner", in: "query", description: "The CS owner's email or id; `none` for accounts without an owner.", schema: { type: "string" } },
          { name: "renewalBefore", in: "query", description: "Accounts renewing before this day.", schema: date },
          { name: "externalId", in: "query", schema: { type: "string" } },
          { name: "domain", in: "query", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "A page of accounts.", content: json(ref("AccountList")) },
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "422": response("ValidationFailed"),
          "429": response("RateLimited"),
        },
      },
    },
    "/accounts/{accountId}": {
      get: {
        operationId: "getAccount",
        summary: "One customer account in detail, with why its score is what it is",
        security: [{ bearerAuth: ["accounts:read"] }],
        parameters: [{ name: "accountId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The account.", content: json(ref("AccountDetail")) },
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "404": response("NotFound"),
          "429": response("RateLimited"),
        },
      },
    },
    "/people": {
      post: {
        operationId: "upsertPeople",
        summary: "Create or update people in a batch (CRM sync)",
        description: `Up to ${MAX_PEOPLE_PER_BATCH} people per request, matched by email. Fields left out keep their value; a new person needs a name and joins the account given, or else the account of their email domain.`,
        security: [{ bearerAuth: ["people:write"] }],
        requestBody: {
          required: true,
          content: json(ref("PeopleBatch"), {
            people: [
              { email: "kenji.yamada@sakura-commerce.example", name: "山田 健二", persona: "manager", title: "マーケティング部 部長", externalId: "crm-contact-1003" },
              { email: "haruka.tanaka@sakura-commerce.example", persona: "practitioner", account: { domain: "sakura-commerce.example" } },
            ],
          }),
        },
        responses: {
          "200": { description: "Each person's result.", content: json(ref("PeopleBatchResult")) },
          "400": response("BadRequest"),
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "413": response("PayloadTooLarge"),
          "415": response("UnsupportedMediaType"),
          "422": response("ValidationFailed"),
          "429": response("RateLimited"),
        },
      },
    },
    "/people/{email}": {
      put: {
        operationId: "putPerson",
        summary: "Create or update one person by email",
        security: [{ bearerAuth: ["people:write"] }],
        parameters: [{ name: "email", in: "path", required: true, schema: { type: "string", format: "email" } }],
        requestBody: {
          required: true,
          content: json(ref("PersonFields"), { name: "佐藤 美和", persona: "executive", title: "代表取締役", account: { domain: "sakura-commerce.example" } }),
        },
        responses: {
          "200": { description: "The person was updated.", content: json(ref("Person")) },
          "201": { description: "The person was created.", content: json(ref("Person")) },
          "400": response("BadRequest"),
          "401": response("Unauthorized"),
          "403": response("Forbidden"),
          "409": response("Conflict"),
          "413": response("PayloadTooLarge"),
          "415": response("UnsupportedMediaType"),
          "422": response("ValidationFailed"),
          "429": response("RateLimited"),
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        security: [],
        responses: { "200": { description: "The OpenAPI document.", content: json({ type: "object", required: ["openapi", "info", "paths"] }) } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: `An API token (kzn_…). Scopes: ${API_SCOPES.join(", ")}.`,
      },
    },
    responses: {
      BadRequest: { description: "The body is not valid JSON (code invalid_json).", content: json(ref("Error")) },
      Unauthorized: { description: "No token, an unknown token or a revoked token (code unauthorized).", content: json(ref("Error")) },
      Forbidden: { description: "The token lacks this endpoint's scope (code insufficient_scope).", content: json(ref("Error")) },
      NotFound: { description: "No such resource (code not_found).", content: json(ref("Error")) },
      Conflict: { description: "The change conflicts with existing data: a staff address, or an external id of another person (code conflict).", content: json(ref("Error")) },
      PayloadTooLarge: { description: "The body is over the byte limit (payload_too_large) or the batch has too many items (batch_too_large).", content: json(ref("Error")) },
      UnsupportedMediaType: { description: "The body is not sent as application/json (code unsupported_media_type).", content: json(ref("Error")) },
      ValidationFailed: { description: "The request is well-formed JSON but not valid (code validation_failed); `details` lists the fields.", content: json(ref("Error")) },
      RateLimited: { description: "Too many requests for this token (code rate_limited).", headers: rateLimitedHeaders, content: json(ref("Error")) },
    },
    schemas: {
      Error: {
        type: "object",
        additionalProperties: false,
        required: ["error"],
        properties: {
          error: {
            type: "object",
            additionalProperties: false,
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: ["invalid_json", "unauthorized", "insufficient_scope", "not_found", "method_not_allowed", "conflict", "payload_too_large", "batch_too_large", "unsupported_media_type", "validation_failed", "rate_limited", "internal_error"],
              },
              message: { type: "string" },
              details: {},
            },
          },
        },
      },
      AccountRef: {
        description: "Exactly one of id (Kizuna's), externalId or domain.",
        type: "object",
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
        properties: { id: { type: "string" }, externalId: { type: "string", maxLength: 200 }, domain: { type: "string", maxLength: 253 } },
      },
      PersonRef: {
        description: "Exactly one of email or externalId.",
        type: "object",
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
        properties: { email: { type: "string", format: "email" }, externalId: { type: "string", maxLength: 200 } },
      },
      Event: {
        type: "object",
        additionalProperties: false,
        required: ["idempotencyKey", "type", "occurredAt"],
        properties: {
          idempotencyKey: { type: "string", minLength: 1, maxLength: 200, description: "Your unique key for this event; repeats are reported as duplicate." },
          type: { type: "string", enum: [...API_EVENT_TYPES] },
          occurredAt: { type: "string", format: "date-time", description: "With a time zone offset, e.g. 2026-12-01T09:15:00+09:00." },
          person: ref("PersonRef"),
          account: ref("AccountRef"),
          subject: { type: "object", additionalProperties: false, required: ["type", "id"], properties: { type: { type: "string", maxLength: 50 }, id: { type: "string", maxLength: 200 } } },
          metadata: { type: "object", description: "Up to 4,000 characters as JSON." },
        },
      },
      EventBatch: {
        type: "object",
        additionalProperties: false,
        required: ["events"],
        properties: { events: { type: "array", minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, items: ref("Event") } },
      },
      EventResult: {
        type: "object",
        additionalProperties: false,
        required: ["index", "idempotencyKey", "status"],
        properties: {
          index: { type: "integer", minimum: 0 },
          idempotencyKey: nullable("string"),
          status: { type: "string", enum: ["accepted", "duplicate", "rejected"] },
          reason: { type: "string", enum: ["invalid", "unknown_type", "occurred_in_future", "metadata_too_large", "no_subject", "unknown_person", "unknown_account", "no_account"] },
          message: { type: "string" },
        },
      },
      EventBatchResult: {
        type: "object",
        additionalProperties: false,
        required: ["accepted", "duplicates", "rejected", "results"],
        properties: {
          accepted: { type: "integer", minimum: 0 },
          duplicates: { type: "integer", minimum: 0 },
          rejected: { type: "integer", minimum: 0 },
          results: { type: "array", items: ref("EventResult") },
        },
      },
      UsageRow: {
        type: "object",
        additionalProperties: false,
        required: ["account", "day", "activeUsers"],
        properties: {
          account: ref("AccountRef"),
          day: date,
          activeUsers: { type: "integer", minimum: 0 },
          featureCounts: { type: "object", additionalProperties: { type: "integer", minimum: 0 }, maxProperties: 100 },
        },
      },
      UsageBatch: {
        type: "object",
        additionalProperties: false,
        required: ["usage"],
        properties: { usage: { type: "array", minItems: 1, maxItems: MAX_USAGE_PER_BATCH, items: ref("UsageRow") } },
      },
      UsageBatchResult: {
        type: "object",
        additionalProperties: false,
        required: ["upserted", "rejected", "results"],
        properties: {
          upserted: { type: "integer", minimum: 0 },
          rejected: { type: "integer", minimum: 0 },
          results: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["index", "status"],
              properties: {
                index: { type: "integer", minimum: 0 },
                status: { type: "string", enum: ["upserted", "rejected"] },
                reason: { type: "string", enum: ["invalid", "unknown_account"] },
                message: { type: "string" },
              },
            },
          },
        },
      },
      Staff: {
        type: "object",
        additionalProperties: false,
        required: ["id", "name", "email"],
        properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string", format: "email" } },
      },
      Health: {
        type: "object",
        additionalProperties: false,
        required: Object.keys(healthProperties),
        properties: healthProperties,
      },
      HealthDetail: {
        type: "object",
        additionalProperties: false,
        required: [...Object.keys(healthProperties), "modelVersion", "segment", "components", "whatChanged"],
        properties: {
          ...healthProperties,
          modelVersion: nullable("integer", { description: "The health model version the score was computed with." }),
          segment: nullable("string", { description: "The weights used: `default`, or the stage or plan segment." }),
          components: {
            type: "array",
            description: "Why this score: each component's score, weight, the points it adds and the facts behind it. Empty when never scored.",
            items: ref("HealthComponent"),
          },
          whatChanged: {
            type: "array",
            description: "The headline numbers that moved since 30 days before (or 7, when there is no 30-day score).",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["key", "label", "before", "now"],
              properties: { key: { type: "string" }, label: { type: "string" }, before: { type: "number" }, now: { type: "number" } },
            },
          },
        },
      },
      HealthComponent: {
        type: "object",
        additionalProperties: false,
        required: ["key", "score", "weight", "effectiveWeight", "points", "change7", "change30", "facts"],
        properties: {
          key: { type: "string", enum: [...COMPONENTS] },
          score: nullable("integer", { minimum: 0, maximum: 100, description: "null when there was no data for it (its weight went to the others)." }),
          weight: { type: "number", minimum: 0, maximum: 100, description: "The configured weight in percent." },
          effectiveWeight: { type: "number", minimum: 0, maximum: 100, description: "The weight applied after components without data were left out." },
          points: { type: "number", minimum: 0, maximum: 100, description: "Points this component adds to the overall score." },
          change7: nullable("integer"),
          change30: nullable("integer"),
          facts: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["key", "params", "text"],
              properties: {
                key: { type: "string", description: "A stable message key, e.g. scoring.fact.seatUse." },
                params: { type: "object", additionalProperties: { type: ["string", "number"] } },
                text: { type: "string", description: "The fact in English." },
              },
            },
          },
        },
      },
      Account: {
        type: "object",
        additionalProperties: false,
        required: Object.keys(accountProperties),
        properties: accountProperties,
      },
      AccountDetail: {
        type: "object",
        additionalProperties: false,
        required: [...Object.keys(accountProperties), "membersByPersona", "recentUsage"],
        properties: {
          ...accountProperties,
          health: ref("HealthDetail"),
          membersByPersona: {
            type: "object",
            additionalProperties: false,
            required: [...PERSONAS],
            properties: Object.fromEntries(PERSONAS.map((p) => [p, { type: "integer", minimum: 0 }])),
          },
          recentUsage: {
            type: "array",
            description: "The last 30 days of product usage, oldest first.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["day", "activeUsers", "featureCounts"],
              properties: { day: date, activeUsers: { type: "integer", minimum: 0 }, featureCounts: { type: "object", additionalProperties: { type: "integer" } } },
            },
          },
        },
      },
      AccountList: {
        type: "object",
        additionalProperties: false,
        required: ["data", "nextCursor"],
        properties: { data: { type: "array", items: ref("Account") }, nextCursor: nullable("string") },
      },
      PersonFields: {
        type: "object",
        additionalProperties: false,
        properties: personFieldProperties,
      },
      PersonInput: {
        type: "object",
        additionalProperties: false,
        required: ["email"],
        properties: { email: { type: "string", format: "email" }, ...personFieldProperties },
      },
      PeopleBatch: {
        type: "object",
        additionalProperties: false,
        required: ["people"],
        properties: { people: { type: "array", minItems: 1, maxItems: MAX_PEOPLE_PER_BATCH, items: ref("PersonInput") } },
      },
      PeopleBatchResult: {
        type: "object",
        additionalProperties: false,
        required: ["created", "updated", "rejected", "results"],
        properties: {
          created: { type: "integer", minimum: 0 },
          updated: { type: "integer", minimum: 0 },
          rejected: { type: "integer", minimum: 0 },
          results: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["index", "email", "status"],
              properties: {
                index: { type: "integer", minimum: 0 },
                email: nullable("string"),
                status: { type: "string", enum: ["created", "updated", "rejected"] },
                id: { type: "string" },
                reason: { type: "string", enum: ["invalid", "unknown_account", "staff_person", "external_id_taken"] },
                message: { type: "string" },
              },
            },
          },
        },
      },
      Person: {
        type: "object",
        additionalProperties: false,
        required: ["id", "email", "name", "title", "persona", "level", "locale", "accountId", "externalIds"],
        properties: {
          id: { type: "string" },
          email: { type: "string", format: "email" },
          name: { type: "string" },
          title: { type: "string" },
          persona: { type: "string", enum: [...PERSONAS] },
          level: { type: "string", enum: [...LEVELS] },
          locale: { type: "string", enum: [...LOCALES] },
          accountId: nullable("string"),
          externalIds: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
} as const;
