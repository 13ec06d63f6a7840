// The embedded backend: a SQLite FTS5 index inside the app's own database file, so it lives and
// dies with the data it describes (a fresh or restored database is reindexed on first use).
//
// Why the tables are created here and not by a Prisma migration: Prisma cannot describe FTS5
// virtual tables, and tests/integration/migrations.test.ts compares every table the migrations
// create with the schema. An FTS table (and its shadow tables) in a migration would break that
// check for good. So the search tables stay out of prisma/schema.prisma and this module creates
// them with CREATE … IF NOT EXISTS; `prisma migrate` never touches tables it does not know.
//
// It uses its own better-sqlite3 connection rather than Prisma's: FTS5 functions and bulk
// writes are simpler and much faster there. Two rules keep the connections from blocking each
// other on one event loop: every write here is one synchronous transaction (never held across an
// await), and a busy database (Prisma inside a transaction) is retried after a short async pause
// instead of SQLite's blocking busy wait.
//
// Layout:
//   search_doc   one row per document: what results show, filters, and the normalised text
//                that 1–2 character queries scan with LIKE (a trigram index cannot look those up).
//   search_fts   FTS5, trigram tokenizer (works for Japanese, which has no spaces, and gives
//                substring = prefix matching for search-as-you-type), NFKC-normalised text.
//   search_meta  schema version, generations and source versions.
// Row ids encode type, audience and boost (see rowidFor), so type tabs and visibility become
// rowid ranges that FTS5 applies while it walks its index, and the boost is read from the rowid
// while ranking: the ranked query never has to join the document table.
import Database from "better-sqlite3";
import { databaseFilePath } from "~/db-path.js";
import { LOCALES, type Locale } from "~/i18n/locales";
import { highlight, snippet, withoutMarkers } from "./highlight";
import {
  AUDIENCES,
  COUNT_CAP,
  DOC_TYPES,
  audienceRank,
  type AudienceLimits,
  type DocType,
  type SearchDocument,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
} from "./model";
import { ftsExpression, indexable, isSimilar, likePattern, normalize, sharedPieces, similarityPieces, type ParsedQuery } from "./query";

const SCHEMA_VERSION = "1";
/** bm25 weights per column: title, body, tags. A title match must beat a body match. */
const WEIGHTS = "10.0, 1.0, 4.0";
/** How much each boost step (0–3) lifts a score: up to 1.45× for an accepted answer. */
const BOOST_STEP = 0.15;
const LOOKUP_BODY_CHARS = 400;

// ── row ids ──
const SEQ_SPAN = 2 ** 32;
const BOOST_SPAN = 4;
const AUDIENCE_SPAN = 8;

function typeCode(type: DocType): number {
  return DOC_TYPES.indexOf(type) + 1;
}

/** type | audience | boost | sequence, most significant first. Stays far below 2^53. */
export function rowidFor(type: DocType, audience: number, boost: number, seq: number): number {
  return ((typeCode(type) * AUDIENCE_SPAN + audience) * BOOST_SPAN + boost) * SEQ_SPAN + seq;
}

/** Every row id of `type` whose audience rank is at most `maxAudience`. */
export function rowidRange(type: DocType, maxAudience: number): [number, number] {
  return [rowidFor(type, 0, 0, 0), rowidFor(type, maxAudience, BOOST_SPAN - 1, SEQ_SPAN - 1)];
}

// ── busy handling ──
function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

