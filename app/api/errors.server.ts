// One error shape for the whole API: {"error":{"code","message","details"}}. Handlers throw
// ApiError; apiRoute() (handler.server.ts) turns it into the response.
export type ApiErrorCode =
  | "invalid_json"
  | "unauthorized"
  | "insufficient_scope"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "batch_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "rate_limited"
  | "internal_error";

const STATUS: Record<ApiErrorCode, number> = {
  invalid_json: 400,
  unauthorized: 401,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  batch_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const API_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...API_HEADERS, ...headers } });
}

export function apiErrorResponse(error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  return apiJson(body, error.status, error.headers);
}

/** Zod issues as details a client can act on: which field, what is wrong. */
export function issueDetails(issues: Array<{ path: Array<string | number>; message: string }>) {
  return issues.slice(0, 50).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
