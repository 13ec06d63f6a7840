// Credits video watching from the player's own reports without trusting them blindly. The player
// reports the time ranges it played since its last report; the server keeps a per-second map of
// what was watched and an allowance of playback seconds that refills with wall-clock time (at
// most 2× speed) up to a small cap. A report claiming more than the allowance is refused, so
// seeking to the end covers nothing and neither a forged "I watched it all" request nor a burst
// of back-to-back reports can buy credit faster than real viewing.

export const MAX_PLAYBACK_RATE = 2;
/** What a first report may claim before any time has passed (timer and network jitter). */
export const OPENING_ALLOWANCE_SECONDS = 3;
/** The allowance never grows past this, however long the viewer paused. */
export const MAX_ALLOWANCE_SECONDS = 30;
export const COMPLETION_RATIO = 0.8;
export const MAX_RANGES_PER_REPORT = 60;

export type WatchState = { mask: string; lastReportAt: Date | null; allowance: number };
export type WatchRange = [start: number, end: number];

export type WatchOutcome =
  | { ok: true; state: WatchState; watchedSeconds: number; ratio: number }
  | { ok: false; reason: "bad-range" | "too-many-ranges" | "implausible" };

export function emptyWatchState(durationSeconds: number): WatchState {
  return { mask: "0".repeat(durationSeconds), lastReportAt: null, allowance: OPENING_ALLOWANCE_SECONDS };
}

export function watchedSecondsOf(mask: string): number {
  let n = 0;
  for (const c of mask) if (c === "1") n++;
  return n;
}

/** The whole seconds a range covers at least half of. */
function secondsCovered([start, end]: WatchRange, durationSeconds: number): number[] {
  const seconds: number[] = [];
  for (let second = Math.max(0, Math.floor(start)); second < Math.min(Math.ceil(end), durationSeconds); second++) {
    if (Math.min(end, second + 1) - Math.max(start, second) >= 0.5) seconds.push(second);
  }
  return seconds;
}

export function applyWatchReport(state: WatchState, ranges: WatchRange[], durationSeconds: number, now: Date): WatchOutcome {
  if (ranges.length > MAX_RANGES_PER_REPORT) return { ok: false, reason: "too-many-ranges" };
  let played = 0;
  const credited = new Set<number>();
  for (const range of ranges) {
    const [start, end] = range;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start || end > durationSeconds + 1) {
      return { ok: false, reason: "bad-range" };
    }
    played += end - start;
    for (const second of secondsCovered(range, durationSeconds)) credited.add(second);
  }
  const elapsed = state.lastReportAt ? Math.max(0, (now.getTime() - state.lastReportAt.getTime()) / 1000) : 0;
  const allowance = Math.min(MAX_ALLOWANCE_SECONDS, state.allowance + elapsed * MAX_PLAYBACK_RATE);
  // Whichever is larger: the playback claimed, or the seconds it would credit (many tiny ranges).
  const claimed = Math.max(played, credited.size);
  if (claimed > allowance) return { ok: false, reason: "implausible" };

  // A stored mask of another length means the video changed: start its map afresh.
  const mask = (state.mask.length === durationSeconds ? state.mask : "0".repeat(durationSeconds)).split("");
  for (const second of credited) mask[second] = "1";
  const next = mask.join("");
  const watchedSeconds = watchedSecondsOf(next);
  return {
    ok: true,
    state: { mask: next, lastReportAt: now, allowance: allowance - claimed },
    watchedSeconds,
    ratio: durationSeconds === 0 ? 0 : watchedSeconds / durationSeconds,
  };
}
