// Learning history for the demo: champions for the current year, and a believable spread of
// article views and completions over the last 60 days, so Learn pages (and, later, scoring) have
// something to show. Deterministic and keyed like real events, so re-running adds nothing.
import { getCatalog } from "~/content/catalog.server";
import type { ArticleMeta, Tier } from "~/content/model";
import { db } from "~/db.server";
import { idempotencyKeys } from "~/engagement/events";
import { recordEngagement } from "~/engagement/record.server";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEMO_CHAMPIONS = ["haruka.tanaka@sakura-commerce.example", "ryo.yoshida@hikari-soft.example"];
/** People the browser tests start from a clean learning record. */
const FRESH_LEARNERS = new Set(["aya.ito@sakura-commerce.example"]);
const TIER_RANK: Record<Tier, number> = { beginner: 0, intermediate: 1, advanced: 2 };

/** A small deterministic number from a string, so every seed run makes the same choices. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function seedLearning(now = new Date()) {
  const year = now.getUTCFullYear();
  for (const email of DEMO_CHAMPIONS) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) continue;
    await db.championTerm.upsert({
      where: { userId_cohort: { userId: user.id, cohort: year } },
      create: { userId: user.id, cohort: year, startsAt: new Date(Date.UTC(year, 0, 1)), endsAt: new Date(Date.UTC(year + 1, 0, 1)) },
      update: {},
    });
  }

  const catalog = getCatalog();
  const members = await db.user.findMany({
    where: { role: "member", accountId: { not: null }, email: { endsWith: ".example" }, NOT: { email: { startsWith: "scale" } } },
    select: { id: true, email: true, accountId: true, role: true, level: true, locale: true },
  });
  let completions = 0;
  for (const member of members) {
    if (FRESH_LEARNERS.has(member.email) || member.email.startsWith("e2e.")) continue;
    const reachable = catalog.articles.filter(
      (a: ArticleMeta) => a.locale === member.locale && a.visibility !== "champions" && TIER_RANK[a.tier] <= TIER_RANK[member.level as Tier],
    );
    const seed = hash(member.email);
    const reads = seed % (reachable.length + 1);
    for (let i = 0; i < reads; i++) {
      const article = reachable[(seed + i * 7) % reachable.length]!;
      // >>> keeps the shifted hash unsigned: a negative remainder would date the view in the future.
      const at = new Date(now.getTime() - ((seed >>> (i % 16)) % 60) * DAY_MS - i * 3_600_000);
      await recordEngagement({
        type: "content.viewed",
        actor: member,
        subjectType: "article",
        subjectId: article.id,
        idempotencyKey: idempotencyKeys.contentViewed(member.id, article.id, at),
        occurredAt: at,
        source: "seed",
      });
      if ((seed >> i) % 3 === 0) continue; // opened, not finished
      const done = await db.contentCompletion.upsert({
        where: { userId_articleId: { userId: member.id, articleId: article.id } },
        create: { userId: member.id, articleId: article.id, completedAt: at },
        update: {},
      });
      const added = await recordEngagement({
        type: "content.completed",
        actor: member,
        subjectType: "article",
        subjectId: article.id,
        idempotencyKey: idempotencyKeys.contentCompleted(member.id, article.id),
        occurredAt: done.completedAt,
        source: "seed",
      });
      if (added) completions++;
    }
  }
  console.log(`Learning: ${DEMO_CHAMPIONS.length} champions, ${completions} new completions across ${members.length} members.`);
}
