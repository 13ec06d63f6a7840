import { decideWatch, type AccountTermFacts } from "./watch";

const NOW = new Date("2026-06-15T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

function facts(userId: string | null, overrides: Partial<AccountTermFacts> = {}): AccountTermFacts {
  return {
    userId,
    cohort: 2026,
    startsAt: new Date("2026-01-01T00:00:00Z"),
    endsAt: new Date("2027-01-01T00:00:00Z"),
    revokedAt: null,
    inAccount: true,
    lastActivityAt: daysAgo(2),
    ...overrides,
  };
}

describe("champion watch condition", () => {
  it("stays quiet for an account that never had a champion, or whose only champion is active", () => {
    expect(decideWatch([], NOW)).toBeNull();
    expect(decideWatch([facts("u1", { lastActivityAt: daysAgo(29) })], NOW)).toBeNull();
  });

  it("flags the only champion after 30 days without activity, from the day the 30 days ran out", () => {
    const decision = decideWatch([facts("u1", { lastActivityAt: daysAgo(40) })], NOW);
    expect(decision).toEqual({ condition: "champion_inactive", championId: "u1", since: daysAgo(10), detail: daysAgo(40).toISOString() });
  });

  it("starts the clock no earlier than the champion's first term here", () => {
    const fresh = facts("u1", { startsAt: daysAgo(10), lastActivityAt: daysAgo(90) });
    expect(decideWatch([fresh], NOW)).toBeNull();
    const silent = facts("u1", { startsAt: daysAgo(45), lastActivityAt: null });
    expect(decideWatch([silent], NOW)).toMatchObject({ condition: "champion_inactive", since: daysAgo(15), detail: "" });
  });

  it("does not flag an inactive champion when the account has another one", () => {
    expect(decideWatch([facts("u1", { lastActivityAt: daysAgo(60) }), facts("u2", { lastActivityAt: daysAgo(60) })], NOW)).toBeNull();
  });

  it("flags an account whose only champion's term ended, was revoked, or who moved or was deleted", () => {
    const expired = facts("u1", { cohort: 2025, startsAt: new Date("2025-01-01T00:00:00Z"), endsAt: new Date("2026-01-01T00:00:00Z") });
    expect(decideWatch([expired], NOW)).toEqual({ condition: "champion_left", championId: "u1", since: new Date("2026-01-01T00:00:00Z"), detail: "expired" });
    const revoked = facts("u1", { revokedAt: daysAgo(5) });
    expect(decideWatch([revoked], NOW)).toEqual({ condition: "champion_left", championId: "u1", since: daysAgo(5), detail: "revoked" });
    expect(decideWatch([facts("u1", { inAccount: false })], NOW)).toMatchObject({ condition: "champion_left", championId: "u1", detail: "moved" });
    expect(decideWatch([facts(null)], NOW)).toMatchObject({ condition: "champion_left", championId: null, detail: "removed" });
  });

  it("names the champion who left last, and clears once someone champions the account again", () => {
    const first = facts("u1", { cohort: 2024, startsAt: new Date("2024-01-01T00:00:00Z"), endsAt: new Date("2025-01-01T00:00:00Z") });
    const second = facts("u2", { revokedAt: daysAgo(20) });
    expect(decideWatch([first, second], NOW)).toMatchObject({ championId: "u2", detail: "revoked" });
    expect(decideWatch([first, second, facts("u3")], NOW)).toBeNull();
  });

  it("ignores terms that have not started, so a gap before a renewal still counts as left", () => {
    const ended = facts("u1", { cohort: 2025, startsAt: new Date("2025-01-01T00:00:00Z"), endsAt: new Date("2026-06-01T00:00:00Z") });
    const next = facts("u1", { cohort: 2026, startsAt: new Date("2026-07-01T00:00:00Z"), endsAt: new Date("2027-07-01T00:00:00Z") });
    expect(decideWatch([ended, next], NOW)).toMatchObject({ condition: "champion_left", detail: "expired" });
    expect(decideWatch([next], NOW)).toBeNull();
  });
});
