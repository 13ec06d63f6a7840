// Wall times in named zones, including the daylight-saving gap and overlap.
import {
  formatInZone,
  formatRangeInZone,
  isLocalDateTime,
  resolveZonedLocal,
  timeZoneLabel,
  utcToZonedLocalInput,
  zonedLocalToUtc,
} from "./time-zone";

describe("zonedLocalToUtc", () => {
  it("reads a wall time in a zone without daylight saving", () => {
    expect(zonedLocalToUtc("2026-12-01T19:00", "Asia/Tokyo").toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(zonedLocalToUtc("2026-01-01T03:00", "Asia/Tokyo").toISOString()).toBe("2025-12-31T18:00:00.000Z");
    expect(zonedLocalToUtc("2026-06-15T12:30", "UTC").toISOString()).toBe("2026-06-15T12:30:00.000Z");
    expect(zonedLocalToUtc("2026-06-15T12:30", "Asia/Kolkata").toISOString()).toBe("2026-06-15T07:00:00.000Z");
  });

  it("uses standard time in winter and daylight time in summer", () => {
    expect(zonedLocalToUtc("2026-12-01T19:00", "America/New_York").toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T19:00", "America/New_York").toISOString()).toBe("2026-07-01T23:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T19:00", "Europe/London").toISOString()).toBe("2026-07-01T18:00:00.000Z");
    // Southern hemisphere: daylight time in January.
    expect(zonedLocalToUtc("2026-01-10T09:00", "Australia/Sydney").toISOString()).toBe("2026-01-09T22:00:00.000Z");
  });

  it("is exact right next to a transition", () => {
    // New York springs forward at 02:00 on 8 March 2026.
    expect(resolveZonedLocal("2026-03-08T01:59", "America/New_York")).toEqual({ date: new Date("2026-03-08T06:59:00Z"), kind: "exact" });
    expect(resolveZonedLocal("2026-03-08T03:00", "America/New_York")).toEqual({ date: new Date("2026-03-08T07:00:00Z"), kind: "exact" });
  });

  it("moves a skipped wall time forward by the gap (02:30 → 03:30 EDT)", () => {
    const result = resolveZonedLocal("2026-03-08T02:30", "America/New_York");
    expect(result.kind).toBe("skipped");
    expect(result.date.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(utcToZonedLocalInput(result.date, "America/New_York")).toBe("2026-03-08T03:30");
  });

  it("takes the earlier instant of a repeated wall time (01:30 EDT, not EST)", () => {
    // New York falls back from 02:00 EDT to 01:00 EST on 1 November 2026.
    const result = resolveZonedLocal("2026-11-01T01:30", "America/New_York");
    expect(result.kind).toBe("ambiguous");
    expect(result.date.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-01T02:30", "America/New_York").toISOString()).toBe("2026-11-01T07:30:00.000Z");
  });

  it("round-trips every hour of a year in New York, the repeated autumn hour to its first occurrence", () => {
    let skipped = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 60 * 60 * 1000) {
      const local = utcToZonedLocalInput(new Date(t), "America/New_York");
      const back = resolveZonedLocal(local, "America/New_York");
      // The second 01:xx of the autumn night maps back to the first one: that is the rule.
      if (back.kind === "ambiguous") expect(back.date.getTime()).toBeLessThanOrEqual(t);
      else expect(back.date.getTime()).toBe(t);
      if (back.kind === "skipped") skipped++;
    }
    expect(skipped).toBe(0); // formatting never produces a wall time inside the gap
  });

  it("rejects malformed or impossible values and unknown zones", () => {
    for (const bad of ["", "2026-12-01", "2026-12-01 19:00", "2026-02-30T10:00", "2026-13-01T10:00", "2026-12-01T24:00", "tomorrow"]) {
      expect(isLocalDateTime(bad), bad).toBe(false);
      expect(() => zonedLocalToUtc(bad, "Asia/Tokyo"), bad).toThrow(RangeError);
    }
    expect(isLocalDateTime("2028-02-29T10:00")).toBe(true);
    expect(() => zonedLocalToUtc("2026-12-01T19:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("display", () => {
  const start = new Date("2026-12-01T10:00:00Z");
  it("formats for datetime-local inputs in the zone", () => {
    expect(utcToZonedLocalInput(start, "Asia/Tokyo")).toBe("2026-12-01T19:00");
    expect(utcToZonedLocalInput(start, "America/New_York")).toBe("2026-12-01T05:00");
  });

  it("formats in the viewer's zone and language", () => {
    expect(formatInZone(start, "Asia/Tokyo", "ja")).toContain("19:00");
    expect(formatInZone(start, "Asia/Tokyo", "ja")).toContain("2026年12月1日");
    expect(formatInZone(start, "America/New_York", "en")).toMatch(/Dec 1, 2026.*5:00\sAM/);
    expect(formatRangeInZone(start, new Date("2026-12-01T11:30:00Z"), "Asia/Tokyo", "ja")).toMatch(/19:00 – 20:30$/);
    expect(formatRangeInZone(start, new Date("2026-12-01T16:00:00Z"), "Asia/Tokyo", "ja")).toMatch(/12月2日.*1:00$/);
  });

  it("names the zone", () => {
    expect(timeZoneLabel("Asia/Tokyo", "ja", start)).toBe("Asia/Tokyo (JST)");
    expect(timeZoneLabel("America/New_York", "en", start)).toBe("America/New_York (EST)");
    expect(timeZoneLabel("America/New_York", "en", new Date("2026-07-01T00:00:00Z"))).toBe("America/New_York (EDT)");
  });
});
