// API tokens: created by admins with scopes, shown once, stored as a SHA-256 digest, revocable.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashToken } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { API_SCOPES, parseScopes, type ApiScope } from "./scopes";

const TOKEN_PREFIX = "kzn_";
/** lastUsedAt is a hint for admins; writing it once a minute keeps hot tokens off the write path. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type AuthenticatedToken = { id: string; name: string; scopes: ApiScope[]; rateLimitPerMinute: number };

export const tokenFormSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** Space-separated, as the form joins its checkboxes. */
  scopes: z
    .string()
    .max(200)
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .pipe(z.array(z.enum(API_SCOPES)).min(1, "api.tokens.scopeRequired")),
  rateLimitPerMinute: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "error.number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100_000, "api.tokens.rateLimitRange"),
});

export type TokenInput = z.infer<typeof tokenFormSchema>;

/** Creates a token and returns its only plain-text copy. */
export async function createApiToken(input: TokenInput, createdById: string | null) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: token.slice(0, 12),
        tokenHash: hashToken(token),
        scopes: [...new Set(input.scopes)].join(" "),
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdById,
      },
      select: { id: true, name: true, prefix: true },
    });
    await tx.auditEntry.create({
      data: { actorId: createdById, action: "api_token.created", targetType: "api_token", targetId: created.id, detail: `${input.name} (${input.scopes.join(" ")})` },
    });
    return created;
  });
  return { token, ...record };
}

export async function revokeApiToken(id: string, actorId: string | null, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await tx.auditEntry.create({ data: { actorId, action: "api_token.revoked", targetType: "api_token", targetId: id } });
    return true;
  });
}

export async function listApiTokens() {
  const rows = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      rateLimitPerMinute: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({ ...row, scopes: parseScopes(row.scopes), createdBy: row.createdBy?.name ?? null }));
}

/** The live token behind an Authorization header value, or null (unknown, malformed or revoked). */
export async function authenticateToken(token: string, now = new Date()): Promise<AuthenticatedToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, scopes: true, rateLimitPerMinute: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { id: row.id, name: row.name, scopes: parseScopes(row.scopes), rateLimitPerMinute: row.rateLimitPerMinute };
}
