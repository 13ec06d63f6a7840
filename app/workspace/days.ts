// Calendar days in the viewer's time zone, as UTC instants, so daily charts count "Tuesday in
// Tokyo" and not "Tuesday in UTC". Handles daylight-saving days (23 or 25 hours long).

import { wallClock, zoneOffsetMs } from "~/utils/zone-clock";

export type LocalDay = {
  /** YYYY-MM-DD in the time zone. */
  day: string;
  /** First instant of the day. */
  start: Date;
  /** First instant of the next day. */
  end: Date;
};

/** The instant the given calendar date begins in the zone. */
function startOfDate(year: number, month: number, day: number, timeZone: string): number {
  const midnightUtc = Date.UTC(year, month - 1, day);
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  // The offset can differ at the guess (a DST change in between); one correction settles it.
  return midnightUtc - zoneOffsetMs(guess, timeZone);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

// Every page view asks for the same 90 days until midnight: computing the boundaries takes a
// couple of hundred Intl calls, so they are kept per zone, day and length.
const memo = new Map<string, LocalDay[]>();

/** The last `count` days up to and including today in `timeZone`, oldest first. */
export function lastLocalDays(count: number, timeZone: string, now = new Date()): LocalDay[] {
  const today = wallClock(now.getTime(), timeZone);
  const key = `${timeZone}|${iso(today.year, today.month, today.day)}|${count}`;
  let days = memo.get(key);
  if (!days) {
    if (memo.size > 200) memo.clear();
    days = computeDays(count, timeZone, today);
    memo.set(key, days);
  }
  return days;
}

function computeDays(count: number, timeZone: string, today: { year: number; month: number; day: number }): LocalDay[] {
  // count + 1 boundaries: each day ends where the next one starts.
  const dates = Array.from({ length: count + 1 }, (_, i) => new Date(Date.UTC(today.year, today.month - 1, today.day - (count - 1) + i)));
  const starts = dates.map((date) => startOfDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone));
  return dates.slice(0, count).map((date, i) => ({
    day: iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
    start: new Date(starts[i]!),
    end: new Date(starts[i + 1]!),
  }));
}
