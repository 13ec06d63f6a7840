// The straightforward way to gather one account's facts: load its rows with ordinary Prisma
// queries and add them up in JavaScript. The app never uses it. It is the reference the SQL
// aggregation in facts.server.ts is tested against (same numbers on the same data), and the
// naive per-account baseline the bench compares the full recompute with.
import { db } from "~/db.server";
import { PERSONAS, type Persona } from "~/users/roles";
import { emptyFacts, round2, type AccountFacts } from "./facts";
import type { ActorAggregate, ContentIndex } from "./facts.server";
import { CONTRIBUTION_TYPES, decayFactor, MEMBER_WINDOW_DAYS } from "./member-engagement";
import { DAY_MS, daysBefore, startOfUtcDay } from "./time";

export async function gatherAccountFactsNaive(
  accountId: string,
  asOf: Date,
  content: ContentIndex,
): Promise<{ facts: AccountFacts; actors: Map<string, ActorAggregate> } | null> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { plan: true, lifecycleStage: true, seatsLicensed: true } });
  if (!account) return null;
  const facts = emptyFacts({ plan: account.plan, stage: account.lifecycleStage, seats: account.seatsLicensed });
  const today = startOfUtcDay(asOf);
  const t30 = daysBefore(asOf, 30);
  const t90 = daysBefore(asOf, 90);
  const t120 = daysBefore(asOf, 120);

  const members = await db.user.findMany({ where: { accountId, role: "member" }, select: { id: true, persona: true } });
  const personaOf = new Map<string, Persona>();
  for (const m of members) {
    const persona = (PERSONAS as readonly string[]).includes(m.persona) ? (m.persona as Persona) : "practitioner";
    personaOf.set(m.id, persona);
    facts.members += 1;
    facts.personas[persona].total += 1;
  }

  const events = await db.engagementEvent.findMany({
    where: { accountId, occurredAt: { gt: daysBefore(asOf, MEMBER_WINDOW_DAYS), lte: asOf } },
    select: { actorId: true, type: true, weight: true, occurredAt: true },
  });
  const actors = new Map<string, ActorAggregate>();
  const engaged = new Set<string>();
  for (const e of events) {
    if (e.occurredAt > t30) facts.activity.weight30 += e.weight;
    else if (e.occurredAt > t120) facts.activity.weightPrior90 += e.weight;
    if (!facts.activity.lastEventAt || e.occurredAt.toISOString() > facts.activity.lastEventAt) facts.activity.lastEventAt = e.occurredAt.toISOString();
    if (e.occurredAt > t90) {
      if (e.type === "qa.asked") facts.community.asked90 += 1;
      if (e.type === "qa.answered") facts.community.answered90 += 1;
      if (e.type === "qa.answer_accepted") facts.community.acceptedAnswers90 += 1;
      if (e.type === "group.attended") facts.community.attended90 += 1;
      if (e.type === "group.posted") facts.community.posted90 += 1;
      if (e.weight > 0 && e.actorId && personaOf.has(e.actorId)) engaged.add(e.actorId);
    }
    if (!e.actorId) continue;
    const actor = actors.get(e.actorId) ?? { actorId: e.actorId, score: 0, contributions: 0, lastAt: null };
    actor.score += e.weight * decayFactor((asOf.getTime() - e.occurredAt.getTime()) / DAY_MS);
    if ((CONTRIBUTION_TYPES as readonly string[]).includes(e.type)) actor.contributions += 1;
    if (!actor.lastAt || e.occurredAt > actor.lastAt) actor.lastAt = e.occurredAt;
    actors.set(e.actorId, actor);
  }
  facts.activity.weight30 = round2(facts.activity.weight30);
  facts.activity.weightPrior90 = round2(facts.activity.weightPrior90);
  facts.engaged90 = engaged.size;
  for (const id of engaged) facts.personas[personaOf.get(id)!].engaged += 1;
  if (!facts.activity.lastEventAt) {
    const last = await db.engagementEvent.findFirst({ where: { accountId, occurredAt: { lte: asOf } }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true } });
    facts.activity.lastEventAt = last?.occurredAt.toISOString() ?? null;
  }

  const usage = await db.accountUsageDay.findMany({ where: { accountId, day: { lt: today } }, select: { day: true, activeUsers: true, featureCounts: true } });
  if (usage.length) {
    const d30 = daysBefore(today, 30);
    const d120 = daysBefore(today, 120);
    const recent = usage.filter((u) => u.day >= d30);
    const before = usage.filter((u) => u.day >= d120 && u.day < d30);
    const features = new Set<string>();
    for (const u of recent) {
      try {
        for (const [key, value] of Object.entries(JSON.parse(u.featureCounts) as Record<string, number>)) if (value > 0) features.add(key);
      } catch {
        // Malformed counts add nothing, as in the SQL version.
      }
    }
    const active = usage.filter((u) => u.activeUsers > 0).map((u) => u.day.getTime());
    facts.usage = {
      hasData: true,
      days30: recent.length,
      avgActive30: round2(recent.reduce((s, u) => s + u.activeUsers, 0) / 30),
      minActive30: recent.length < 30 ? 0 : Math.min(...recent.map((u) => u.activeUsers)),
      avgActivePrior90: round2(before.reduce((s, u) => s + u.activeUsers, 0) / 90),
      featuresUsed30: [...features].sort(),
      lastActiveDay: active.length ? new Date(Math.max(...active)).toISOString().slice(0, 10) : null,
    };
  }

  const completions = await db.contentCompletion.findMany({
    where: { completedAt: { lte: asOf }, user: { accountId, role: "member" } },
    select: { userId: true, articleId: true },
  });
  const topRank = new Map<string, number>();
  const done = new Map<string, Set<string>>();
  for (const c of completions) {
    topRank.set(c.userId, Math.max(topRank.get(c.userId) ?? 0, content.tierRank[c.articleId] ?? 1));
    done.set(c.userId, (done.get(c.userId) ?? new Set()).add(c.articleId));
  }
  facts.learning.learners = topRank.size;
  facts.learning.distinctItems = new Set(completions.map((c) => c.articleId)).size;
  for (const rank of topRank.values()) facts.learning.topTier[rank >= 3 ? "advanced" : rank === 2 ? "intermediate" : "beginner"] += 1;
  for (const kind of ["onboarding", "advanced"] as const) {
    const started = new Set<string>();
    const completed = new Set<string>();
    for (const path of content.paths.filter((p) => p.kind === kind)) {
      for (const [userId, items] of done) {
        const count = path.items.filter((i) => items.has(i)).length;
        if (count > 0) started.add(userId);
        if (count >= path.items.length) completed.add(userId);
      }
    }
    if (kind === "onboarding") {
      facts.learning.onboardingStarted = started.size;
      facts.learning.onboardingCompleted = completed.size;
    } else facts.learning.advancedPathCompleted = completed.size;
  }

  const groups = await db.groupMembership.findMany({
    where: { status: "active", user: { accountId, role: "member" }, OR: [{ joinedAt: null }, { joinedAt: { lte: asOf } }] },
    select: { userId: true },
  });
  facts.community.groupMembers = new Set(groups.map((g) => g.userId)).size;
  const terms = await db.championTerm.findMany({
    where: { user: { accountId }, startsAt: { lte: asOf }, endsAt: { gt: asOf }, OR: [{ revokedAt: null }, { revokedAt: { gt: asOf } }] },
    select: { userId: true },
  });
  facts.community.activeChampions = new Set(terms.map((t) => t.userId)).size;
  return { facts, actors };
}
