// The staff view of one member: profile, learning progress by tier and path, study groups, Q&A
// and champion terms. Only people with the member role have such a page.
import { getCatalog } from "~/content/catalog.server";
import { pathProgress } from "~/content/library";
import { articleHref, TIERS, type Tier } from "~/content/model";
import { db } from "~/db.server";

export async function getMemberProfile(userId: string) {
  return db.user.findFirst({
    where: { id: userId, role: "member" },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      persona: true,
      level: true,
      locale: true,
      timeZone: true,
      reputation: true,
      createdAt: true,
      account: { select: { id: true, name: true } },
    },
  });
}

/** Completed articles per tier against what the library offers in the person's language. */
export function tierProgress(completedIds: ReadonlySet<string>, locale: string) {
  const catalog = getCatalog();
  return TIERS.map((tier: Tier) => {
    const inTier = catalog.articles.filter((a) => a.tier === tier);
    const done = inTier.filter((a) => completedIds.has(a.id));
    // Completed translations count too, so "done" never exceeds "total".
    const total = new Set([...inTier.filter((a) => a.locale === locale).map((a) => a.id), ...done.map((a) => a.id)]).size;
    return { tier, done: done.length, total };
  });
}

export async function memberLearning(userId: string, locale: string) {
  const catalog = getCatalog();
  const completions = await db.contentCompletion.findMany({
    where: { userId },
    orderBy: { completedAt: "desc" },
    select: { articleId: true, completedAt: true, via: true },
  });
  const completed = new Set(completions.map((c) => c.articleId));
  const paths = catalog.paths
    .filter((p) => p.locale === locale || p.items.some((id) => completed.has(id)))
    .map((p) => ({ id: p.id, title: p.title, progress: pathProgress(p, completed) }));
  const recent = completions.slice(0, 8).flatMap((c) => {
    const article = catalog.byId.get(c.articleId);
    return article ? [{ id: article.id, title: article.title, href: articleHref(article), tier: article.tier, completedAt: c.completedAt.toISOString(), via: c.via }] : [];
  });
  return { tiers: tierProgress(completed, locale), paths, recent, completedCount: completions.length };
}

export async function memberGroups(userId: string) {
  const rows = await db.groupMembership.findMany({
    where: { userId },
    orderBy: [{ status: "asc" }, { queuedAt: "desc" }],
    select: { id: true, role: true, status: true, joinedAt: true, group: { select: { id: true, name: true, state: true } } },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, status: r.status, joinedAt: r.joinedAt?.toISOString() ?? null, group: r.group }));
}

export async function memberQa(userId: string) {
  const [questionCount, answerCount, acceptedCount, questions, answers] = await Promise.all([
    db.question.count({ where: { authorId: userId } }),
    db.answer.count({ where: { authorId: userId } }),
    db.answer.count({ where: { authorId: userId, acceptedOn: { isNot: null } } }),
    db.question.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, state: true, answerCount: true, createdAt: true },
    }),
    db.answer.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, score: true, createdAt: true, acceptedOn: { select: { id: true } }, question: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    questionCount,
    answerCount,
    acceptedCount,
    questions: questions.map((q) => ({ ...q, createdAt: q.createdAt.toISOString() })),
    answers: answers.map((a) => ({ id: a.id, score: a.score, accepted: a.acceptedOn !== null, createdAt: a.createdAt.toISOString(), question: a.question })),
  };
}

export async function championTerms(userId: string, now = new Date()) {
  const terms = await db.championTerm.findMany({
    where: { userId },
    orderBy: { cohort: "desc" },
    select: { id: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true },
  });
  const current = terms.find((t) => !t.revokedAt && t.startsAt <= now && t.endsAt > now) ?? null;
  return {
    current: current ? { cohort: current.cohort } : null,
    terms: terms.map((t) => ({
      id: t.id,
      cohort: t.cohort,
      startsAt: t.startsAt.toISOString(),
      endsAt: t.endsAt.toISOString(),
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}

/** When the person last did anything recorded in the engagement log. */
export async function lastActiveAt(userId: string): Promise<string | null> {
  const last = await db.engagementEvent.findFirst({ where: { actorId: userId }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true } });
  return last?.occurredAt.toISOString() ?? null;
}
