// The activity half of the PRODUCT.md scale set: 5,000,000 engagement events over a year for
// the 50,000 scale members, 120 days of product usage for the 2,000 scale accounts, content
// completions and champion terms. Every row is a function of its number, computed by SQLite
// itself (INSERT … SELECT over a counter), so generation is fast and deterministic; rows have
// fixed ids, so a re-run inserts only what is missing. Dates count back from SCALE_NOW, a fixed
// moment: the bench scores "as of" it. It is the only source of scale events: the workspace,
// search and scoring benches all read this set.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databaseFilePath } from "~/db-path.js";
import { getCatalog } from "~/content/catalog.server";
import { createProgress } from "./progress";

export const SCALE_EVENTS = 5_000_000;
/** The scale set's "now": events, usage and completions lie before it. */
export const SCALE_NOW = new Date("2026-12-01T09:00:00.000Z");
/**
 * The account the workspace account-page bench opens. Events spread evenly over the accounts
 * (about 2,500 a year each, some 1,000 of them in the last 90 days) except that every tenth
 * account went quiet 60 days ago; this one is not one of those.
 */
export const BUSY_ACCOUNT = 7;
const CHUNK = 250_000;
const ACCOUNTS = 2_000;
const MEMBERS = 50_000;
const DAY_SECONDS = 86_400;

/** Event mix per 100 draws, with each type's weight (app/engagement/events.ts). */
const MIX: Array<[type: string, weight: number, share: number]> = [
  ["content.viewed", 1, 50],
  ["content.completed", 3, 15],
  ["video.watched", 3, 5],
  ["group.rsvp", 1, 5],
  ["group.attended", 5, 5],
  ["group.posted", 2, 4],
  ["qa.asked", 2, 6],
  ["qa.answered", 4, 6],
  ["qa.answer_accepted", 6, 2],
  ["qa.voted", 0.5, 2],
];

function caseOver(draw: string, pick: (entry: (typeof MIX)[number]) => string): string {
  let upTo = 0;
  const arms = MIX.map((entry) => {
    upTo += entry[2];
    return `WHEN ${draw} < ${upTo} THEN ${pick(entry)}`;
  });
  return `CASE ${arms.join(" ")} END`;
}

/** SQLite text time in Prisma's stored shape ("…T09:00:00.000+00:00") from unix seconds. */
const isoFromSeconds = (seconds: string) => `strftime('%Y-%m-%dT%H:%M:%S', ${seconds}, 'unixepoch') || '.000+00:00'`;

function open() {
  const sqlite = new Database(databaseFilePath(), { timeout: 30_000 });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  // The secondary indexes take random inserts; keeping their pages in memory is what makes it fast.
  sqlite.pragma("cache_size = -1500000");
  sqlite.pragma("temp_store = MEMORY");
  return sqlite;
}

