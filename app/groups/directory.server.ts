// Finding groups: the directory, a person's own groups, and suggestions (computed from their
// level and the topics of what they have been reading, or sent by CS staff).
import { getCatalog } from "~/content/catalog.server";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locales";
import { LEVELS, type Level } from "~/users/roles";

export type DirectoryFilters = { level: Level | null; topic: string | null; hasSeats: boolean };

export function directoryFiltersFromUrl(url: URL, topics: string[]): DirectoryFilters {
  const level = url.searchParams.get("level");
  const topic = url.searchParams.get("topic");
  return {
    level: (LEVELS as readonly string[]).includes(level ?? "") ? (level as Level) : null,
    topic: topic && topics.includes(topic) ? topic : null,
    hasSeats: url.searchParams.get("seats") === "1",
  };
}

export type GroupCard = Awaited<ReturnType<typeof groupCards>>[number];

/** Active groups with their seats taken, leaders and labels, in the reader's language. */
async function groupCards(where: Prisma.StudyGroupWhereInput, locale: Locale) {
  const topics = getCatalog().topics;
  const groups = await db.studyGroup.findMany({
    where,
    orderBy: [{ state: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      challenge: true,
      level: true,
      state: true,
      visibility: true,
      capacityPeople: true,
      capacityCompanies: true,
      topics: { select: { topic: true } },
      memberships: { where: { status: "active" }, select: { accountId: true, role: true, user: { select: { name: true } } } },
    },
  });
  return groups.map((g) => {
    const companies = new Set(g.memberships.map((m) => m.accountId ?? "none")).size;
    return {
      id: g.id,
      name: g.name,
      challenge: g.challenge,
      level: g.level as Level,
      state: g.state,
      visibility: g.visibility,
      topicIds: g.topics.map((t) => t.topic),
      topics: g.topics.map((t) => topics[t.topic]?.[locale] ?? t.topic),
      people: g.memberships.length,
      companies,
      capacityPeople: g.capacityPeople,
      capacityCompanies: g.capacityCompanies,
      // A seat for somebody from a new company: the common case for someone browsing.
      hasSeats: g.memberships.length < g.capacityPeople && companies < g.capacityCompanies,
      leaders: g.memberships.filter((m) => m.role === "leader").map((m) => m.user.name),
    };
  });
}

export async function listDirectory(filters: DirectoryFilters, locale: Locale) {
  const cards = await groupCards(
    { state: "active", ...(filters.level ? { level: filters.level } : {}), ...(filters.topic ? { topics: { some: { topic: filters.topic } } } : {}) },
    locale,
  );
  return filters.hasSeats ? cards.filter((c) => c.hasSeats) : cards;
}

/** The person's groups: where they are in, waiting, asking, or what they proposed. */
export async function myGroups(userId: string) {
  const memberships = await db.groupMembership.findMany({
    where: { userId, status: { in: ["active", "waitlisted", "requested"] } },
    select: { status: true, role: true, group: { select: { id: true, name: true, state: true } } },
    orderBy: { updatedAt: "desc" },
  });
  const proposals = await db.studyGroup.findMany({
    where: { proposedById: userId, state: { in: ["proposed", "declined"] } },
    select: { id: true, name: true, state: true, declineReason: true },
  });
  return { memberships, proposals };
}

/** Topic ids of the articles the person viewed or completed, most engaged first. */
async function engagedTopics(userId: string): Promise<Map<string, number>> {
  const events = await db.engagementEvent.findMany({
    where: { actorId: userId, subjectType: "article", type: { in: ["content.viewed", "content.completed"] } },
    select: { subjectId: true },
    take: 500,
    orderBy: { occurredAt: "desc" },
  });
  const catalog = getCatalog();
  const counts = new Map<string, number>();
  for (const { subjectId } of events) {
    for (const topic of catalog.byId.get(subjectId)?.topics ?? []) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return counts;
}

const LEVEL_RANK: Record<Level, number> = { beginner: 0, intermediate: 1, advanced: 2 };

/**
 * Up to three open groups for a member: same level first (beginners are never sent to advanced
 * groups, as in the source practice), then by overlap with topics they have been reading about.
 */
export async function suggestGroups(user: { id: string; level: string }, locale: Locale) {
  const level = user.level as Level;
  const [cards, topics, mine] = await Promise.all([
    groupCards({ state: "active" }, locale),
    engagedTopics(user.id),
    db.groupMembership.findMany({ where: { userId: user.id, status: { in: ["active", "waitlisted", "requested"] } }, select: { groupId: true } }),
  ]);
  const taken = new Set(mine.map((m) => m.groupId));
  return cards
    .filter((c) => !taken.has(c.id) && c.hasSeats && Math.abs(LEVEL_RANK[c.level] - LEVEL_RANK[level]) <= 1)
    .map((c) => ({
      card: c,
      score: (c.level === level ? 10 : 0) + c.topicIds.reduce((sum, topic) => sum + Math.min(5, topics.get(topic) ?? 0), 0),
    }))
    .sort((a, b) => b.score - a.score || a.card.name.localeCompare(b.card.name))
    .slice(0, 3)
    .map((s) => s.card);
}

/** Suggestions staff sent to this member that they have not answered yet. */
export async function pendingRecommendations(userId: string) {
  return db.groupRecommendation.findMany({
    where: { userId, response: null, group: { state: "active" } },
    select: { id: true, note: true, group: { select: { id: true, name: true, challenge: true } }, recommendedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function pendingProposals() {
  return db.studyGroup.findMany({
    where: { state: "proposed" },
    select: { id: true, name: true, challenge: true, level: true, createdAt: true, proposedBy: { select: { name: true, account: { select: { name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
}
