// The contract of one kind of searchable thing. Each kind is one small module beside this file:
// how to load every document (full rebuilds), how to load one (after a write), and what a viewer
// may see of it. The backends never know where documents come from.
import { getCatalog } from "~/content/catalog.server";
import type { Locale } from "~/i18n/locales";
import type { DocType, SearchDocument } from "../model";

/** Who is searching; null for a visitor who is not signed in. */
export type SearchViewer = { id: string; role: string; isChampion: boolean } | null;

export type DocumentSource = {
  type: DocType;
  /** Every document of this kind, in batches, for a full rebuild. */
  loadAll(): AsyncIterable<SearchDocument[]>;
  /** How many documents loadAll will give (for progress bars). */
  count(): Promise<number>;
  /** One document by the source's own id, or null when it must not be in the index (hidden, gone…). */
  loadOne(key: string): Promise<SearchDocument | null>;
  /** The highest audience rank (model.ts AUDIENCES) this viewer may see of this kind; null for none. */
  maxAudience(viewer: SearchViewer): number | null;
  /**
   * For kinds whose data lives outside the database (the content build): a version that changes
   * when the data does, so the index is rebuilt for it on the next search. null when unavailable.
   */
  version?(): string | null;
  /**
   * For kinds whose membership also changes with time rather than only on a write (champion terms
   * end on a date): which of these keys may still be shown right now. Search drops the others
   * from its hits, so a document the index still holds is never offered after it stopped counting.
   */
  stillFindable?(keys: string[]): Promise<Set<string>>;
};

const JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER = /\p{L}/gu;

/** The language of user-written text without a declared one: Japanese once a fifth of its letters are. */
export function detectLocale(text: string): Locale {
  const letters = text.match(LETTER)?.length ?? 0;
  const japanese = text.match(JAPANESE_CHAR)?.length ?? 0;
  return letters > 0 && japanese / letters >= 0.2 ? "ja" : "en";
}

/** Searchable words for topic ids: their labels in every language (the ids alone without a content build). */
export function topicLabels(topics: string[]): string {
  let labels: Record<string, Record<string, string>> = {};
  try {
    labels = getCatalog().topics;
  } catch {
    // Without a content build the topic ids alone are searchable.
  }
  return topics.flatMap((topic) => (labels[topic] ? Object.values(labels[topic]) : [topic])).join(" ");
}
