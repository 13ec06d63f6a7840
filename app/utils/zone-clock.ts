// What a clock on the wall shows in a named time zone at a given instant, with Intl only — the
// one primitive behind meeting times (app/groups/time-zone.ts) and local calendar days in the
// workspace's charts (app/workspace/days.ts) — and whether Intl knows a zone at all (profile
// forms, stored zones). Formatters are slow to build, so one is kept per zone.

/** The product's home zone: where a person without a (valid) zone of their own is read. */
export const DEFAULT_TIME_ZONE = "Asia/Tokyo";

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know. */
export function partsFormatter(timeZone: string): Intl.DateTimeFormat {
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

export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour === 24 ? 0 : parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The wall clock as if it were UTC, in milliseconds: lets offsets be plain subtraction. */
export function wallMs(clock: WallClock): number {
  const ms = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  // Date.UTC maps years 0–99 to 1900–1999.
  return clock.year < 100 ? new Date(ms).setUTCFullYear(clock.year) : ms;
}

/** The zone's offset from UTC at `instant`, in milliseconds (Tokyo: +9 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallMs(wallClock(whole, timeZone)) - whole;
}

/** Building a formatter is the only portable validity check; partsFormatter keeps the one it built. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A stored zone if Intl knows it, else DEFAULT_TIME_ZONE. */
export function safeTimeZone(zone: string | null | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
