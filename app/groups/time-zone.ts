// Wall-clock times in a named time zone ⇄ instants, with Intl only. Meetings are stored in UTC;
// a manager types a start in their own zone and every viewer reads it in theirs.
//
// Daylight-saving gaps and overlaps follow Temporal's "compatible" rule (the same as RFC 5545
// and most calendars):
// - a wall time that does not exist (skipped when clocks go forward, e.g. 02:30 on the spring
//   day in America/New_York) moves forward by the length of the gap → 03:30 EDT;
// - a wall time that happens twice (when clocks go back, e.g. 01:30 on the autumn day in
//   New York) means the earlier of the two instants → 01:30 EDT, not 01:30 EST.
// `resolveZonedLocal` says which case applied, so a form can warn about it.
import type { Locale } from "~/i18n/locales";
import { wallClock, wallMs, zoneOffsetMs, type WallClock } from "~/utils/zone-clock";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const HOUR_MS = 60 * 60 * 1000;

/** Reads "YYYY-MM-DDTHH:mm" (seconds optional); null when it is not a real calendar date and time. */
export function parseLocalDateTime(value: string): WallClock | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((n) => Number(n ?? 0));
  const clock = { year, month, day, hour, minute, second };
  if (clock.month < 1 || clock.month > 12 || clock.hour > 23 || clock.minute > 59 || clock.second > 59) return null;
  // 2026-02-30 would roll over to March: reject instead of guessing.
  const check = new Date(wallMs(clock));
  if (check.getUTCDate() !== clock.day || check.getUTCMonth() !== clock.month - 1) return null;
  return clock;
}

export function isLocalDateTime(value: string): boolean {
  return parseLocalDateTime(value) !== null;
}

export type ZonedResolution = {
  date: Date;
  /** exact: the wall time happens once; skipped: it fell in a DST gap and was moved forward;
   *  ambiguous: it happens twice and the earlier instant was taken. */
  kind: "exact" | "skipped" | "ambiguous";
};

/**
 * The instant at which clocks in `timeZone` show `local` ("2026-12-01T19:00").
 * Throws RangeError for a malformed value or an unknown zone (validate first with
 * `isLocalDateTime` / `isValidTimeZone` from ~/utils/zone-clock).
 */
export function resolveZonedLocal(local: string, timeZone: string): ZonedResolution {
  const clock = parseLocalDateTime(local);
  if (!clock) throw new RangeError(`Not a local date and time: ${local}`);
  const wall = wallMs(clock);
  // Offsets a day either side bracket any single transition near this wall time; every zone's
  // offset stays within ±14 h, so these two samples are on either side of it.
  const before = zoneOffsetMs(wall - 24 * HOUR_MS, timeZone);
  const after = zoneOffsetMs(wall + 24 * HOUR_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallMs(wallClock(instant, timeZone)) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) {
    // In the gap: read the wall time with the offset in force before the jump, which lands the
    // same distance after the jump (02:30 EST = 03:30 EDT).
    return { date: new Date(wall - before), kind: "skipped" };
  }
  return { date: new Date(candidates[0]!), kind: candidates.length > 1 ? "ambiguous" : "exact" };
}

/** `resolveZonedLocal(...).date`: the UTC instant for a wall time in `timeZone`. */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  return resolveZonedLocal(local, timeZone).date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DDTHH:mm" for an `<input type="datetime-local">` showing `date` in `timeZone`. */
export function utcToZonedLocalInput(date: Date, timeZone: string): string {
  const clock = wallClock(date.getTime(), timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

const intlLocale = (locale: Locale | string) => (locale === "ja" ? "ja-JP" : locale === "en" ? "en-US" : locale);

/** A date and time for people: "2026年12月1日(火) 19:00" / "Tue, Dec 1, 2026, 7:00 PM". */
export function formatInZone(date: Date, timeZone: string, locale: Locale | string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(date);
}

/** Start and end together, the end's date left out when it is the same day in `timeZone`. */
export function formatRangeInZone(start: Date, end: Date, timeZone: string, locale: Locale | string): string {
  const sameDay = utcToZonedLocalInput(start, timeZone).slice(0, 10) === utcToZonedLocalInput(end, timeZone).slice(0, 10);
  const endText = sameDay
    ? new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: "numeric", minute: "2-digit" }).format(end)
    : formatInZone(end, timeZone, locale);
  return `${formatInZone(start, timeZone, locale)} – ${endText}`;
}

/** The zone as people know it at `date`: "Asia/Tokyo (JST)", "America/New_York (EST)". */
export function timeZoneLabel(timeZone: string, locale: Locale | string, date: Date = new Date()): string {
  const short = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}
