// The nominee's record, attached to a nomination automatically: a snapshot taken when the
// nomination is made, so reviewers judge what the nominator saw even if the record changes later.
import { getCatalog } from "~/content/catalog.server";
import type { Tier } from "~/content/model";
import { db } from "~/db.server";

const DAY_MS = 24 * 60 * 60 * 1000;
const RECENT_DAYS = 90;

export type EvidenceSnapshot = {
  version: 1;
  takenAt: string;
  content: { beginner: number; intermediate: number; advanced: number; other: number; total: number };
  qa: { questions: number; answers: number; acceptedAnswers: number };
  groups: { joined: number; led: number; names: string[] };
  meetings: { attended: number };
  reputation: number;
  /** Engagement events of the last 90 days and their summed weight. */
  engagement: { recentEvents: number; recentWeight: number; days: number };
  /** Earlier champion terms (cohort years), oldest first. */
  championCohorts: number[];
};

/** Looks up an article's tier; the default reads the compiled content catalogue. */
export type TierOf = (articleId: string) => Tier | null;

function catalogTierOf(): TierOf {
  const catalog = getCatalog();
  return (articleId) => catalog.byId.get(articleId)?.tier ?? null;
}

export async function takeEvidenceSnapshot(userId: string, options: { now?: Date; tierOf?: TierOf } = {}): Promise<EvidenceSnapshot> {
  const now = options.now ?? new Date();
  const tierOf = options.tierOf ?? catalogTierOf();
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const [user, completions, questions, answers, acceptedAnswers, memberships, attended, recent, terms] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { reputation: true } }),
    db.contentCompletion.findMany({ where: { userId, completedAt: { lte: now } }, select: { articleId: true } }),
    db.question.count({ where: { authorId: userId, state: { not: "hidden" }, createdAt: { lte: now } } }),
    db.answer.count({ where: { authorId: userId, hiddenAt: null, createdAt: { lte: now } } }),
    db.answer.count({ where: { authorId: userId, hiddenAt: null, createdAt: { lte: now }, acceptedOn: { isNot: null } } }),
    db.groupMembership.findMany({
      where: { userId, joinedAt: { not: null, lte: now }, status: { in: ["active", "left"] } },
      select: { role: true, status: true, group: { select: { name: true } } },
      orderBy: { joinedAt: "asc" },
    }),
    db.meetingAttendance.count({ where: { userId, attended: true, meeting: { startsAt: { lte: now } } } }),
    db.engagementEvent.aggregate({ where: { actorId: userId, occurredAt: { gt: since, lte: now } }, _count: true, _sum: { weight: true } }),
    db.championTerm.findMany({ where: { userId, revokedAt: null, startsAt: { lte: now } }, select: { cohort: true }, orderBy: { cohort: "asc" } }),
  ]);

  const content = { beginner: 0, intermediate: 0, advanced: 0, other: 0, total: completions.length };
  for (const { articleId } of completions) content[tierOf(articleId) ?? "other"] += 1;

  return {
    version: 1,
    takenAt: now.toISOString(),
    content,
    qa: { questions, answers, acceptedAnswers },
    groups: {
      joined: memberships.length,
      // Leading counts while they still lead; a leader who left led before, which also counts.
      led: memberships.filter((m) => m.role === "leader").length,
      names: memberships.map((m) => m.group.name),
    },
    meetings: { attended },
    reputation: user.reputation,
    engagement: { recentEvents: recent._count, recentWeight: Math.round((recent._sum.weight ?? 0) * 10) / 10, days: RECENT_DAYS },
    championCohorts: terms.map((t) => t.cohort),
  };
}

/** Reads a stored snapshot; a damaged one reads as null and the page says so instead of failing. */
export function parseSnapshot(json: string): EvidenceSnapshot | null {
  try {
    const value = JSON.parse(json) as Partial<EvidenceSnapshot> | null;
    if (!value || value.version !== 1 || !value.content || !value.qa || !value.groups || !value.meetings || !value.engagement) return null;
    return value as EvidenceSnapshot;
  } catch {
    return null;
  }
}
