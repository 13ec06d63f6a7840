// Small helpers for the workspace's hand-written SQL (aggregates and sorts Prisma cannot express).

/**
 * A timestamp the way the better-sqlite3 adapter stores DateTime columns ("…T…+00:00" text), so
 * range comparisons in raw SQL compare like with like.
 */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Escapes LIKE wildcards; use with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `?, ?, ?` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/** SQLite COUNT() arrives as a bigint (or a string from the adapter); the app wants numbers. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return 0;
}

/** Splits a long id list so no statement binds more variables than SQLite allows. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A DateTime column from a raw query (a Date, or the stored text) as a Date. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(String(value));
}
