import { describe, expect, it } from "vitest";
import {
  applyWatchReport,
  COMPLETION_RATIO,
  emptyWatchState,
  MAX_PLAYBACK_RATE,
  MAX_RANGES_PER_REPORT,
  MAX_ALLOWANCE_SECONDS,
  OPENING_ALLOWANCE_SECONDS,
  watchedSecondsOf,
  type WatchOutcome,
  type WatchRange,
  type WatchState,
} from "./video-progress";

const T0 = new Date("2026-04-10T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function accepted(outcome: WatchOutcome) {
  if (!outcome.ok) throw new Error(`report refused: ${outcome.reason}`);
  return outcome;
}

/** A state whose last report was at T0, with the given seconds already watched. */
function startedState(duration: number, watched: number[] = []): WatchState {
  const mask = "0".repeat(duration).split("");
  for (const s of watched) mask[s] = "1";
  return { mask: mask.join(""), lastReportAt: T0, allowance: OPENING_ALLOWANCE_SECONDS };
}

describe("emptyWatchState and watchedSecondsOf", () => {
  it("starts with one unwatched second per second of video and no report", () => {
    expect(emptyWatchState(5)).toEqual({ mask: "00000", lastReportAt: null, allowance: 3 });
    expect(emptyWatchState(0)).toEqual({ mask: "", lastReportAt: null, allowance: 3 });
  });

  it("counts the watched seconds of a mask", () => {
    expect(watchedSecondsOf("")).toBe(0);
    expect(watchedSecondsOf("00000")).toBe(0);
    expect(watchedSecondsOf("10110")).toBe(3);
    expect(watchedSecondsOf("11111")).toBe(5);
  });
});

