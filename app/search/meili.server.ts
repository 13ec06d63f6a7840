// The Meilisearch backend (used when MEILI_HOST is set). Same documents, same filters and the same
// result shape as the embedded index; Meilisearch adds typo tolerance and its own ranking.
// Japanese fields are declared as such (localizedAttributes → jpn), so they are segmented into
// words by a Japanese dictionary instead of being guessed as Chinese.
import { Meilisearch, type Settings } from "meilisearch";
import { markersToHtml, MARK_CLOSE, MARK_OPEN, withoutMarkers } from "./highlight";
import { COUNT_CAP, DOC_TYPES, audienceRank, type AudienceLimits, type DocType, type SearchDocument, type SearchHit, type SearchRequest, type SearchResults } from "./model";
import { isSimilar, normalize, sharedPieces, similarityPieces, type ParsedQuery } from "./query";
import type { Locale } from "~/i18n/locales";

export type MeiliConfig = { host: string; apiKey?: string; indexUid: string };

/** One stored document. Text fields carry the language in their name so the right tokenizer applies. */
type MeiliDocument = {
  id: string;
  docId: string;
  type: DocType;
  key: string;
  url: string;
  title: string;
  tags: string[];
  locale: Locale;
  tier: string | null;
  state: string | null;
  audienceRank: number;
  boost: number;
  meta: SearchDocument["meta"];
} & Partial<Record<`${"title" | "tags" | "body"}_${Locale}`, string>>;

const SEARCHABLE = ["title_ja", "title_en", "tags_ja", "tags_en", "body_ja", "body_en"];

export const MEILI_SETTINGS: Settings = {
  // Order matters: the "attribute" rule ranks a title match above a tag match above a body match.
  searchableAttributes: SEARCHABLE,
  filterableAttributes: ["docId", "type", "locale", "tier", "tags", "state", "audienceRank"],
  rankingRules: ["words", "typo", "proximity", "attribute", "boost:desc", "exactness"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ["tags_ja", "tags_en"] },
  localizedAttributes: [
    { attributePatterns: ["*_ja"], locales: ["jpn"] },
    { attributePatterns: ["*_en"], locales: ["eng"] },
  ],
  pagination: { maxTotalHits: COUNT_CAP },
  faceting: { maxValuesPerFacet: 50 },
};

/** Meilisearch ids allow only letters, digits, - and _: the document id, base64url-encoded. */
export function meiliId(id: string): string {
  const [type, ...rest] = id.split(":");
  return `${type}-${Buffer.from(rest.join(":")).toString("base64url")}`;
}

function toMeili(doc: SearchDocument): MeiliDocument {
  return {
    id: meiliId(doc.id),
    docId: doc.id,
    type: doc.type,
    key: doc.key,
    url: doc.url,
    title: withoutMarkers(doc.title),
    [`title_${doc.locale}`]: withoutMarkers(doc.title),
    [`tags_${doc.locale}`]: withoutMarkers(doc.tagText),
    [`body_${doc.locale}`]: withoutMarkers(doc.body),
    tags: doc.tags,
    locale: doc.locale,
    tier: doc.tier,
    state: doc.state,
    audienceRank: audienceRank(doc.audience),
    boost: doc.boost,
    meta: doc.meta,
  };
}

/** A filter string value: quoted, with its own quotes and backslashes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Per type, only audiences the viewer may see; types the viewer may not see at all are left out. */
export function visibilityFilter(limits: AudienceLimits): string {
  const parts = DOC_TYPES.filter((type) => limits[type] !== undefined && limits[type] !== null).map(
    (type) => `(type = ${quote(type)} AND audienceRank <= ${limits[type]})`,
  );
  return parts.length ? `(${parts.join(" OR ")})` : `type = ${quote("none")}`;
}

function filtersOf(request: SearchRequest, withType: boolean): string {
  const { type, locale, tier, tag, state } = request.filters;
  const parts = [visibilityFilter(request.limits)];
  if (withType && type) parts.push(`type = ${quote(type)}`);
  if (locale) parts.push(`locale = ${quote(locale)}`);
  if (tier) parts.push(`tier = ${quote(tier)}`);
  if (state) parts.push(`state = ${quote(state)}`);
  if (tag) parts.push(`tags = ${quote(tag)}`);
  return parts.join(" AND ");
}

