// What an API token may do. An admin picks the scopes when creating a token; each endpoint
// demands exactly one.
export const API_SCOPES = ["events:write", "usage:write", "accounts:read", "people:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(/\s+/).filter(isApiScope);
}

/** Requests per minute a new token may make unless the admin chooses otherwise. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