export async function seedScaleActivity() {
  const sqlite = open();
  try {
    retireOldScaleRows(sqlite);
    seedEvents(sqlite);
    seedUsage(sqlite);
    seedCompletions(sqlite);
    seedChampions(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Bench databases built before this file was the only scale source also hold a second, smaller
 * event set (keys "scale-bench:…") and champion terms for every 50th member (ids not "sct_…").
 * Removes them once, so an old database holds what a new one would. Cheap when there are none.
 */
export function retireOldScaleSet() {
  const sqlite = open();
  try {
    retireOldScaleRows(sqlite);
  } finally {
    sqlite.close();
  }
}

function retireOldScaleRows(sqlite: Database.Database) {
  const events = sqlite.prepare("SELECT COUNT(*) AS n FROM EngagementEvent WHERE idempotencyKey >= 'scale-bench:' AND idempotencyKey < 'scale-bench;'").get() as { n: number };
  if (events.n > 0) {
    const started = Date.now();
    sqlite.prepare("DELETE FROM EngagementEvent WHERE idempotencyKey >= 'scale-bench:' AND idempotencyKey < 'scale-bench;'").run();
    console.log(`events: removed ${events.n.toLocaleString()} from the retired scale-engagement set in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const oldTerms = "SELECT id FROM ChampionTerm WHERE userId >= 'scale_usr_' AND userId < 'scale_usr`' AND id NOT LIKE 'sct\\_%' ESCAPE '\\'";
  const terms = sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM ChampionTermAccount WHERE termId IN (${oldTerms})`).run();
    return sqlite.prepare(`DELETE FROM ChampionTerm WHERE id IN (${oldTerms})`).run().changes;
  })();
  if (terms > 0) console.log(`champions: removed ${terms.toLocaleString()} terms from the retired scale-engagement set`);
}

type IndexDef = { name: string; sql: string };

/** Where the event log's index definitions wait while a bulk load runs without them. */
const pendingIndexesFile = () => `${databaseFilePath()}.scale-indexes.json`;

function restoreIndexes(sqlite: Database.Database, indexes: IndexDef[]) {
  const existing = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string }>).map((r) => r.name));
  for (const index of indexes) {
    if (existing.has(index.name)) continue;
    const started = Date.now();
    sqlite.exec(index.sql);
    console.log(`index ${index.name}: built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  fs.rmSync(pendingIndexesFile(), { force: true });
}

function seedEvents(sqlite: Database.Database) {
  // A previous load stopped half-way: put its indexes back before anything else.
  if (fs.existsSync(pendingIndexesFile())) restoreIndexes(sqlite, JSON.parse(fs.readFileSync(pendingIndexesFile(), "utf8")) as IndexDef[]);
  const missingChunks = countMissingChunks(sqlite);
  if (missingChunks === 0) {
    console.log(`events: all ${SCALE_EVENTS.toLocaleString()} present`);
    return;
  }
  // Millions of random inserts into six secondary indexes are slow; loading without them and
  // building each once afterwards (a sort) is several times faster.
  const bulk = missingChunks * CHUNK >= 1_000_000;
  const indexes = bulk
    ? (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'EngagementEvent' AND sql IS NOT NULL").all() as IndexDef[])
    : [];
  if (bulk) {
    fs.writeFileSync(pendingIndexesFile(), JSON.stringify(indexes));
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  }
  insertEvents(sqlite);
  if (bulk) restoreIndexes(sqlite, indexes);
  sqlite.exec("ANALYZE EngagementEvent");
}

function lastIdOfChunk(start: number) {
  return `sev_${String(Math.min(SCALE_EVENTS, start + CHUNK) - 1).padStart(7, "0")}`;
}

function countMissingChunks(sqlite: Database.Database): number {
  const exists = sqlite.prepare("SELECT 1 FROM EngagementEvent WHERE id = ?");
  let missing = 0;
  for (let start = 0; start < SCALE_EVENTS; start += CHUNK) if (!exists.get(lastIdOfChunk(start))) missing++;
  return missing;
}

function insertEvents(sqlite: Database.Database) {
  const now = Math.floor(SCALE_NOW.getTime() / 1000);
  // h: a 32-bit hash of the row number; the member, type and age are drawn from its bits.
  const h = "((n.i * 2654435761) % 4294967296)";
  const member = `(${h} % ${MEMBERS})`;
  const account = `(${member} % ${ACCOUNTS})`;
  const draw = `((${h} / 65536) % 100)`;
  // Age in days, skewed to recent: the smaller of two draws over a year. Every tenth account
  // went quiet 60 days ago: its recent events are pushed back two months.
  const age = `min((${h} / 128) % 365, ((n.i * 40503) % 365))`;
  const quietAge = `(CASE WHEN ${account} % 10 = 0 AND ${age} < 60 THEN ${age} + 60 ELSE ${age} END)`;
  const seconds = `(${now} - ${quietAge} * ${DAY_SECONDS} - (n.i % ${DAY_SECONDS}))`;
  const insert = sqlite.prepare(`
    WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
    INSERT OR IGNORE INTO EngagementEvent (id, type, actorId, accountId, subjectType, subjectId, weight, occurredAt, recordedAt, idempotencyKey, source)
    SELECT
      'sev_' || printf('%07d', n.i),
      ${caseOver(draw, ([type]) => `'${type}'`)},
      'scale_usr_' || printf('%05d', ${member}),
      'scale_acc_' || printf('%04d', ${account}),
      'scale',
      's' || (n.i % 300),
      ${caseOver(draw, ([, weight]) => String(weight))},
      ${isoFromSeconds(seconds)},
      ${isoFromSeconds(seconds)},
      'scale:' || printf('%07d', n.i),
      'seed'
    FROM n`);
  const exists = sqlite.prepare("SELECT 1 FROM EngagementEvent WHERE id = ?");
  const progress = createProgress("events", SCALE_EVENTS);
  for (let start = 0; start < SCALE_EVENTS; start += CHUNK) {
    const end = Math.min(SCALE_EVENTS, start + CHUNK);
    // Chunks are transactions: if the last row is there, the whole chunk is.
    if (!exists.get(lastIdOfChunk(start))) sqlite.transaction(() => insert.run(start, end))();
    progress.update(end);
  }
  progress.done();
}

function seedUsage(sqlite: Database.Database) {
  const today = Math.floor(SCALE_NOW.getTime() / 1000 / DAY_SECONDS) * DAY_SECONDS;
  const days = 120;
  const progress = createProgress("usage", ACCOUNTS);
  const insert = sqlite.prepare(`
    WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?),
    rows AS (
      SELECT i / ${days} AS account, i % ${days} + 1 AS ago,
        -- seats of scale account a are 5 + a % 60; use varies from a fifth to all of them
        (5 + (i / ${days}) % 60) * (20 + ((i / ${days}) * 37) % 81) / 100 AS base
      FROM n)
    INSERT OR IGNORE INTO AccountUsageDay (accountId, day, activeUsers, featureCounts, source, updatedAt)
    SELECT 'scale_acc_' || printf('%04d', account),
      strftime('%Y-%m-%dT%H:%M:%S', ${today} - ago * ${DAY_SECONDS}, 'unixepoch') || '.000+00:00',
      CASE WHEN account % 10 = 0 AND ago <= 45 THEN 0 ELSE max(0, base + (account * 7 + ago * 13) % 5 - 2) END,
      CASE WHEN account % 10 = 0 AND ago <= 45 THEN '{}'
        ELSE json_object('email', base * 6, 'scoring', base * (account % 3), 'forms', base * 2, 'landing_pages', base * (account % 2),
          'workflows', CASE WHEN account % 4 = 0 THEN base ELSE 0 END, 'reports', base) END,
      'seed',
      strftime('%Y-%m-%dT%H:%M:%S', ${today}, 'unixepoch') || '.000+00:00'
    FROM rows`);
  for (let start = 0; start < ACCOUNTS; start += 500) {
    const end = Math.min(ACCOUNTS, start + 500);
    sqlite.transaction(() => insert.run(start * days, end * days))();
    progress.update(end);
  }
  progress.done();
}

function seedCompletions(sqlite: Database.Database) {
  const articles = getCatalog().articles.map((a) => a.id);
  const now = Math.floor(SCALE_NOW.getTime() / 1000);
  const insert = sqlite.prepare(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${MEMBERS * 4}),
    articles(k, id) AS (SELECT key, value FROM json_each(?))
    INSERT OR IGNORE INTO ContentCompletion (userId, articleId, completedAt, via)
    SELECT 'scale_usr_' || printf('%05d', n.i / 4), a.id,
      strftime('%Y-%m-%dT%H:%M:%S', ${now} - ((n.i * 7919) % 300) * ${DAY_SECONDS}, 'unixepoch') || '.000+00:00', 'manual'
    FROM n JOIN articles a ON a.k = ((n.i / 4) * 3 + (n.i % 4) * 5) % ${articles.length}
    -- a member completes (member % 5) items: none for a fifth of them, up to four
    WHERE n.i % 4 < (n.i / 4) % 5`);
  sqlite.transaction(() => insert.run(JSON.stringify(articles)))();
  console.log("completions: done");
}

function seedChampions(sqlite: Database.Database) {
  const year = SCALE_NOW.getUTCFullYear();
  sqlite
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 97 FROM n WHERE i + 97 < ${MEMBERS})
       INSERT OR IGNORE INTO ChampionTerm (id, userId, cohort, startsAt, endsAt, createdAt)
       SELECT 'sct_' || printf('%05d', i), 'scale_usr_' || printf('%05d', i), ${year},
         '${year}-01-01T00:00:00.000+00:00', '${year + 1}-01-01T00:00:00.000+00:00', '${year}-01-01T00:00:00.000+00:00'
       FROM n`,
    )
    .run();
  console.log("champions: done");
}
