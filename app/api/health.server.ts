// The health numbers the API shows for a page of accounts, read from the stored daily snapshots
// (never computed here): the latest score within 90 days, and the scores 7 and 30 days before it
// with the same 7-day tolerance as the staff UI's "why this score" (app/scoring/read.server.ts).
// Two statements for any page size, each an index seek per account: the staff portfolio's
// listAccountHealth reads 90 days of sparkline per account, which the API does not need.
import { db } from "~/db.server";
import { countUnresolvedAlerts } from "~/alerts/alerts.server";
import type { Band } from "~/scoring/model";
import { TREND_DAYS } from "~/scoring/read.server";
import { dayKey, daysBefore, readTime, sqlTime, startOfUtcDay } from "~/scoring/time";

export type HealthSummary = { day: string; overall: number; band: Band; change7: number | null; change30: number | null; openAlerts: number };

/** Looks back `within` days from `back` days before the latest score, like snapshotOnOrBefore(). */
const REFERENCES = [
  { name: "change7", back: 7, within: 7 },
  { name: "change30", back: 30, within: 7 },
] as const;

export async function healthForAccounts(accountIds: string[], now = new Date()): Promise<Map<string, HealthSummary>> {
  const result = new Map<string, HealthSummary>();
  if (accountIds.length === 0) return result;
  const today = startOfUtcDay(now);
  const [latest, alerts] = await Promise.all([
    db.$queryRawUnsafe<Array<{ accountId: string; day: unknown; overall: number; band: string }>>(
      `SELECT j.value AS accountId, s.day AS day, s.overall AS overall, s.band AS band
       FROM json_each(?) j
       JOIN HealthSnapshot s ON s.accountId = j.value
         AND s.day = (SELECT MAX(h.day) FROM HealthSnapshot h WHERE h.accountId = j.value AND h.day > ? AND h.day <= ?)`,
      JSON.stringify(accountIds),
      sqlTime(daysBefore(today, TREND_DAYS)),
      sqlTime(today),
    ),
    countUnresolvedAlerts(accountIds),
  ]);
  if (latest.length === 0) return result;
  const lookups = latest.flatMap((row) => {
    const day = startOfUtcDay(readTime(row.day)!);
    return REFERENCES.map((ref) => ({ a: row.accountId, r: ref.name, from: sqlTime(daysBefore(day, ref.back + ref.within)), to: sqlTime(daysBefore(day, ref.back)) }));
  });
  const earlier = await db.$queryRawUnsafe<Array<{ accountId: string; ref: string; overall: number | null }>>(
    `SELECT json_extract(j.value, '$.a') AS accountId, json_extract(j.value, '$.r') AS ref,
       (SELECT h.overall FROM HealthSnapshot h
        WHERE h.accountId = json_extract(j.value, '$.a') AND h.day > json_extract(j.value, '$.from') AND h.day <= json_extract(j.value, '$.to')
        ORDER BY h.day DESC LIMIT 1) AS overall
     FROM json_each(?) j`,
    JSON.stringify(lookups),
  );
  const then = new Map(earlier.filter((e) => e.overall !== null).map((e) => [`${e.accountId}:${e.ref}`, Number(e.overall)]));
  for (const row of latest) {
    const overall = Number(row.overall);
    const change = (ref: string) => {
      const before = then.get(`${row.accountId}:${ref}`);
      return before === undefined ? null : overall - before;
    };
    result.set(row.accountId, {
      day: dayKey(readTime(row.day)!),
      overall,
      band: row.band as Band,
      change7: change("change7"),
      change30: change("change30"),
      openAlerts: alerts.get(row.accountId) ?? 0,
    });
  }
  return result;
}
