// Daily engagement counts for the activity charts: one indexed range probe per day, done inside
// SQLite (the day boundaries travel as one JSON parameter), so 90 days of a busy account cost one
// query and no rows are copied out beyond the 90 totals.
import { db } from "~/db.server";
import { STAFF_TOUCH_PREFIX } from "~/engagement/events";
import type { LocalDay } from "./days";
import { sqlTime, toNumber } from "./sql";

export type DailyActivity = {
  days: string[];
  events: number[];
  /** Distinct people active that day. */
  people: number[];
};

export type ActivityScope = { accountId: string } | { actorId: string };

export async function dailyActivity(scope: ActivityScope, days: readonly LocalDay[]): Promise<DailyActivity> {
  const bounds = JSON.stringify(days.map((d) => [sqlTime(d.start), sqlTime(d.end)]));
  const [column, id] = "accountId" in scope ? ["accountId", scope.accountId] : ["actorId", scope.actorId];
  const rows = await db.$queryRawUnsafe<Array<{ i: unknown; events: unknown; people: unknown }>>(
    `SELECT d.key AS i, COUNT(*) AS events, COUNT(DISTINCT e.actorId) AS people
     FROM json_each(?) d
     JOIN EngagementEvent e ON e.${column} = ?
       AND e.occurredAt >= json_extract(d.value, '$[0]') AND e.occurredAt < json_extract(d.value, '$[1]')
     WHERE e.type NOT LIKE '${STAFF_TOUCH_PREFIX}%'
     GROUP BY d.key`,
    bounds,
    id,
  );
  const events = days.map(() => 0);
  const people = days.map(() => 0);
  for (const row of rows) {
    const i = toNumber(row.i);
    events[i] = toNumber(row.events);
    people[i] = toNumber(row.people);
  }
  return { days: days.map((d) => d.day), events, people };
}
