// What the staff account page shows, apart from the timeline and the lists that have their own
// module: the account's facts, its people with their recent activity, and the choices offered
// by the recommendation forms.
import { getCatalog } from "~/content/catalog.server";
import { db } from "~/db.server";
import { activeUsersByAccount } from "./portfolio.server";
import { chunks, placeholders, sqlTime, toDate, toNumber } from "./sql";

const DAY_MS = 86_400_000;
export const MEMBER_ACTIVITY_DAYS = 90;

export async function getAccountOverview(id: string) {
  return db.account.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      plan: true,
      seatsLicensed: true,
      arr: true,
      renewalDate: true,
      lifecycleStage: true,
      owner: { select: { name: true } },
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
}

export type MemberActivityRow = {
  id: string;
  name: string;
  email: string;
  title: string;
  persona: string;
  level: string;
  /** ISO timestamp of the person's latest engagement event, if any. */
  lastActiveAt: string | null;
  events90: number;
  champion: boolean;
};

/** The account's people with last activity, 90-day event count and champion badge (three grouped queries). */
export async function membersWithActivity(accountId: string, now = new Date()): Promise<MemberActivityRow[]> {
  const members = await db.user.findMany({
    where: { accountId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, title: true, persona: true, level: true },
  });
  if (members.length === 0) return [];
  const since = sqlTime(new Date(now.getTime() - MEMBER_ACTIVITY_DAYS * DAY_MS));
  const at = sqlTime(now);
  const counts = new Map<string, number>();
  const last = new Map<string, string>();
  const champions = new Set<string>();
  const recent = await db.$queryRawUnsafe<Array<{ actorId: string; n: unknown }>>(
    "SELECT actorId, COUNT(*) AS n FROM EngagementEvent WHERE accountId = ? AND occurredAt >= ? AND actorId IS NOT NULL GROUP BY actorId",
    accountId,
    since,
  );
  for (const row of recent) counts.set(row.actorId, toNumber(row.n));
  for (const part of chunks(members.map((m) => m.id))) {
    const [lastRows, championRows] = await Promise.all([
      db.$queryRawUnsafe<Array<{ actorId: string; at: unknown }>>(
        `SELECT actorId, MAX(occurredAt) AS at FROM EngagementEvent WHERE actorId IN (${placeholders(part.length)}) GROUP BY actorId`,
        ...part,
      ),
      db.$queryRawUnsafe<Array<{ userId: string }>>(
        `SELECT DISTINCT userId FROM ChampionTerm WHERE userId IN (${placeholders(part.length)}) AND revokedAt IS NULL AND startsAt <= ? AND endsAt > ?`,
        ...part,
        at,
        at,
      ),
    ]);
    for (const row of lastRows) last.set(row.actorId, toDate(row.at).toISOString());
    for (const row of championRows) champions.add(row.userId);
  }
  return members.map((m) => ({
    ...m,
    lastActiveAt: last.get(m.id) ?? null,
    events90: counts.get(m.id) ?? 0,
    champion: champions.has(m.id),
  }));
}

/** People of the account active in the last 30 days (the members table has the rest). */
export async function accountActiveUsers(accountId: string, now = new Date()): Promise<number> {
  return (await activeUsersByAccount([accountId], now)).get(accountId) ?? 0;
}

/** Articles a CSM can recommend, in a stable order: locale, tier, title. */
export function articleChoices() {
  const tierRank = { beginner: 0, intermediate: 1, advanced: 2 } as const;
  return getCatalog()
    .articles.slice()
    .sort((a, b) => a.locale.localeCompare(b.locale) || tierRank[a.tier] - tierRank[b.tier] || a.title.localeCompare(b.title))
    .map((a) => ({ id: a.id, title: a.title, locale: a.locale, tier: a.tier, championsOnly: a.visibility === "champions" }));
}

export async function activeGroupChoices() {
  return db.studyGroup.findMany({ where: { state: "active" }, orderBy: { name: "asc" }, select: { id: true, name: true, level: true } });
}
