// Public champion profiles: exactly the people the public directory (/champions) lists, i.e.
// members serving a term now who opted in to the directory. Their name, bio and expertise are
// public on their profile page; nothing else about them (company, terms, activity) is indexed.
// Terms also end (and renewals start) by the calendar, with no write to hook: the index is
// rebuilt for this kind every hour (version), and search re-checks every champion hit against the
// database before showing it (stillFindable), so nobody is offered once they stopped counting.
import { championHref, CHAMPION_LANGUAGES } from "~/champions/model";
import { activeTermFilter } from "~/champions/status.server";
import { championTimes } from "~/champions/terms";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locales";
import { docId, type SearchDocument } from "../model";
import { detectLocale, topicLabels, type DocumentSource } from "./source";

const BATCH = 500;
const HOUR_MS = 60 * 60 * 1000;

/** Who the directory lists right now. */
function listedNow(now: Date): Prisma.ChampionProfileWhereInput {
  return { listed: true, user: { role: "member", championTerms: { some: activeTermFilter(now) } } };
}

const select = {
  userId: true,
  bio: true,
  languages: true,
  topics: { select: { topic: true }, orderBy: { topic: "asc" } },
  user: { select: { name: true, championTerms: { select: { cohort: true, startsAt: true, endsAt: true, revokedAt: true } } } },
} satisfies Prisma.ChampionProfileSelect;

type Row = Prisma.ChampionProfileGetPayload<{ select: typeof select }>;

/** The language they help in; with both, the language their bio (or name) is written in. */
function localeOf(languages: string, text: string): Locale {
  const spoken = CHAMPION_LANGUAGES.filter((language) => languages.split(",").includes(language));
  return spoken.length === 1 ? spoken[0]! : detectLocale(text);
}

function toDocument(row: Row, now: Date): SearchDocument {
  const topics = row.topics.map((t) => t.topic);
  const expertise = topicLabels(topics);
  const bio = row.bio.trim();
  return {
    id: docId("champion", row.userId),
    type: "champion",
    key: row.userId,
    url: championHref(row.userId),
    title: row.user.name,
    body: [bio, expertise].filter(Boolean).join("\n"),
    tags: topics,
    tagText: expertise,
    locale: localeOf(row.languages, bio || row.user.name),
    tier: null,
    state: null,
    audience: "public",
    boost: 1,
    meta: { times: championTimes(row.user.championTerms.filter((t) => t.startsAt <= now)) },
  };
}

export const championSource: DocumentSource = {
  type: "champion",
  async *loadAll() {
    const now = new Date();
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.championProfile.findMany({
        where: listedNow(now),
        orderBy: { userId: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { userId: cursor }, skip: 1 } : {}),
        select,
      });
      if (rows.length === 0) return;
      yield rows.map((row) => toDocument(row, now));
      cursor = rows[rows.length - 1]!.userId;
    }
  },
  count: () => db.championProfile.count({ where: listedNow(new Date()) }),
  async loadOne(key) {
    const now = new Date();
    const row = await db.championProfile.findFirst({ where: { userId: key, ...listedNow(now) }, select });
    return row ? toDocument(row, now) : null;
  },
  maxAudience: () => 0,
  version: () => `hour:${Math.floor(Date.now() / HOUR_MS)}`,
  async stillFindable(keys) {
    const rows = await db.championProfile.findMany({ where: { userId: { in: keys }, ...listedNow(new Date()) }, select: { userId: true } });
    return new Set(rows.map((row) => row.userId));
  },
};