describe("applyWatchReport", () => {
  it("accepts an opening empty report and remembers when it came", () => {
    const outcome = accepted(applyWatchReport(emptyWatchState(60), [], 60, T0));
    expect(outcome.state).toEqual({ mask: "0".repeat(60), lastReportAt: T0, allowance: 3 });
    expect(outcome.watchedSeconds).toBe(0);
    expect(outcome.ratio).toBe(0);
  });

  it("credits honest playback", () => {
    const opened = accepted(applyWatchReport(emptyWatchState(60), [], 60, T0));
    const outcome = accepted(applyWatchReport(opened.state, [[0, 10]], 60, at(10)));
    expect(outcome.state.mask).toBe("1".repeat(10) + "0".repeat(50));
    expect(outcome.state.lastReportAt).toEqual(at(10));
    expect(outcome.watchedSeconds).toBe(10);
    expect(outcome.ratio).toBeCloseTo(10 / 60);
  });

  it("adds to what was watched before", () => {
    const outcome = accepted(applyWatchReport(startedState(30, [0, 1, 2, 3, 4]), [[5, 10]], 30, at(5)));
    expect(outcome.state.mask).toBe("1".repeat(10) + "0".repeat(20));
    expect(outcome.watchedSeconds).toBe(10);
  });

  it("accepts playback at twice the speed", () => {
    // 10 s of wall-clock time at 2x covers 20 s of video.
    const outcome = accepted(applyWatchReport(startedState(60), [[0, 20]], 60, at(10)));
    expect(outcome.watchedSeconds).toBe(20);
  });

  it("allows exactly the opening allowance + elapsed x 2 and refuses anything more as implausible", () => {
    expect(MAX_PLAYBACK_RATE).toBe(2);
    expect(OPENING_ALLOWANCE_SECONDS).toBe(3);
    // 10 s elapsed: up to 23 s of playback.
    expect(applyWatchReport(startedState(60), [[0, 23]], 60, at(10)).ok).toBe(true);
    expect(applyWatchReport(startedState(60), [[0, 23.5]], 60, at(10))).toEqual({ ok: false, reason: "implausible" });
    expect(applyWatchReport(startedState(60), [[0, 60]], 60, at(10))).toEqual({ ok: false, reason: "implausible" });
  });

  it("adds up every range of a report before judging it", () => {
    // 12 + 12 = 24 s of playback in 10 s is more than 23.
    expect(applyWatchReport(startedState(60), [[0, 12], [30, 42]], 60, at(10))).toEqual({ ok: false, reason: "implausible" });
    expect(applyWatchReport(startedState(60), [[0, 11], [30, 42]], 60, at(10)).ok).toBe(true);
  });

  it("lets a first report with no earlier one claim at most the slack", () => {
    expect(accepted(applyWatchReport(emptyWatchState(60), [[0, 3]], 60, T0)).watchedSeconds).toBe(3);
    expect(applyWatchReport(emptyWatchState(60), [[0, 4]], 60, T0)).toEqual({ ok: false, reason: "implausible" });
    // However late it comes, there is no earlier report to measure from.
    expect(applyWatchReport(emptyWatchState(60), [[0, 60]], 60, at(3600))).toEqual({ ok: false, reason: "implausible" });
  });

  it("refuses a forged 'watched it all' report", () => {
    const opened = accepted(applyWatchReport(emptyWatchState(600), [], 600, T0));
    expect(applyWatchReport(opened.state, [[0, 600]], 600, at(1))).toEqual({ ok: false, reason: "implausible" });
  });

  it("does not give credit for time when the clock goes backwards", () => {
    expect(applyWatchReport(startedState(60), [[0, 10]], 60, at(-60))).toEqual({ ok: false, reason: "implausible" });
    expect(applyWatchReport(startedState(60), [[0, 3]], 60, at(-60)).ok).toBe(true);
  });

  it("keeps a refused report from changing anything", () => {
    const state = startedState(60, [0, 1]);
    const before = structuredClone(state);
    applyWatchReport(state, [[0, 60]], 60, at(1));
    expect(state).toEqual(before);
  });

  it("credits only the played seconds when the viewer seeks", () => {
    // Watched 0-5, jumped to 50, watched 50-55: the seconds in between stay unwatched.
    const outcome = accepted(applyWatchReport(startedState(60), [[0, 5], [50, 55]], 60, at(10)));
    expect(outcome.watchedSeconds).toBe(10);
    expect(outcome.state.mask).toBe("1".repeat(5) + "0".repeat(45) + "1".repeat(5) + "0".repeat(5));
  });

  it("gives nothing for seeking to the end", () => {
    const outcome = accepted(applyWatchReport(startedState(60), [[0, 0], [59.6, 60]], 60, at(1)));
    expect(outcome.watchedSeconds).toBe(0);
  });

  it("does not count overlapping or repeated ranges twice", () => {
    const overlapping = accepted(applyWatchReport(startedState(60), [[0, 10], [5, 15]], 60, at(20)));
    expect(overlapping.watchedSeconds).toBe(15);
    const repeated = accepted(applyWatchReport(startedState(60), [[0, 10], [0, 10], [0, 10]], 60, at(20)));
    expect(repeated.watchedSeconds).toBe(10);
    // Watching the same part again in a later report adds nothing either.
    const again = accepted(applyWatchReport(repeated.state, [[0, 10]], 60, at(30)));
    expect(again.watchedSeconds).toBe(10);
    expect(again.state.mask).toBe(repeated.state.mask);
  });

  it("counts a second when the range covers at least half of it", () => {
    const outcome = accepted(applyWatchReport(startedState(10), [[0.5, 2.4]], 10, at(5)));
    // Second 0 is covered 0.5 s and second 1 fully; second 2 only 0.4 s.
    expect(outcome.state.mask).toBe("1100000000");
    expect(accepted(applyWatchReport(startedState(10), [[0.4, 2.6]], 10, at(5))).state.mask).toBe("1110000000");
  });

  it("accepts a range ending up to one second past the end, crediting only real seconds", () => {
    const outcome = accepted(applyWatchReport(startedState(10), [[5, 11]], 10, at(5)));
    expect(outcome.state.mask).toBe("0000011111");
    expect(outcome.watchedSeconds).toBe(5);
  });

  const BAD_RANGES: Array<[string, WatchRange[]]> = [
    ["a range past the end plus one second", [[5, 11.5]]],
    ["a negative start", [[-1, 5]]],
    ["NaN", [[Number.NaN, 5]]],
    ["NaN end", [[0, Number.NaN]]],
    ["Infinity", [[0, Number.POSITIVE_INFINITY]]],
    ["an end before its start", [[6, 5]]],
    ["one bad range among good ones", [[0, 1], [4, 2]]],
  ];

  it.each(BAD_RANGES)("refuses %s as bad-range", (_name, ranges) => {
    expect(applyWatchReport(startedState(10), ranges, 10, at(60))).toEqual({ ok: false, reason: "bad-range" });
  });

  it(`refuses more than ${MAX_RANGES_PER_REPORT} ranges in one report`, () => {
    // Quarter-second slivers: within the allowance, crediting nothing.
    const ranges = (n: number): WatchRange[] => Array.from({ length: n }, (_, i) => [i, i + 0.25]);
    expect(applyWatchReport(startedState(100), ranges(MAX_RANGES_PER_REPORT), 100, at(60)).ok).toBe(true);
    expect(applyWatchReport(startedState(100), ranges(MAX_RANGES_PER_REPORT + 1), 100, at(60))).toEqual({ ok: false, reason: "too-many-ranges" });
  });

  it("starts the map afresh when the stored mask has another length", () => {
    const stale: WatchState = { mask: "1".repeat(30), lastReportAt: T0, allowance: OPENING_ALLOWANCE_SECONDS };
    const outcome = accepted(applyWatchReport(stale, [[0, 5]], 60, at(5)));
    expect(outcome.state.mask).toHaveLength(60);
    expect(outcome.state.mask).toBe("1".repeat(5) + "0".repeat(55));
    expect(outcome.watchedSeconds).toBe(5);
  });

  it("reaches the completion ratio only once 80% of distinct seconds are watched", () => {
    expect(COMPLETION_RATIO).toBe(0.8);
    const duration = 100;
    let state = accepted(applyWatchReport(emptyWatchState(duration), [], duration, T0)).state;
    let clock = 0;
    const report = (ranges: WatchRange[]) => {
      clock += 10;
      const outcome = accepted(applyWatchReport(state, ranges, duration, at(clock)));
      state = outcome.state;
      return outcome;
    };
    for (let start = 0; start < 70; start += 10) expect(report([[start, start + 10]]).ratio).toBeLessThan(COMPLETION_RATIO);
    // Watching the same 70 s again does not get closer.
    expect(report([[0, 10]]).ratio).toBeCloseTo(0.7);
    expect(report([[70, 79]]).ratio).toBeLessThan(COMPLETION_RATIO);
    const last = report([[79, 80]]);
    expect(last.watchedSeconds).toBe(80);
    expect(last.ratio).toBeGreaterThanOrEqual(COMPLETION_RATIO);
  });

  it("spends the allowance: back-to-back reports cannot each claim a fresh few seconds", () => {
    const first = accepted(applyWatchReport(startedState(600), [[0, 3]], 600, T0));
    expect(first.state.allowance).toBe(0);
    expect(applyWatchReport(first.state, [[3, 6]], 600, T0)).toEqual({ ok: false, reason: "implausible" });
    // Half a second later, one more second of 2x playback is allowed, not more.
    expect(applyWatchReport(first.state, [[3, 4]], 600, new Date(T0.getTime() + 500)).ok).toBe(true);
    expect(applyWatchReport(first.state, [[3, 5]], 600, new Date(T0.getTime() + 500))).toEqual({ ok: false, reason: "implausible" });
  });

  it("judges many tiny ranges by the seconds they would credit, not their length", () => {
    const slivers: WatchRange[] = Array.from({ length: 60 }, (_, i) => [i + 0.49, i + 0.99]);
    expect(applyWatchReport(startedState(600), slivers, 600, T0)).toEqual({ ok: false, reason: "implausible" });
  });

  it("caps the allowance, however long the viewer paused", () => {
    expect(MAX_ALLOWANCE_SECONDS).toBe(30);
    expect(applyWatchReport(startedState(600), [[0, 30]], 600, at(3600)).ok).toBe(true);
    expect(applyWatchReport(startedState(600), [[0, 31]], 600, at(3600))).toEqual({ ok: false, reason: "implausible" });
  });

  it("has a zero ratio for a zero-length video", () => {
    expect(accepted(applyWatchReport(emptyWatchState(0), [], 0, T0)).ratio).toBe(0);
  });
});
