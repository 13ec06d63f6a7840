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
//   search_fts    FTS5, trigram tokenizer (works for Japanese, which has no spaces, and gives
//                 substring = prefix matching for search-as-you-type), NFKC-normalised text.
//   search_short  normalised titles and tags only: queries of 1–2 characters, which a trigram
//                 index cannot look up, scan this narrow table instead.
//   search_doc    what results show (title as written, url, tags, meta) and generations.
//   search_meta   schema version, generations and source versions.
// Row ids carry type, audience, boost and the filterable facts (./rowid.ts): type tabs and
// visibility are rowid ranges FTS5 applies while it walks its index, and neither filters nor
// ranking need to join another table.
import Database from "better-sqlite3";
import { databaseFilePath } from "~/db-path.js";
import { LOCALES, type Locale } from "~/i18n/locales";
import { highlight, snippet, withoutMarkers } from "./highlight";
import { AUDIENCES, COUNT_CAP, DOC_TYPES, audienceRank, type AudienceLimits, type DocType, type SearchDocument, type SearchHit, type SearchRequest, type SearchResults } from "./model";
import { ftsExpression, indexable, isSimilar, normalize, sharedPieces, similarityPieces, type ParsedQuery } from "./query";
import { fieldOf, fieldSql, filterSql, matchesFilters, rowidFor, rowidRange, typeOf } from "./rowid";

const SCHEMA_VERSION = "2";
/** bm25 weights per column: title, body, tags. A title match must beat a body match. */
const WEIGHTS = "10.0, 1.0, 4.0";
/** How much each boost step (0–3) lifts a score: up to 1.45× for an accepted answer. */
const BOOST_STEP = 0.15;

