// The frame of every /api/v1 endpoint, in the order a request is checked: who (401), may they
// (403), not too often (429), not too big (413, before a byte is parsed), well-formed (400/415),
// then the endpoint itself. Endpoints throw ApiError; anything else becomes a logged 500 in the
// same JSON shape.
import { consumeRateLimit } from "~/security/rate-limit.server";
import { ApiError, apiErrorResponse } from "./errors.server";
import type { ApiScope } from "./scopes";
import { authenticateToken, type AuthenticatedToken } from "./tokens.server";

/** Largest request body the API reads: 1 MiB holds a full batch of 1,000 ordinary events. */
export const API_MAX_BODY_BYTES = 1_048_576;
const RATE_WINDOW_MS = 60_000;

type RouteArgs = { request: Request; params: Record<string, string | undefined> };
export type ApiCall = RouteArgs & { token: AuthenticatedToken };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

async function authorise(request: Request, scope: ApiScope): Promise<AuthenticatedToken> {
  const raw = bearerToken(request);
  const challenge = { "WWW-Authenticate": 'Bearer realm="kizuna-api"' };
  if (!raw) throw new ApiError("unauthorized", "Send an API token as `Authorization: Bearer <token>`.", undefined, challenge);
  const token = await authenticateToken(raw);
  if (!token) throw new ApiError("unauthorized", "This API token is not valid or was revoked.", undefined, challenge);
  if (!token.scopes.includes(scope)) {
    throw new ApiError("insufficient_scope", `This token lacks the ${scope} scope.`, { required: scope, granted: token.scopes });
  }
  const limit = await consumeRateLimit({ name: "api:token", limit: token.rateLimitPerMinute, windowMs: RATE_WINDOW_MS }, token.id);
  if (!limit.allowed) {
    throw new ApiError("rate_limited", `Too many requests for this token (${token.rateLimitPerMinute} per minute).`, { retryAfterSeconds: limit.retryAfterSeconds }, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  return token;
}

/** Wraps an endpoint: method, authorisation, rate limit and the error format are handled here. */
export function apiRoute(method: "GET" | "POST" | "PUT", scope: ApiScope, handler: (call: ApiCall) => Promise<Response>) {
  return async (args: RouteArgs): Promise<Response> => {
    if (args.request.method !== method) return methodNotAllowed(method);
    try {
      const token = await authorise(args.request, scope);
      return await handler({ ...args, token });
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

export function errorToResponse(error: unknown): Response {
  if (error instanceof ApiError) return apiErrorResponse(error);
  console.error("[api] unexpected error", error);
  return apiErrorResponse(new ApiError("internal_error", "Something went wrong on our side; the request can be retried safely."));
}

/** The answer for a method an endpoint does not have, in the API's error shape. */
export function methodNotAllowed(allowed: string): Response {
  return apiErrorResponse(new ApiError("method_not_allowed", `This endpoint accepts ${allowed} only.`, undefined, { Allow: allowed }));
}

/**
 * Reads a JSON body of at most `maxBytes`. A declared Content-Length over the limit is refused
 * before reading; a body sent without one is cut off as soon as it passes the limit.
 */
export async function readJsonBody(request: Request, maxBytes = API_MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i.test(type.trim())) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError("invalid_json", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}
