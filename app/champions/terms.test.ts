import { addMonthsUtc, championTimes, isRenewal, isTermActive, termDates, termStatus, type TermLike } from "./terms";

const term = (cohort: number, startsAt: string, endsAt: string, revokedAt: string | null = null): TermLike => ({
  cohort,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  revokedAt: revokedAt ? new Date(revokedAt) : null,
});

describe("term dates", () => {
  it("adds calendar months in UTC, keeping the last day of short months", () => {
    expect(addMonthsUtc(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonthsUtc(new Date("2026-03-15T00:00:00Z"), 12).toISOString()).toBe("2027-03-15T00:00:00.000Z");
    expect(addMonthsUtc(new Date("2026-11-30T00:00:00Z"), 3).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });

  it("starts at the decision and lasts the term length", () => {
    const dates = termDates({ decidedAt: new Date("2026-05-10T03:00:00Z"), cohort: 2026, termMonths: 12, earlierTerms: [] });
    expect(dates).toEqual({ startsAt: new Date("2026-05-10T03:00:00Z"), endsAt: new Date("2027-05-10T03:00:00Z") });
  });

  it("never starts before its cohort year", () => {
    const dates = termDates({ decidedAt: new Date("2026-12-01T00:00:00Z"), cohort: 2027, termMonths: 6, earlierTerms: [] });
    expect(dates).toEqual({ startsAt: new Date("2027-01-01T00:00:00Z"), endsAt: new Date("2027-07-01T00:00:00Z") });
  });

  it("follows on from a running term instead of overlapping it; revoked terms do not hold it back", () => {
    const running = term(2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    const renewal = termDates({ decidedAt: new Date("2026-11-20T00:00:00Z"), cohort: 2027, termMonths: 12, earlierTerms: [running] });
    expect(renewal).toEqual({ startsAt: new Date("2027-01-01T00:00:00Z"), endsAt: new Date("2028-01-01T00:00:00Z") });
    const revoked = term(2026, "2026-01-01T00:00:00Z", "2027-06-01T00:00:00Z", "2026-03-01T00:00:00Z");
    const after = termDates({ decidedAt: new Date("2027-02-01T00:00:00Z"), cohort: 2027, termMonths: 12, earlierTerms: [revoked] });
    expect(after.startsAt).toEqual(new Date("2027-02-01T00:00:00Z"));
  });
});

describe("term expiry", () => {
  const t = term(2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");

  it("is upcoming before it starts, active while it runs, expired from its end on", () => {
    expect(termStatus(t, new Date("2025-12-31T23:59:59Z"))).toBe("upcoming");
    expect(termStatus(t, new Date("2026-01-01T00:00:00Z"))).toBe("active");
    expect(termStatus(t, new Date("2026-12-31T23:59:59Z"))).toBe("active");
    expect(termStatus(t, new Date("2027-01-01T00:00:00Z"))).toBe("expired");
    expect(isTermActive(t, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("ends at once when revoked", () => {
    const revoked = { ...t, revokedAt: new Date("2026-06-01T00:00:00Z") };
    expect(termStatus(revoked, new Date("2026-05-31T00:00:00Z"))).toBe("active");
    expect(termStatus(revoked, new Date("2026-06-01T00:00:00Z"))).toBe("revoked");
    expect(isTermActive(revoked, new Date("2026-07-01T00:00:00Z"))).toBe(false);
  });
});

describe("renewal count", () => {
  it("counts every kept term: a third term makes a 3-time champion", () => {
    const terms = [
      term(2024, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"),
      term(2025, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
      term(2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
    ];
    expect(championTimes(terms)).toBe(3);
    expect(championTimes(terms.slice(0, 1))).toBe(1);
    expect(championTimes([])).toBe(0);
  });

  it("does not count revoked terms", () => {
    const terms = [term(2025, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2025-03-01T00:00:00Z"), term(2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")];
    expect(championTimes(terms)).toBe(1);
    expect(isRenewal(terms.slice(0, 1))).toBe(false);
    expect(isRenewal(terms.slice(1))).toBe(true);
  });
});