/** Tags as the FTS tags column and the short table hold them: ids between bars (exact filtering), then labels. */
function tagColumn(doc: SearchDocument): string {
  return `${doc.tags.map((tag) => `|${tag}|`).join(" ")} ${withoutMarkers(doc.tagText)}`.normalize("NFKC");
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

type Found = { rowids: number[]; total: number; counts: Partial<Record<DocType, number>>; terms: string[] };

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
      this.db
        .transaction(() => {
          this.db.exec("DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_short; DROP TABLE IF EXISTS search_doc; DROP TABLE IF EXISTS search_meta;");
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
              tags TEXT NOT NULL,
              tag_text TEXT NOT NULL,
              locale TEXT NOT NULL,
              tier TEXT,
              state TEXT,
              meta TEXT NOT NULL
            );
            CREATE INDEX search_doc_type_gen ON search_doc (type, gen);
            CREATE TABLE search_short (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, tags TEXT NOT NULL);
            CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tags, tokenize = 'trigram remove_diacritics 1');
          `);
          this.db.prepare("INSERT INTO search_meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
        })
        .immediate();
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

  private removeRows(rowids: number[]) {
    const statements = ["search_doc", "search_short", "search_fts"].map((table) => this.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`));
    for (const rowid of rowids) for (const statement of statements) statement.run(rowid);
  }

  private writeSync(docs: SearchDocument[], removeIds: string[], gen: number | null) {
    const findRow = this.db.prepare("SELECT rowid FROM search_doc WHERE id = ?");
    const nextSeq = this.db.prepare("SELECT coalesce(max(seq), 0) + 1 AS seq FROM search_doc");
    const insertDoc = this.db.prepare(`
      INSERT INTO search_doc (rowid, id, seq, gen, type, key, url, title, tags, tag_text, locale, tier, state, meta)
      VALUES (@rowid, @id, @seq, @gen, @type, @key, @url, @title, @tags, @tagText, @locale, @tier, @state, @meta)`);
    const insertShort = this.db.prepare("INSERT INTO search_short (rowid, title, tags) VALUES (?, ?, ?)");
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
      if (row) this.removeRows([row.rowid]);
    };

    for (const id of removeIds) remove(id);
    let seq = (nextSeq.get() as { seq: number }).seq;
    for (const doc of docs) {
      remove(doc.id);
      // FTS5 folds case itself; NFKC makes full-width letters and half-width kana match too.
      const title = withoutMarkers(doc.title);
      const tags = tagColumn(doc);
      const rowid = rowidFor({ type: doc.type, audience: audienceRank(doc.audience), boost: doc.boost, locale: doc.locale, tier: doc.tier, state: doc.state }, seq);
      insertDoc.run({
        rowid,
        id: doc.id,
        seq: seq++,
        gen: generation(doc.type),
        type: doc.type,
        key: doc.key,
        url: doc.url,
        title,
        tags: JSON.stringify(doc.tags),
        tagText: withoutMarkers(doc.tagText),
        locale: doc.locale,
        tier: doc.tier,
        state: doc.state,
        meta: JSON.stringify(doc.meta),
      });
      insertShort.run(rowid, normalize(title), normalize(tags));
      insertFts.run(rowid, title.normalize("NFKC"), withoutMarkers(doc.body).normalize("NFKC"), tags);
    }
  }

  /** Adds or replaces documents and removes others, in one transaction. */
  write(docs: SearchDocument[], removeIds: string[] = []): Promise<void> {
    return retryWhenBusy(() => this.db.transaction(() => this.writeSync(docs, removeIds, null)).immediate());
  }

  has(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM search_doc WHERE id = ?").get(id) !== undefined;
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
          this.removeRows(stale.map((row) => row.rowid));
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

  /** All documents of a type, rebuilt from the index, for pushing into another backend. */
  *allDocuments(type: DocType, batchSize = 500): Generator<SearchDocument[]> {
    let after = 0;
    const page = this.db.prepare(`
      SELECT d.rowid, d.id, d.type, d.key, d.url, d.title, d.tags, d.tag_text AS tagText, d.locale, d.tier, d.state, d.meta, f.body
      FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid
      WHERE d.type = ? AND d.rowid > ? ORDER BY d.rowid LIMIT ?`);
    for (;;) {
      const rows = page.all(type, after, batchSize) as Array<DocRow & { tagText: string }>;
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
        audience: AUDIENCES[fieldOf(row.rowid, "audience")]!,
        boost: fieldOf(row.rowid, "boost"),
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
    let found = strict.length ? this.ranked(request, strict, page) : null;
    // Nothing for the words as typed: try the relaxed (Japanese word-by-word) reading.
    const relaxed = indexable(parsed.relaxed);
    if ((!found || found.total === 0) && relaxed.length && relaxed.join(" ") !== strict.join(" ")) {
      found = this.ranked(request, relaxed, page);
    }
    // Only 1–2 character words, which a trigram index cannot look up: scan titles and tags.
    if (!found || (found.total === 0 && strict.length === 0 && relaxed.length === 0)) {
      const short = parsed.relaxed.length ? parsed.relaxed : parsed.terms;
      found = short.length ? this.scanned(request, short, page) : null;
    }
    if (!found) return { hits: [], total: 0, counts: {}, page, pages: 1, backend: "embedded" };
    const pages = Math.max(1, Math.ceil(Math.min(found.total, COUNT_CAP) / request.pageSize));
    return { hits: this.hits(found.rowids, found.terms), total: found.total, counts: found.counts, page, pages, backend: "embedded" };
  }

  /** The rowid ranges this request may see: one per type, its visible audiences only. */
  private ranges(limits: AudienceLimits, type: DocType | null): Array<{ type: DocType; lo: number; hi: number }> {
    return DOC_TYPES.filter((t) => (type === null || t === type) && limits[t] !== undefined && limits[t] !== null).map((t) => {
      const [lo, hi] = rowidRange(t, limits[t]!);
      return { type: t, lo, hi };
    });
  }

  private ranked(request: SearchRequest, terms: string[], page: number): Found {
    const { tag } = request.filters;
    const match = ftsExpression(terms, "AND") + (tag ? ` AND tags : ${ftsExpression([normalize(`|${tag}|`)], "AND")}` : "");
    const where = `search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ?${filterSql("search_fts.rowid", request.filters)}`;
    const offset = (page - 1) * request.pageSize;

    const counts: Partial<Record<DocType, number>> = {};
    const count = this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE ${where} LIMIT ${COUNT_CAP})`);
    for (const range of this.ranges(request.limits, null)) counts[range.type] = (count.get(match, range.lo, range.hi) as { n: number }).n;
    const tab = this.ranges(request.limits, request.filters.type).filter((range) => (counts[range.type] ?? 0) > 0);
    const total = tab.reduce((sum, range) => sum + counts[range.type]!, 0);
    if (total === 0 || offset >= Math.min(total, COUNT_CAP)) return { rowids: [], total, counts, terms };

    const score = `bm25(search_fts, ${WEIGHTS}) * (1.0 + ${BOOST_STEP} * ${fieldSql("search_fts.rowid", "boost")})`;
    const part = `SELECT * FROM (SELECT search_fts.rowid AS rowid, ${score} AS score FROM search_fts WHERE ${where} ORDER BY score LIMIT ${offset + request.pageSize})`;
    const rows = this.db
      .prepare(`${tab.map(() => part).join(" UNION ALL ")} ORDER BY score LIMIT ? OFFSET ?`)
      .all(...tab.flatMap((range) => [match, range.lo, range.hi]), request.pageSize, offset) as Array<{ rowid: number }>;
    return { rowids: rows.map((r) => r.rowid), total, counts, terms };
  }

  /**
   * The fallback for 1–2 character words: one substring scan of the short table (instr() rather
   * than LIKE '%…%': the same match on normalised text, several times faster on Japanese), with
   * visibility, filters, counts and order applied here.
   */
  private scanned(request: SearchRequest, terms: string[], page: number): Found {
    const { tag } = request.filters;
    const conditions = terms.map(() => "(instr(title, ?) > 0 OR instr(tags, ?) > 0)");
    const params: string[] = terms.flatMap((term) => [term, term]);
    if (tag) {
      conditions.push("instr(tags, ?) > 0");
      params.push(normalize(`|${tag}|`));
    }
    const titleHits = terms.map(() => "(instr(title, ?) > 0)").join(" + ");
    const rows = this.db
      .prepare(`SELECT rowid, ${titleHits} AS inTitle FROM search_short WHERE ${conditions.join(" AND ")}`)
      .all(...terms, ...params) as Array<{ rowid: number; inTitle: number }>;

    const all = this.ranges(request.limits, null);
    const visible = rows.filter((row) => all.some((range) => row.rowid >= range.lo && row.rowid <= range.hi) && matchesFilters(row.rowid, request.filters));
    const counts: Partial<Record<DocType, number>> = {};
    for (const range of all) counts[range.type] = 0;
    for (const row of visible) counts[typeOf(row.rowid)]! += 1;
    const inTab = visible.filter((row) => request.filters.type === null || typeOf(row.rowid) === request.filters.type);
    inTab.sort((a, b) => b.inTitle - a.inTitle || fieldOf(b.rowid, "boost") - fieldOf(a.rowid, "boost") || (b.rowid % 2 ** 32) - (a.rowid % 2 ** 32));
    for (const type of Object.keys(counts) as DocType[]) counts[type] = Math.min(COUNT_CAP, counts[type]!);
    const offset = (page - 1) * request.pageSize;
    return { rowids: inTab.slice(offset, offset + request.pageSize).map((row) => row.rowid), total: inTab.length, counts, terms };
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
      const ranked = this.db
        .prepare(
          `SELECT rowid, bm25(search_fts, 1.0, 0.0, 0.0) AS score FROM search_fts
           WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ? ORDER BY score LIMIT 50`,
        )
        .all(`title : (${ftsExpression(pieces, "OR")})`, lo, hi) as Array<{ rowid: number }>;
      if (ranked.length === 0) return [];
      const rows = this.db
        .prepare(`SELECT rowid, key, title, state, meta FROM search_doc WHERE rowid IN (${ranked.map(() => "?").join(",")})`)
        .all(...ranked.map((r) => r.rowid)) as Array<{ rowid: number; key: string; title: string; state: string | null; meta: string }>;
      const byRowid = new Map(rows.map((row) => [row.rowid, row]));
      // bm25 order breaks ties between titles sharing as many pieces.
      return ranked
        .flatMap((r, rank) => {
          const row = byRowid.get(r.rowid);
          return row && isSimilar(row.title, pieces) ? [{ ...row, rank, shared: sharedPieces(row.title, pieces) }] : [];
        })
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
