// Calendar days in the viewer's time zone, as UTC instants, so daily charts count "Tuesday in
// Tokyo" and not "Tuesday in UTC". Handles daylight-saving days (23 or 25 hours long).

export type LocalDay = {
  /** YYYY-MM-DD in the time zone. */
  day: string;
  /** First instant of the day. */
  start: Date;
  /** First instant of the next day. */
  end: Date;
};

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant the given calendar date begins in the zone. */
function startOfDate(year: number, month: number, day: number, timeZone: string): number {
  const midnightUtc = Date.UTC(year, month - 1, day);
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // The offset can differ at the guess (a DST change in between); one correction settles it.
  return midnightUtc - offsetAt(guess, timeZone);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The last `count` days up to and including today in `timeZone`, oldest first. */
export function lastLocalDays(count: number, timeZone: string, now = new Date()): LocalDay[] {
  const today = wallClock(now.getTime(), timeZone);
  const days: LocalDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - i));
    const next = new Date(Date.UTC(today.year, today.month - 1, today.day - i + 1));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    days.push({
      day: iso(y, m, d),
      start: new Date(startOfDate(y, m, d, timeZone)),
      end: new Date(startOfDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone)),
    });
  }
  return days;
}

/** Falls back to Asia/Tokyo (the product's home) when a stored zone is not valid. */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return "Asia/Tokyo";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "Asia/Tokyo";
  }
}
