// The vocabulary of search, shared by both backends, the document sources and the UI.
import type { Locale } from "~/i18n/locales";

/**
 * Kinds of things one search box finds. A new kind is appended here (the
 * position is part of the embedded index's row ids, so never reorder), gets a source module in
 * ./documents, one line in ./documents/index.ts and a tab label in ./messages.ts.
 */
export const DOC_TYPES = ["article", "question", "group", "champion"] as const;
export type DocType = (typeof DOC_TYPES)[number];

/**
 * Who may see a document, from widest to narrowest. Every viewer may see a prefix of this list
 * (a member sees public and members, a champion also champions…), which both backends rely on:
 * the filter is "audience rank ≤ the highest rank this viewer may see for this type".
 */
export const AUDIENCES = ["public", "members", "champions", "staff"] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audienceRank(audience: Audience): number {
  return AUDIENCES.indexOf(audience);
}

/** One searchable thing, as every source produces it and every backend stores it. */
export type SearchDocument = {
  /** `${type}:${key}`, unique across the index. */
  id: string;
  type: DocType;
  /** The source's own id: an article id ("ja/slug"), a question id… */
  key: string;
  url: string;
  title: string;
  /** Plain text, no markup. */
  body: string;
  /** Tag or topic ids, for filtering. */
  tags: string[];
  /** Searchable words for the tags (labels in every language), weighted between title and body. */
  tagText: string;
  locale: Locale;
  tier: string | null;
  state: string | null;
  audience: Audience;
  /** 0–3: how much to lift the document among equally relevant ones (accepted answers, curated content). */
  boost: number;
  /** Small, type-specific facts the result list shows (answer count, minutes…). */
  meta: Record<string, string | number | boolean>;
};

export function docId(type: DocType, key: string): string {
  return `${type}:${key}`;
}

/** The highest audience rank a viewer may see, per type; a type missing here is not shown at all. */
export type AudienceLimits = Partial<Record<DocType, number>>;

export type SearchFilters = {
  type: DocType | null;
  locale: Locale | null;
  tier: string | null;
  tag: string | null;
  state: string | null;
};

export const NO_FILTERS: SearchFilters = { type: null, locale: null, tier: null, tag: null, state: null };

export type SearchRequest = {
  query: string;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  limits: AudienceLimits;
};

export type SearchHit = {
  id: string;
  type: DocType;
  key: string;
  url: string;
  title: string;
  /** Escaped HTML whose only tags are <mark>. */
  titleHtml: string;
  /** Escaped HTML whose only tags are <mark>. */
  snippetHtml: string;
  locale: Locale;
  tier: string | null;
  state: string | null;
  tags: string[];
  meta: Record<string, string | number | boolean>;
};

export type SearchResults = {
  hits: SearchHit[];
  /** Matches for the current tab and filters, counted up to COUNT_CAP. */
  total: number;
  /** Matches per type with the same filters except the type, counted up to COUNT_CAP each. */
  counts: Partial<Record<DocType, number>>;
  page: number;
  pages: number;
  backend: "embedded" | "meilisearch";
};

/** Counting stops here ("1,000+"): nobody pages that far, and exact counts of huge sets cost time. */
export const COUNT_CAP = 1000;
export const PAGE_SIZE = 10;
/** Longer queries are cut here; nothing useful is lost and nothing can blow up. */
export const MAX_QUERY_CHARS = 200;

export function emptyResults(backend: SearchResults["backend"], page = 1): SearchResults {
  return { hits: [], total: 0, counts: {}, page, pages: 1, backend };
}
