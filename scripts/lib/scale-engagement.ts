// Engagement for the scale data set (scripts/lib/scale.ts): 90 days of events at the PRODUCT.md
// rate (5,000,000 a year is ~1.2 million per 90 days; this writes about 0.8 million, uneven across
// accounts, one very busy), plus a current champion term for every 50th member. Without it the
// workspace benchmarks would time empty indexes. Deterministic keys: a re-run adds nothing.
// Days are relative to the first run; delete data/bench.db to move the window to today.
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { createProgress } from "./progress";
import { SCALE } from "./scale";

const DAYS = 90;
const DAY_MS = 86_400_000;
const BATCH = 5_000;
export const BUSY_ACCOUNT = 7;
const key = (account: number, day: number, n: number) => `scale-bench:${account}:${day}:${n}`;

const TYPES = [
  "content.viewed",
  "content.viewed",
  "content.viewed",
  "content.completed",
  "qa.voted",
  "qa.asked",
  "qa.answered",
  "group.rsvp",
  "group.posted",
  "video.watched",
] as const;
const WEIGHTS: Record<(typeof TYPES)[number], number> = {
  "content.viewed": 1,
  "content.completed": 3,
  "qa.voted": 0.5,
  "qa.asked": 2,
  "qa.answered": 4,
  "group.rsvp": 1,
  "group.posted": 2,
  "video.watched": 3,
};
const ARTICLES = ["ja/first-30-days", "ja/lead-scoring-basics", "ja/health-check-basics", "ja/scoring-model-design", "en/first-30-days", "en/renewal-risk-playbook"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Events per day for account i: 0–9 for most, 40 for the busy one the account-page bench opens. */
function perDay(account: number): number {
  return account === BUSY_ACCOUNT ? 40 : account % 10;
}

async function hasKey(idempotencyKey: string) {
  return (await db.engagementEvent.findUnique({ where: { idempotencyKey }, select: { id: true } })) !== null;
}

export async function seedScaleEngagement(now = new Date()) {
  await seedScaleChampions(now);
  const lastAccount = SCALE.accounts - 1;
  // The last row written is the proof that a run finished; a run cut short is redone from scratch.
  if (await hasKey(key(lastAccount, DAYS - 1, perDay(lastAccount) - 1))) return;
  if (await hasKey(key(0, 0, 0)) || (await hasKey(key(1, 0, 0)))) {
    await db.engagementEvent.deleteMany({ where: { idempotencyKey: { startsWith: "scale-bench:" } } });
  }
  const start = Math.floor(now.getTime() / DAY_MS) * DAY_MS - (DAYS - 1) * DAY_MS;
  const membersPerAccount = Math.floor(SCALE.members / SCALE.accounts);
  let total = 0;
  for (let a = 0; a < SCALE.accounts; a++) total += perDay(a) * DAYS;
  const progress = createProgress("events", total);
  let rows: Prisma.EngagementEventCreateManyInput[] = [];
  let written = 0;
  const flush = async () => {
    if (!rows.length) return;
    await db.engagementEvent.createMany({ data: rows });
    written += rows.length;
    rows = [];
    progress.update(written);
  };
  for (let a = 0; a < SCALE.accounts; a++) {
    const accountId = `scale_acc_${pad(a, 4)}`;
    for (let d = 0; d < DAYS; d++) {
      for (let n = 0; n < perDay(a); n++) {
        const seq = a * 7919 + d * 104729 + n * 31;
        // Members of account a are scale_usr_{a + k·2000}; a few of them do most of the work.
        const member = a + (((seq % 7) * (seq % 5)) % membersPerAccount) * SCALE.accounts;
        const type = TYPES[seq % TYPES.length]!;
        rows.push({
          type,
          actorId: `scale_usr_${pad(member, 5)}`,
          accountId,
          subjectType: "article",
          subjectId: ARTICLES[seq % ARTICLES.length]!,
          weight: WEIGHTS[type],
          occurredAt: new Date(Math.min(now.getTime() - 1000, start + d * DAY_MS + ((seq * 9973) % DAY_MS))),
          idempotencyKey: key(a, d, n),
          source: "seed",
        });
        if (rows.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  progress.done();
}

async function seedScaleChampions(now: Date) {
  const year = now.getUTCFullYear();
  const champions = [];
  for (let i = 0; i < SCALE.members; i += 50) {
    champions.push({
      userId: `scale_usr_${pad(i, 5)}`,
      cohort: year,
      startsAt: new Date(Date.UTC(year, 0, 1)),
      endsAt: new Date(Date.UTC(year + 1, 0, 1)),
    });
  }
  const existing = new Set((await db.championTerm.findMany({ where: { cohort: year, userId: { startsWith: "scale_usr_" } }, select: { userId: true } })).map((t) => t.userId));
  await db.championTerm.createMany({ data: champions.filter((c) => !existing.has(c.userId)) });
}
