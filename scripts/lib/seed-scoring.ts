// Scoring for the demo: 90 days of product usage per demo account (most of them healthy, one
// growing, one new without data, and つばめデザイン going quiet ahead of its renewal), then the
// scoring job replayed day by day so the demo has trends, stage hand-offs and alerts, and a
// final full run for today. Deterministic and re-run safe: usage days are upserted, snapshots
// replaced, alerts and stage moves de-duplicated.
import { db } from "~/db.server";
import { recomputeAccounts, recomputeAll } from "~/scoring/recompute.server";
import { applyUsageRows, type UsageRow } from "~/scoring/usage-import.server";
import { DAY_MS, startOfUtcDay } from "~/scoring/time";
import { DEMO_ACCOUNTS } from "./demo-data";
import { createProgress } from "./progress";

const HISTORY_DAYS = 90;
/** Alerts and stage moves are replayed for the last weeks only; older days just get snapshots. */
const SIDE_EFFECT_DAYS = 35;

type Profile = {
  /** Active users a day, by days before today. */
  active: (daysAgo: number) => number;
  features: string[];
  /** Days of history (newer accounts have less). */
  since: number;
};

const ALL = ["email", "scoring", "forms", "landing_pages", "workflows", "reports"];

/** Usage profiles by the demo account's domain; an account without one has no usage data yet. */
const PROFILES: Record<string, Profile> = {
  "sakura-commerce.example": { active: () => 44, features: ALL, since: HISTORY_DAYS },
  "hokuto-logi.example": { active: () => 15, features: ["email", "scoring", "forms", "reports"], since: HISTORY_DAYS },
  // Growing: from 6 to 22 active users over the quarter.
  "hikari-soft.example": { active: (d) => Math.round(22 - (16 * d) / HISTORY_DAYS), features: ["email", "forms", "landing_pages"], since: HISTORY_DAYS },
  // Going quiet: busy until 50 days ago, fading over two weeks, silent for the last five weeks.
  "tsubame-design.example": { active: (d) => (d > 50 ? 4 : d > 36 ? Math.round((4 * (d - 36)) / 14) : 0), features: ["email", "forms"], since: HISTORY_DAYS },
  "aoba-edu.example": { active: () => 5, features: ["email"], since: 40 },
  "northwind-analytics.example": { active: () => 68, features: ALL, since: HISTORY_DAYS },
  "bluefin-travel.example": { active: (d) => (d > 30 ? 13 : 10), features: ["email", "scoring", "workflows"], since: HISTORY_DAYS },
  "kestrel-mfg.example": { active: () => 24, features: ["email", "scoring", "forms", "reports"], since: HISTORY_DAYS },
  "yamabiko-re.example": { active: () => 5, features: ["email", "landing_pages"], since: HISTORY_DAYS },
  // Slipping ahead of its renewal: six of eight seats in use until four weeks ago, then about
  // one. The drop falls inside the replayed weeks, so the account turns red with an alert for
  // its owner (the workspace journey in tests/e2e/workspace.spec.ts relies on both).
  "shinonome-foods.example": { active: (d) => (d > 28 ? 6 : 1), features: ["email", "forms"], since: 60 },
  "iroha-pub.example": { active: () => 9, features: ["email", "scoring", "forms", "workflows", "reports"], since: HISTORY_DAYS },
  // lumen-health.example signed recently: no usage imported yet.
};

/** A small deterministic wobble, so the lines are not flat. */
function wobble(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 5) - 2;
}

export async function seedScoring(now = new Date()) {
  const today = startOfUtcDay(now);
  const accounts = await db.accountDomain.findMany({ where: { domain: { in: DEMO_ACCOUNTS.map((a) => a.domain) } }, select: { domain: true, accountId: true } });
  const rows: UsageRow[] = [];
  for (const { domain, accountId } of accounts) {
    const profile = PROFILES[domain];
    if (!profile) continue;
    for (let d = profile.since; d >= 1; d--) {
      const day = new Date(today.getTime() - d * DAY_MS);
      const base = profile.active(d);
      const activeUsers = base === 0 ? 0 : Math.max(0, base + wobble(`${domain}:${d}`));
      const featureCounts = Object.fromEntries(activeUsers === 0 ? [] : profile.features.map((f, i) => [f, Math.max(1, activeUsers * (6 - i) + wobble(`${domain}:${f}:${d}`))]));
      rows.push({ line: rows.length + 2, accountId, day, activeUsers, featureCounts });
    }
  }
  await applyUsageRows(rows, { source: "seed" });

  // Replay the daily job for the demo accounts, oldest day first, at this time of day.
  const ids = accounts.map((a) => a.accountId);
  const progress = createProgress("scoring", HISTORY_DAYS);
  for (let d = HISTORY_DAYS - 1; d >= 1; d--) {
    await recomputeAccounts(ids, { now: new Date(now.getTime() - d * DAY_MS), sideEffects: d <= SIDE_EFFECT_DAYS });
    progress.update(HISTORY_DAYS - d);
  }
  const stats = await recomputeAll({ now });
  progress.done();
  const [red, alerts, moves] = await Promise.all([
    db.healthSnapshot.count({ where: { day: today, band: "red", accountId: { in: ids } } }),
    db.healthAlert.count({ where: { accountId: { in: ids }, status: { not: "resolved" } } }),
    db.accountStageChange.count({ where: { accountId: { in: ids } } }),
  ]);
  console.log(`Scoring: ${rows.length} usage days, ${stats.accounts} accounts scored today (${red} red), ${alerts} open alerts, ${moves} stage hand-offs on record.`);
}