const RETRIEVE = ["docId", "type", "key", "url", "title", "tags", "locale", "tier", "state", "meta"];

/** Documents per request during a rebuild (Meilisearch batches consecutive additions again). */
const REBUILD_BATCH = 2_000;

export class MeiliIndex {
  /** Searches: short timeout, so a struggling server sends people to the embedded index quickly. */
  readonly client: Meilisearch;
  /** Writes and settings: large payloads and task waits on a busy server take longer. */
  private readonly writer: Meilisearch;

  constructor(readonly config: MeiliConfig) {
    this.client = new Meilisearch({ host: config.host, apiKey: config.apiKey, timeout: 5_000 });
    this.writer = new Meilisearch({ host: config.host, apiKey: config.apiKey, timeout: 120_000, defaultWaitOptions: { timeout: 300_000, interval: 100 } });
  }

  get uid() {
    return this.config.indexUid;
  }

  /** Creates the index if needed and applies the settings; waits until both are in effect. */
  async ensureIndex(uid = this.uid): Promise<void> {
    const exists = await this.writer.getRawIndex(uid).then(
      () => true,
      (error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code === "index_not_found") return false;
        throw error;
      },
    );
    if (!exists) await this.checked(this.writer.createIndex(uid, { primaryKey: "id" }).waitTask());
    await this.checked(this.writer.index(uid).updateSettings(MEILI_SETTINGS).waitTask());
  }

  /** A finished task that failed is an error too (waitTask resolves either way). */
  private async checked<T extends { status: string; error: { message: string } | null; uid: number }>(task: Promise<T>): Promise<T> {
    const done = await task;
    if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? "no detail"}`);
    return done;
  }

  async documentCount(): Promise<number> {
    return (await this.writer.index(this.uid).getStats()).numberOfDocuments;
  }

  /**
   * Adds or replaces documents and removes others; resolves when Meilisearch has applied both.
   * A server too slow to apply them within `waitMs` counts as unavailable (the caller falls back
   * to the embedded index, which already has the change).
   */
  async write(docs: SearchDocument[], removeIds: string[] = [], waitMs = 30_000): Promise<void> {
    const index = this.writer.index<MeiliDocument>(this.uid);
    if (docs.length) await this.checked(index.addDocuments(docs.map(toMeili), { primaryKey: "id" }).waitTask({ timeout: waitMs }));
    if (removeIds.length) await this.checked(index.deleteDocuments(removeIds.map(meiliId)).waitTask({ timeout: waitMs }));
  }

  /** Replaces every document of one type: the new ones first, then whatever of that type is left over. */
  async replaceType(type: DocType, docs: SearchDocument[]): Promise<void> {
    const index = this.writer.index<MeiliDocument>(this.uid);
    if (docs.length) await this.checked(index.addDocuments(docs.map(toMeili), { primaryKey: "id" }).waitTask());
    const keep = docs.map((doc) => quote(doc.id));
    const filter = keep.length ? `type = ${quote(type)} AND NOT docId IN [${keep.join(", ")}]` : `type = ${quote(type)}`;
    await this.checked(index.deleteDocuments({ filter }).waitTask());
  }

  /**
   * A full rebuild into a fresh index that replaces the live one in one swap, so searches never
   * see a half-built index. `batches` are sent as they come (Meilisearch batches them again).
   */
  async rebuild(batches: AsyncIterable<SearchDocument[]>, onBatch?: (count: number) => void): Promise<number> {
    const next = `${this.uid}_rebuild`;
    await this.writer.deleteIndexIfExists(next);
    await this.ensureIndex(next);
    await this.ensureIndex(this.uid);
    const index = this.writer.index<MeiliDocument>(next);
    const enqueued: number[] = [];
    let pending: MeiliDocument[] = [];
    let total = 0;
    // Requests go one after another (each returns once queued); the indexing itself runs meanwhile.
    const send = async () => {
      if (pending.length === 0) return;
      enqueued.push((await index.addDocuments(pending, { primaryKey: "id" })).taskUid);
      total += pending.length;
      pending = [];
      onBatch?.(total);
    };
    for await (const batch of batches) {
      pending.push(...batch.map(toMeili));
      if (pending.length >= REBUILD_BATCH) await send();
    }
    await send();
    // Polled once a second: the client adds a listener per poll to each wait's abort signal.
    for (const taskUid of enqueued) await this.checked(this.writer.tasks.waitForTask(taskUid, { timeout: 30 * 60_000, interval: 1_000 }));
    await this.checked(this.writer.swapIndexes([{ indexes: [this.uid, next], rename: false }]).waitTask());
    await this.checked(this.writer.deleteIndex(next).waitTask());
    return total;
  }

  async deleteIndex(): Promise<void> {
    await this.writer.deleteIndexIfExists(this.uid);
  }

  private hit(raw: MeiliDocument & { _formatted?: Partial<MeiliDocument> }): SearchHit {
    const formatted = raw._formatted ?? {};
    const title = formatted[`title_${raw.locale}`] ?? raw.title;
    const body = formatted[`body_${raw.locale}`] ?? "";
    return {
      id: raw.docId,
      type: raw.type,
      key: raw.key,
      url: raw.url,
      title: raw.title,
      titleHtml: markersToHtml(title),
      snippetHtml: markersToHtml(body.replace(/\s+/g, " ").trim()),
      locale: raw.locale,
      tier: raw.tier,
      state: raw.state,
      tags: raw.tags,
      meta: raw.meta,
    };
  }

  async search(request: SearchRequest, parsed: ParsedQuery): Promise<SearchResults> {
    const page = Math.max(1, request.page);
    const common = {
      indexUid: this.uid,
      q: parsed.text,
      // Japanese queries are segmented as Japanese (a kanji-only query would otherwise pass for Chinese).
      ...(parsed.japanese ? { locales: ["jpn"] } : {}),
    };
    const { results } = await this.client.multiSearch({
      queries: [
        {
          ...common,
          filter: filtersOf(request, true),
          page,
          hitsPerPage: request.pageSize,
          attributesToRetrieve: RETRIEVE,
          attributesToHighlight: ["title_ja", "title_en", "body_ja", "body_en"],
          attributesToCrop: ["body_ja", "body_en"],
          cropLength: 40,
          cropMarker: "…",
          highlightPreTag: MARK_OPEN,
          highlightPostTag: MARK_CLOSE,
        },
        { ...common, filter: filtersOf(request, false), limit: 0, facets: ["type"] },
      ],
    });
    const [main, facets] = results as unknown as [
      { hits: Array<MeiliDocument & { _formatted?: Partial<MeiliDocument> }>; totalHits?: number; totalPages?: number },
      { facetDistribution?: Record<string, Record<string, number>> },
    ];
    const counts: Partial<Record<DocType, number>> = {};
    for (const type of DOC_TYPES) {
      const visible = request.limits[type];
      if (visible === undefined || visible === null) continue;
      counts[type] = Math.min(COUNT_CAP, facets.facetDistribution?.type?.[type] ?? 0);
    }
    const total = main.totalHits ?? 0;
    return {
      hits: main.hits.map((raw) => this.hit(raw)),
      total,
      counts,
      page,
      pages: Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / request.pageSize)),
      backend: "meilisearch",
    };
  }

  async similarQuestions(title: string, limit: number): Promise<Array<{ key: string; title: string; state: string | null; meta: SearchHit["meta"] }>> {
    const pieces = similarityPieces(title);
    if (pieces.length === 0) return [];
    const text = normalize(title);
    const response = await this.client.index<MeiliDocument>(this.uid).search(text, {
      filter: `type = ${quote("question")} AND audienceRank <= 0`,
      attributesToSearchOn: ["title_ja", "title_en"],
      // Titles worded differently share only some words: drop the commonest words until enough match.
      matchingStrategy: "frequency",
      limit: 50,
      attributesToRetrieve: ["key", "title", "state", "meta"],
      ...(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? { locales: ["jpn"] } : {}),
    });
    return response.hits
      .filter((hit) => isSimilar(hit.title, pieces))
      .map((hit, rank) => ({ hit, rank, shared: sharedPieces(hit.title, pieces) }))
      .sort((a, b) => b.shared - a.shared || a.rank - b.rank)
      .slice(0, limit)
      .map(({ hit }) => ({ key: hit.key, title: hit.title, state: hit.state, meta: hit.meta }));
  }
}
