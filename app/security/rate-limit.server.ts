// Fixed-window rate limits kept in the database, so that every app process counts together.
import { db } from "~/db.server";

export type RateLimitRule = { name: string; limit: number; windowMs: number };

export const RATE_LIMITS = {
  loginPerEmail: { name: "login:email", limit: 10, windowMs: 15 * 60_000 },
  loginPerIp: { name: "login:ip", limit: 60, windowMs: 15 * 60_000 },
  resetPerEmail: { name: "reset:email", limit: 3, windowMs: 60 * 60_000 },
  resetPerIp: { name: "reset:ip", limit: 20, windowMs: 60 * 60_000 },
  signupPerIp: { name: "signup:ip", limit: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Counts one attempt against `rule` for `subject` and says whether it is still allowed. */
export async function consumeRateLimit(
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject.toLowerCase()}`;
  // SQLite serialises writers; the transaction makes read-then-write one atomic step.
  const bucket = await db.$transaction(async (tx) => {
    const existing = await tx.rateLimitBucket.findUnique({ where: { key } });
    if (!existing || existing.resetAt <= now) {
      const resetAt = new Date(now.getTime() + rule.windowMs);
      return tx.rateLimitBucket.upsert({
        where: { key },
        create: { key, count: 1, resetAt },
        update: { count: 1, resetAt },
      });
    }
    return tx.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } });
  });
  return {
    allowed: bucket.count <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Checks several rules; every rule is counted so one subject cannot dodge another's limit. */
export async function consumeRateLimits(
  checks: Array<[RateLimitRule, string]>,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const results = [];
  for (const [rule, subject] of checks) results.push(await consumeRateLimit(rule, subject, now));
  const blocked = results.filter((r) => !r.allowed);
  return blocked.length === 0
    ? { allowed: true, retryAfterSeconds: 0 }
    : { allowed: false, retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)) };
}

export async function clearRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: `${rule.name}:${subject.toLowerCase()}` } });
}
