// Calls the /api/v1 routes through Remix's request handler, as an outside system would.
import { createApiToken } from "~/api/tokens.server";
import type { ApiScope } from "~/api/scopes";
import { createTestRequestHandler } from "./remix-handler";

export type ApiAnswer = { status: number; headers: Headers; body: any };

export async function apiClient() {
  const handle = await createTestRequestHandler((id) => id.startsWith("routes/api."));
  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const headers = new Headers(options.headers);
    if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    const response = await handle(new Request(`http://kizuna.test/api/v1${path}`, { method, headers, body }));
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the test sees the text and fails on the shape.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
  return { call };
}

export async function tokenWith(scopes: ApiScope[], rateLimitPerMinute = 600, name = "test token"): Promise<string> {
  return (await createApiToken({ name, scopes, rateLimitPerMinute }, null)).token;
}