async function retryWhenBusy<T>(work: () => T, deadlineMs = 10_000): Promise<T> {
  const start = Date.now();
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() - start > deadlineMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

type DocRow = {
  rowid: number;
  id: string;
  type: DocType;
  key: string;
  url: string;
  title: string;
  tags: string;
  locale: Locale;
  tier: string | null;
  state: string | null;
  meta: string;
  body: string;
};

export type RankedRow = { rowid: number; score: number };

export class EmbeddedIndex {
  readonly db: Database.Database;

  constructor(file: string) {
    // timeout 0: never block the event loop waiting for a lock (see retryWhenBusy).
    this.db = new Database(file, { timeout: 0 });
  }

  // ── schema and meta ──

  /** Creates the tables if needed; a different schema version drops and recreates them. Returns true when created. */
  ensureSchema(): Promise<boolean> {
    return retryWhenBusy(() => {
      const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'").get();
      const version = hasMeta ? (this.db.prepare("SELECT value FROM search_meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value : undefined;
      if (version === SCHEMA_VERSION) return false;
      this.db.transaction(() => {
        this.db.exec("DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_doc; DROP TABLE IF EXISTS search_meta;");
        this.db.exec(`
          CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE search_doc (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            seq INTEGER NOT NULL UNIQUE,
            gen INTEGER NOT NULL,
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            norm_title TEXT NOT NULL,
            lookup TEXT NOT NULL,
            tags TEXT NOT NULL,
            tag_keys TEXT NOT NULL,
            locale TEXT NOT NULL,
            tier TEXT,
            state TEXT,
            boost INTEGER NOT NULL,
            meta TEXT NOT NULL
          );
          CREATE INDEX search_doc_type_gen ON search_doc (type, gen);
          CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tags, tokenize = 'trigram remove_diacritics 1');
        `);
        this.db.prepare("INSERT INTO search_meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
      }).immediate();
      return true;
    });
  }

  getMeta(key: string): string | null {
    return (this.db.prepare("SELECT value FROM search_meta WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return retryWhenBusy(() => {
      this.db.prepare("INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
    });
  }

  count(type?: DocType): number {
    const row = (type
      ? this.db.prepare("SELECT count(*) AS n FROM search_doc WHERE type = ?").get(type)
      : this.db.prepare("SELECT count(*) AS n FROM search_doc").get()) as { n: number };
    return row.n;
  }

  // ── writes ──

  private writeSync(docs: SearchDocument[], removeIds: string[], gen: number | null) {
    const findRow = this.db.prepare("SELECT rowid FROM search_doc WHERE id = ?");
    const deleteDoc = this.db.prepare("DELETE FROM search_doc WHERE rowid = ?");
    const deleteFts = this.db.prepare("DELETE FROM search_fts WHERE rowid = ?");
    const nextSeq = this.db.prepare("SELECT coalesce(max(seq), 0) + 1 AS seq FROM search_doc");
    const insertDoc = this.db.prepare(`
      INSERT INTO search_doc (rowid, id, seq, gen, type, key, url, title, norm_title, lookup, tags, tag_keys, locale, tier, state, boost, meta)
      VALUES (@rowid, @id, @seq, @gen, @type, @key, @url, @title, @normTitle, @lookup, @tags, @tagKeys, @locale, @tier, @state, @boost, @meta)`);
    const insertFts = this.db.prepare("INSERT INTO search_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)");
    // A document always gets the newest generation of its type, so a rebuild that started later
    // (another process, or a hook during a rebuild) never finds it stale and removes it.
    const generations = new Map<DocType, number>();
    const generation = (type: DocType) => {
      let current = generations.get(type);
      if (current === undefined) generations.set(type, (current = Math.max(gen ?? 0, Number(this.getMeta(`gen:${type}`) ?? "1"))));
      return current;
    };

    const remove = (id: string) => {
      const row = findRow.get(id) as { rowid: number } | undefined;
      if (!row) return;
      deleteDoc.run(row.rowid);
      deleteFts.run(row.rowid);
    };
    for (const id of removeIds) remove(id);
    let seq = (nextSeq.get() as { seq: number }).seq;
    for (const doc of docs) {
      remove(doc.id);
      // FTS5 folds case itself; NFKC makes full-width letters and half-width kana match too.
      const title = withoutMarkers(doc.title);
      const body = withoutMarkers(doc.body).normalize("NFKC");
      const tagText = withoutMarkers(doc.tagText).normalize("NFKC");
      const boost = Math.max(0, Math.min(BOOST_SPAN - 1, Math.round(doc.boost)));
      const rowid = rowidFor(doc.type, audienceRank(doc.audience), boost, seq);
      insertDoc.run({
        rowid,
        id: doc.id,
        seq: seq++,
        gen: generation(doc.type),
        type: doc.type,
        key: doc.key,
        url: doc.url,
        title,
        normTitle: normalize(title),
        lookup: normalize(`${title}\n${tagText}\n${[...body].slice(0, LOOKUP_BODY_CHARS).join("")}`),
        tags: JSON.stringify(doc.tags),
        tagKeys: `|${doc.tags.map((tag) => tag.replaceAll("|", " ")).join("|")}|`,
        locale: doc.locale,
        tier: doc.tier,
        state: doc.state,
        boost,
        meta: JSON.stringify(doc.meta),
      });
      insertFts.run(rowid, title.normalize("NFKC"), body, tagText);
    }
  }

  /** Adds or replaces documents and removes others, in one transaction. */
  write(docs: SearchDocument[], removeIds: string[] = []): Promise<void> {
    return retryWhenBusy(() => this.db.transaction(() => this.writeSync(docs, removeIds, null)).immediate());
  }

  /**
   * Rebuilds every document of one type from `batches` without a long lock: each batch is its own
   * transaction, stamped with a new generation; documents of older generations are removed at the
   * end. Writes made meanwhile (a question asked during a rebuild) carry the new generation too.
   */
  async replaceType(type: DocType, batches: AsyncIterable<SearchDocument[]>, onBatch?: (count: number) => void): Promise<number> {
    const gen = await retryWhenBusy(() =>
      this.db
        .transaction(() => {
          const row = this.db.prepare("SELECT max(gen) AS gen FROM search_doc WHERE type = ?").get(type) as { gen: number | null };
          const next = Math.max(row.gen ?? 0, Number(this.getMeta(`gen:${type}`) ?? "0")) + 1;
          this.db.prepare("INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(`gen:${type}`, String(next));
          return next;
        })
        .immediate(),
    );
    let total = 0;
    for await (const batch of batches) {
      const docs = batch.filter((doc) => doc.type === type);
      await retryWhenBusy(() => this.db.transaction(() => this.writeSync(docs, [], gen)).immediate());
      total += docs.length;
      onBatch?.(total);
    }
    await retryWhenBusy(() =>
      this.db
        .transaction(() => {
          const stale = this.db.prepare("SELECT rowid FROM search_doc WHERE type = ? AND gen < ?").all(type, gen) as { rowid: number }[];
          const deleteDoc = this.db.prepare("DELETE FROM search_doc WHERE rowid = ?");
          const deleteFts = this.db.prepare("DELETE FROM search_fts WHERE rowid = ?");
          for (const { rowid } of stale) {
            deleteDoc.run(rowid);
            deleteFts.run(rowid);
          }
        })
        .immediate(),
    );
    return total;
  }

  /** Merges FTS5's index segments after a bulk load, so searches read fewer of them. */
  optimize(): Promise<void> {
    return retryWhenBusy(() => {
      this.db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
    });
  }

  // ── reads ──

  /** All documents, rebuilt from the index, for pushing into another backend. */
  *allDocuments(type: DocType, batchSize = 500): Generator<SearchDocument[]> {
    let after = 0;
    const page = this.db.prepare(`
      SELECT d.rowid, d.id, d.type, d.key, d.url, d.title, d.tags, d.locale, d.tier, d.state, d.boost, d.meta, f.body, f.tags AS tagText
      FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid
      WHERE d.type = ? AND d.rowid > ? ORDER BY d.rowid LIMIT ?`);
    for (;;) {
      const rows = page.all(type, after, batchSize) as Array<DocRow & { boost: number; tagText: string }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.rowid;
      yield rows.map((row) => ({
        id: row.id,
        type: row.type,
        key: row.key,
        url: row.url,
        title: row.title,
        body: row.body,
        tags: JSON.parse(row.tags) as string[],
        tagText: row.tagText,
        locale: row.locale,
        tier: row.tier,
        state: row.state,
        audience: AUDIENCES[Math.floor(row.rowid / SEQ_SPAN / BOOST_SPAN) % AUDIENCE_SPAN]!,
        boost: row.boost,
        meta: JSON.parse(row.meta) as SearchDocument["meta"],
      }));
    }
  }

  search(request: SearchRequest, parsed: ParsedQuery): Promise<SearchResults> {
    return retryWhenBusy(() => this.searchSync(request, parsed));
  }

  private searchSync(request: SearchRequest, parsed: ParsedQuery): SearchResults {
    const page = Math.max(1, request.page);
    const strict = indexable(parsed.terms);
    let result = strict.length ? this.ranked(request, strict, page) : null;
    // Nothing for the words as typed: try the relaxed (Japanese word-by-word) reading.
    const relaxed = indexable(parsed.relaxed);
    if ((!result || result.total === 0) && relaxed.length && relaxed.join(" ") !== strict.join(" ")) {
      result = this.ranked(request, relaxed, page);
    }
    // Only 1–2 character words, which a trigram index cannot look up: scan titles, tags and openings.
    if (!result || (result.total === 0 && strict.length === 0 && relaxed.length === 0)) {
      const short = parsed.relaxed.length ? parsed.relaxed : parsed.terms;
      result = short.length ? this.scanned(request, short, page) : null;
    }
    if (!result) return { hits: [], total: 0, counts: {}, page, pages: 1, backend: "embedded" };
    const pages = Math.max(1, Math.ceil(Math.min(result.total, COUNT_CAP) / request.pageSize));
    return { hits: this.hits(result.rowids, result.terms), total: result.total, counts: result.counts, page, pages, backend: "embedded" };
  }

  /** The rowid ranges this request may see: one per type, its visible audiences only. */
  private ranges(limits: AudienceLimits, type: DocType | null): Array<{ type: DocType; lo: number; hi: number }> {
    return DOC_TYPES.filter((t) => (type === null || t === type) && limits[t] !== undefined && limits[t] !== null).map((t) => {
      const [lo, hi] = rowidRange(t, limits[t]!);
      return { type: t, lo, hi };
    });
  }

  /** Filters other than type, as SQL on search_doc (alias d) with their parameters. */
  private filterSql(request: SearchRequest): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const { locale, tier, tag, state } = request.filters;
    if (locale && (LOCALES as readonly string[]).includes(locale)) (parts.push("d.locale = ?"), params.push(locale));
    if (tier) (parts.push("d.tier = ?"), params.push(tier));
    if (state) (parts.push("d.state = ?"), params.push(state));
    if (tag) (parts.push("d.tag_keys LIKE ? ESCAPE '\\'"), params.push(likePattern(`|${tag}|`)));
    return { sql: parts.map((p) => ` AND ${p}`).join(""), params };
  }

  private ranked(request: SearchRequest, terms: string[], page: number) {
    const match = ftsExpression(terms, "AND");
    const filter = this.filterSql(request);
    const join = filter.sql ? " JOIN search_doc d ON d.rowid = search_fts.rowid" : "";
    const allRanges = this.ranges(request.limits, null);
    const tabRanges = this.ranges(request.limits, request.filters.type);
    const offset = (page - 1) * request.pageSize;
    const window = offset + request.pageSize;

    const counts: Partial<Record<DocType, number>> = {};
    for (const range of allRanges) {
      const row = this.db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT 1 FROM search_fts${join} WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ?${filter.sql} LIMIT ${COUNT_CAP})`,
        )
        .get(match, range.lo, range.hi, ...filter.params) as { n: number };
      counts[range.type] = row.n;
    }
    const total = tabRanges.reduce((sum, range) => sum + (counts[range.type] ?? 0), 0);
    if (total === 0 || offset >= Math.min(total, COUNT_CAP)) return { rowids: [], total, counts, terms };

    const score = `bm25(search_fts, ${WEIGHTS}) * (1.0 + ${BOOST_STEP} * ((search_fts.rowid >> 32) & 3))`;
    const parts = tabRanges
      .filter((range) => (counts[range.type] ?? 0) > 0)
      .map(
        () =>
          `SELECT * FROM (SELECT search_fts.rowid AS rowid, ${score} AS score FROM search_fts${join} WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ?${filter.sql} ORDER BY score LIMIT ${window})`,
      );
    const params = tabRanges.filter((range) => (counts[range.type] ?? 0) > 0).flatMap((range) => [match, range.lo, range.hi, ...filter.params]);
    const rows = this.db.prepare(`${parts.join(" UNION ALL ")} ORDER BY score LIMIT ? OFFSET ?`).all(...params, request.pageSize, offset) as RankedRow[];
    return { rowids: rows.map((r) => r.rowid), total, counts, terms };
  }

  private scanned(request: SearchRequest, terms: string[], page: number) {
    const filter = this.filterSql(request);
    const likes = terms.map(() => " AND d.lookup LIKE ? ESCAPE '\\'").join("");
    const likeParams = terms.map(likePattern);
    const offset = (page - 1) * request.pageSize;
    const counts: Partial<Record<DocType, number>> = {};
    for (const range of this.ranges(request.limits, null)) {
      const row = this.db
        .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_doc d WHERE d.rowid BETWEEN ? AND ?${likes}${filter.sql} LIMIT ${COUNT_CAP})`)
        .get(range.lo, range.hi, ...likeParams, ...filter.params) as { n: number };
      counts[range.type] = row.n;
    }
    const tabRanges = this.ranges(request.limits, request.filters.type);
    const total = tabRanges.reduce((sum, range) => sum + (counts[range.type] ?? 0), 0);
    if (total === 0 || tabRanges.length === 0) return { rowids: [], total, counts, terms };
    const where = tabRanges.map(() => "d.rowid BETWEEN ? AND ?").join(" OR ");
    const titleHits = terms.map(() => "(d.norm_title LIKE ? ESCAPE '\\')").join(" + ");
    const rows = this.db
      .prepare(`SELECT d.rowid AS rowid FROM search_doc d WHERE (${where})${likes}${filter.sql} ORDER BY ${titleHits} DESC, d.boost DESC, d.seq DESC LIMIT ? OFFSET ?`)
      .all(...tabRanges.flatMap((r) => [r.lo, r.hi]), ...likeParams, ...filter.params, ...likeParams, request.pageSize, offset) as { rowid: number }[];
    return { rowids: rows.map((r) => r.rowid), total, counts, terms };
  }

  private hits(rowids: number[], terms: string[]): SearchHit[] {
    if (rowids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT d.rowid, d.id, d.type, d.key, d.url, d.title, d.tags, d.locale, d.tier, d.state, d.meta, f.body
         FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid WHERE d.rowid IN (${rowids.map(() => "?").join(",")})`,
      )
      .all(...rowids) as DocRow[];
    const byRowid = new Map(rows.map((row) => [row.rowid, row]));
    return rowids.flatMap((rowid) => {
      const row = byRowid.get(rowid);
      if (!row) return [];
      return [
        {
          id: row.id,
          type: row.type,
          key: row.key,
          url: row.url,
          title: row.title,
          titleHtml: highlight(row.title, terms),
          snippetHtml: snippet(row.body, terms),
          locale: row.locale,
          tier: row.tier,
          state: row.state,
          tags: JSON.parse(row.tags) as string[],
          meta: JSON.parse(row.meta) as SearchHit["meta"],
        },
      ];
    });
  }

  /** Questions whose titles share pieces with `title` (see query.ts similarityPieces). */
  similarQuestions(title: string, limit: number): Promise<Array<{ key: string; title: string; state: string | null; meta: SearchHit["meta"] }>> {
    return retryWhenBusy(() => {
      const pieces = similarityPieces(title);
      if (pieces.length === 0) return [];
      const [lo, hi] = rowidRange("question", 0);
      const candidates = this.db
        .prepare(
          `SELECT d.key, d.title, d.state, d.meta, bm25(search_fts, 1.0, 0.0, 0.0) AS score
           FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid
           WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ? ORDER BY score LIMIT 50`,
        )
        .all(`title : (${ftsExpression(pieces, "OR")})`, lo, hi) as Array<{ key: string; title: string; state: string | null; meta: string; score: number }>;
      // bm25 order breaks ties between titles sharing as many pieces.
      return candidates
        .filter((c) => isSimilar(c.title, pieces))
        .map((c, rank) => ({ ...c, rank, shared: sharedPieces(c.title, pieces) }))
        .sort((a, b) => b.shared - a.shared || a.rank - b.rank)
        .slice(0, limit)
        .map((c) => ({ key: c.key, title: c.title, state: c.state, meta: JSON.parse(c.meta) as SearchHit["meta"] }));
    });
  }

  close() {
    this.db.close();
  }
}

declare global {
  var __kizunaSearchIndex: { file: string; index: EmbeddedIndex } | undefined;
}

/** The embedded index of the app's database (one connection per process). */
export function embeddedIndex(): EmbeddedIndex {
  const file = databaseFilePath();
  const current = globalThis.__kizunaSearchIndex;
  if (current && current.file === file) return current.index;
  current?.index.close();
  const index = new EmbeddedIndex(file);
  globalThis.__kizunaSearchIndex = { file, index };
  return index;
}
