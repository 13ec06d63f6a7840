// Time arithmetic of the scoring job. Everything is UTC: a "day" starts at midnight UTC.
export const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

/** YYYY-MM-DD of a UTC day. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A time as Prisma stores DateTime in SQLite ("2026-12-02T03:51:44.496+00:00"). Raw SQL compares
 * these as text, which orders correctly only when both sides have this exact shape.
 */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Reads a time that raw SQL returned: a Date, a stored text time, or null. */
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole days from `from` to `to`, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
