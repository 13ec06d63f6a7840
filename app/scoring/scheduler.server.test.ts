import { nextRunKind, schedulerEnabled, startScoringScheduler } from "./scheduler.server";

describe("nextRunKind", () => {
  const at = (iso: string) => new Date(iso);

  test("a full run is due once a day, at the first tick after the daily time", () => {
    expect(nextRunKind(at("2026-11-15T01:59:00Z"), at("2026-11-14T02:00:30Z"), "02:00")).toBe("incremental");
    expect(nextRunKind(at("2026-11-15T02:00:00Z"), at("2026-11-14T02:00:30Z"), "02:00")).toBe("full");
    expect(nextRunKind(at("2026-11-15T09:00:00Z"), at("2026-11-15T02:05:00Z"), "02:00")).toBe("incremental");
  });

  test("a missed day or a first start runs the full job", () => {
    expect(nextRunKind(at("2026-11-15T01:00:00Z"), at("2026-11-13T02:00:00Z"), "02:00")).toBe("full");
    expect(nextRunKind(at("2026-11-15T01:00:00Z"), null, "02:00")).toBe("full");
  });
});

describe("the schedule under tests", () => {
  test("is off unless switched on", () => {
    expect(schedulerEnabled()).toBe(false);
    expect(startScoringScheduler()).toBe(false);
  });
});
