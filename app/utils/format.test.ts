import { formatAge } from "./format";

describe("formatAge", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  test("minutes, hours, then days, in the reader's language", () => {
    expect(formatAge(ago(3 * 86_400_000), now, "ja")).toBe("3日前");
    expect(formatAge(ago(3 * 86_400_000), now, "en")).toBe("3 days ago");
    expect(formatAge(ago(86_400_000), now, "en")).toBe("1 day ago");
    expect(formatAge(ago(5 * 3_600_000 + 59_000), now, "ja")).toBe("5時間前");
    expect(formatAge(ago(2 * 60_000), now, "ja")).toBe("2分前");
  });
  test("just now and clock skew read as one minute ago", () => {
    expect(formatAge(now, now, "en")).toBe("1 minute ago");
    expect(formatAge(new Date(now.getTime() + 5_000), now.toISOString(), "ja")).toBe("1分前");
  });
});
