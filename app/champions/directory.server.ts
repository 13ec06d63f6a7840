// The public face of the program: the directory of champions who chose to be listed, and each
// champion's profile page (bio, expertise topics, languages, terms), which they edit themselves.
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { indexing } from "~/search/indexing.server";
import { isStaff } from "~/users/roles";
import { CHAMPION_LANGUAGES, LIMITS } from "./model";
import { activeTermFilter } from "./status.server";
import { championTimes, termStatus } from "./terms";

export type ChampionLanguage = (typeof CHAMPION_LANGUAGES)[number];
export type DirectoryFilters = { year: number | null; topic: string | null; language: ChampionLanguage | null };

export function directoryFiltersFromUrl(url: URL, topics: readonly string[]): DirectoryFilters {
  const year = Number(url.searchParams.get("year"));
  const topic = url.searchParams.get("topic");
  const language = url.searchParams.get("language");
  return {
    year: Number.isInteger(year) && year >= LIMITS.cohortMin && year <= LIMITS.cohortMax ? year : null,
    topic: topic && topics.includes(topic) ? topic : null,
    language: (CHAMPION_LANGUAGES as readonly string[]).includes(language ?? "") ? (language as ChampionLanguage) : null,
  };
}

export function parseLanguages(value: string): ChampionLanguage[] {
  return CHAMPION_LANGUAGES.filter((language) => value.split(",").includes(language));
}

/**
 * Listed champions: those serving now, or with `year`, those of that cohort (a past cohort's
 * champions stay listed as its record). Newest champions first within the same number of terms.
 */
export async function listDirectory(filters: DirectoryFilters, now = new Date()) {
  const termWhere: Prisma.ChampionTermWhereInput = filters.year ? { cohort: filters.year, revokedAt: null, startsAt: { lte: now } } : activeTermFilter(now);
  const rows = await db.championProfile.findMany({
    where: {
      listed: true,
      user: { role: "member", championTerms: { some: termWhere } },
      ...(filters.topic ? { topics: { some: { topic: filters.topic } } } : {}),
      ...(filters.language ? { languages: { contains: filters.language } } : {}),
    },
    select: {
      userId: true,
      bio: true,
      languages: true,
      topics: { select: { topic: true }, orderBy: { topic: "asc" } },
      user: {
        select: {
          name: true,
          title: true,
          account: { select: { name: true } },
          championTerms: { where: { revokedAt: null, startsAt: { lte: now } }, select: { cohort: true, startsAt: true, endsAt: true, revokedAt: true }, orderBy: { cohort: "asc" } },
        },
      },
    },
    take: 500,
  });
  const champions = rows.map((row) => {
    const terms = row.user.championTerms;
    return {
      userId: row.userId,
      name: row.user.name,
      title: row.user.title,
      company: row.user.account?.name ?? null,
      bio: row.bio,
      languages: parseLanguages(row.languages),
      topics: row.topics.map((t) => t.topic),
      cohorts: terms.map((t) => t.cohort),
      times: championTimes(terms),
      active: terms.some((t) => termStatus(t, now) === "active"),
      since: terms[0]?.startsAt ?? null,
    };
  });
  champions.sort((a, b) => b.times - a.times || a.name.localeCompare(b.name, "ja"));
  return champions;
}

/** Cohort years that have listed champions, newest first, for the year filter. */
export async function directoryYears(now = new Date()): Promise<number[]> {
  const rows = await db.championTerm.findMany({
    where: { revokedAt: null, startsAt: { lte: now }, user: { role: "member", championProfile: { listed: true } } },
    distinct: ["cohort"],
    select: { cohort: true },
    orderBy: { cohort: "desc" },
  });
  return rows.map((r) => r.cohort);
}

export type ProfileViewer = { id: string; role: string } | null;

/**
 * A champion's profile for `viewer`, or null (a 404) when the person has never been a champion,
 * or is not listed and the viewer is neither them nor staff.
 */
export async function loadChampionProfile(userId: string, viewer: ProfileViewer, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      title: true,
      role: true,
      locale: true,
      account: { select: { name: true } },
      championProfile: { select: { listed: true, bio: true, languages: true, topics: { select: { topic: true }, orderBy: { topic: "asc" } } } },
      championTerms: { select: { id: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true }, orderBy: [{ cohort: "asc" }, { startsAt: "asc" }] },
    },
  });
  if (!user || user.role !== "member" || user.championTerms.length === 0) return null;
  const self = viewer?.id === user.id;
  const staff = viewer !== null && isStaff(viewer.role);
  const listed = user.championProfile?.listed ?? false;
  if (!listed && !self && !staff) return null;
  const terms = user.championTerms.map((term) => ({ ...term, status: termStatus(term, now) }));
  // The public sees terms that were awarded and kept; staff and the champion see the whole history.
  const visibleTerms = self || staff ? terms : terms.filter((t) => t.status === "active" || t.status === "expired");
  const activeTerm = terms.find((t) => t.status === "active") ?? null;
  return {
    userId: user.id,
    name: user.name,
    title: user.title,
    company: user.account?.name ?? null,
    listed,
    bio: user.championProfile?.bio ?? "",
    languages: parseLanguages(user.championProfile?.languages ?? (user.locale === "en" ? "en" : "ja")),
    topics: user.championProfile?.topics.map((t) => t.topic) ?? [],
    terms: visibleTerms,
    times: championTimes(terms.filter((t) => t.status !== "upcoming")),
    active: activeTerm !== null,
    canEdit: self,
    revocableTermId: viewer?.role === "admin" && activeTerm ? activeTerm.id : null,
  };
}

export type ChampionProfileInput = { listed: boolean; bio: string; topics: string[]; languages: ChampionLanguage[] };

/** The champion edits their own profile; people who never were champions have none. */
export async function saveChampionProfile(userId: string, input: ChampionProfileInput): Promise<"ok" | "not-champion"> {
  const terms = await db.championTerm.count({ where: { userId } });
  if (terms === 0) return "not-champion";
  const data = {
    listed: input.listed,
    bio: input.bio.trim().slice(0, LIMITS.bioMax),
    languages: CHAMPION_LANGUAGES.filter((l) => input.languages.includes(l)).join(",") || "ja",
  };
  const topics = [...new Set(input.topics)].slice(0, LIMITS.topicsMax);
  await db.$transaction([
    db.championProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.championTopic.deleteMany({ where: { userId } }),
    db.championTopic.createMany({ data: topics.map((topic) => ({ userId, topic })) }),
  ]);
  await indexing.champion(userId);
  return "ok";
}
