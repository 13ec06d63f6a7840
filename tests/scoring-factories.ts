// Builders for scoring scenarios: accounts with members, events at given times, product usage
// days, completions and champion terms. Shared by the scoring, lifecycle and alert tests.
import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { EVENT_TYPES, type EventType } from "~/engagement/events";
import type { ContentIndex } from "~/scoring/facts.server";
import { DAY_MS, startOfUtcDay } from "~/scoring/time";
import { upsertAccount, upsertUser } from "./factories";

/** A small library: two beginner items form the onboarding path, two advanced ones the advanced path. */
export const TEST_CONTENT: ContentIndex = {
  tierRank: { "en/start-1": 1, "en/start-2": 1, "en/middle": 2, "en/deep-1": 3, "en/deep-2": 3 },
  paths: [
    { id: "en/onboarding", kind: "onboarding", items: ["en/start-1", "en/start-2"] },
    { id: "en/scoring-design", kind: "advanced", items: ["en/deep-1", "en/deep-2"] },
  ],
};

/** A fixed "now" for deterministic tests: 2026-11-15 12:00 UTC. */
export const NOW = new Date(Date.UTC(2026, 10, 15, 12));

export const daysAgo = (days: number, from = NOW) => new Date(from.getTime() - days * DAY_MS);

let n = 0;

export async function scoringAccount(spec: { name?: string; seats?: number; plan?: "starter" | "growth" | "enterprise"; stage?: string; ownerId?: string | null; renewalDate?: Date | null } = {}) {
  n += 1;
  const account = await upsertAccount({
    name: spec.name ?? `Account ${n}`,
    domains: [`scoring-${n}-${randomUUID().slice(0, 8)}.example`],
    seatsLicensed: spec.seats ?? 10,
    plan: spec.plan ?? "growth",
    lifecycleStage: spec.stage ?? "L05",
    ownerId: spec.ownerId ?? null,
    renewalDate: spec.renewalDate ?? null,
  });
  return account;
}

export async function staffMember(name = "CS Owner", locale: "ja" | "en" = "ja") {
  n += 1;
  return upsertUser({ email: `cs-${n}-${randomUUID().slice(0, 8)}@kizuna.test`, name, role: "cs", locale });
}

export async function memberOf(accountId: string, persona: "practitioner" | "manager" | "executive" = "practitioner", name?: string) {
  n += 1;
  return upsertUser({ email: `m-${n}-${randomUUID().slice(0, 8)}@member.test`, name: name ?? `Member ${n}`, accountId, persona });
}

export async function event(actor: { id: string; accountId: string | null }, type: EventType, at: Date, weight?: number) {
  return db.engagementEvent.create({
    data: {
      type,
      actorId: actor.id,
      accountId: actor.accountId,
      subjectType: "test",
      subjectId: randomUUID(),
      weight: weight ?? EVENT_TYPES[type].weight,
      occurredAt: at,
      recordedAt: at,
      idempotencyKey: randomUUID(),
      source: "seed",
    },
  });
}

/** Usage for every day from `fromDaysAgo` to `toDaysAgo` (inclusive, counted back from NOW's day). */
export async function usageDays(accountId: string, fromDaysAgo: number, toDaysAgo: number, activeUsers: number | ((daysAgo: number) => number), features: Record<string, number> = {}, from = NOW) {
  const today = startOfUtcDay(from);
  const rows = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d--) {
    rows.push({
      accountId,
      day: new Date(today.getTime() - d * DAY_MS),
      activeUsers: typeof activeUsers === "function" ? activeUsers(d) : activeUsers,
      featureCounts: JSON.stringify(features),
      source: "seed",
    });
  }
  await db.accountUsageDay.createMany({ data: rows });
}

export async function completion(userId: string, articleId: string, at: Date) {
  return db.contentCompletion.create({ data: { userId, articleId, completedAt: at } });
}

export async function championTerm(userId: string, at = NOW) {
  const year = at.getUTCFullYear();
  return db.championTerm.create({ data: { userId, cohort: year, startsAt: new Date(Date.UTC(year, 0, 1)), endsAt: new Date(Date.UTC(year + 1, 0, 1)) } });
}
