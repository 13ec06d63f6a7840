import { consumeRateLimit, consumeRateLimits, type RateLimitRule } from "./rate-limit.server";

const rule: RateLimitRule = { name: "test", limit: 3, windowMs: 60_000 };

describe("rate limiting", () => {
  it("allows up to the limit within a window, then blocks with a retry time", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(rule, "a@x.test", now)).allowed).toBe(true);
    const blocked = await consumeRateLimit(rule, "A@X.test", new Date(now.getTime() + 10_000));
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBe(50);
  });

  it("opens again when the window has passed", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 4; i++) await consumeRateLimit(rule, "b@x.test", now);
    expect((await consumeRateLimit(rule, "b@x.test", new Date(now.getTime() + 60_001))).allowed).toBe(true);
  });

  it("keeps subjects apart", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 4; i++) await consumeRateLimit(rule, "c@x.test", now);
    expect((await consumeRateLimit(rule, "d@x.test", now)).allowed).toBe(true);
  });

  it("blocks when any of several rules is exhausted (per address and per IP)", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const ipRule: RateLimitRule = { name: "test-ip", limit: 2, windowMs: 60_000 };
    expect((await consumeRateLimits([[rule, "e1@x.test"], [ipRule, "10.0.0.1"]], now)).allowed).toBe(true);
    expect((await consumeRateLimits([[rule, "e2@x.test"], [ipRule, "10.0.0.1"]], now)).allowed).toBe(true);
    // A fresh address from the same IP is still refused.
    expect((await consumeRateLimits([[rule, "e3@x.test"], [ipRule, "10.0.0.1"]], now)).allowed).toBe(false);
  });

  it("counts concurrent attempts exactly", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const results = await Promise.all(Array.from({ length: 6 }, () => consumeRateLimit(rule, "f@x.test", now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });
});
