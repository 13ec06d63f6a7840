// What a typed query means, the same for both backends: normalised words, which of them the
// trigram index can look up, and a relaxed reading for Japanese, which has no spaces between words.
// Nothing the person types reaches a query language as syntax: every term is quoted data.
import { MAX_QUERY_CHARS } from "./model";

/** Terms shorter than this cannot be looked up in a trigram index (they go to a scan of titles and tags). */
export const TRIGRAM = 3;
const MAX_TERMS = 10;
const MAX_TERM_CHARS = 60;

export type ParsedQuery = {
  /** The query as searched: trimmed, cut to MAX_QUERY_CHARS, words separated by single spaces. */
  text: string;
  /** Words as typed, normalised (NFKC, lower case): the strict reading, each matched as a substring. */
  terms: string[];
  /**
   * The relaxed reading: Japanese words split where the script changes, particles and endings
   * (hiragana) dropped, so 「スコアの減衰設定」 also finds a text with スコア and 減衰設定 apart.
   * Equal to `terms` when there is nothing to relax.
   */
  relaxed: string[];
  /** True when the query has Japanese in it. */
  japanese: boolean;
};

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
// Runs of one script: kanji, katakana (with the long-vowel mark), hiragana, everything else.
const SCRIPT_RUN = /\p{Script=Han}+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+|[^\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]+/gu;

export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** NFKC and lower case: full-width letters, half-width katakana and case all compare equal. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function words(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((word) => [...word].slice(0, MAX_TERM_CHARS).join(""));
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export function parseQuery(input: string): ParsedQuery {
  const cut = [...(input ?? "")].slice(0, MAX_QUERY_CHARS).join("");
  const terms = unique(words(cut)).slice(0, MAX_TERMS);
  const relaxed: string[] = [];
  for (const term of terms) {
    if (!JAPANESE.test(term) || HIRAGANA_ONLY.test(term)) {
      relaxed.push(term);
      continue;
    }
    for (const run of term.match(SCRIPT_RUN) ?? []) {
      if (HIRAGANA_ONLY.test(run)) continue;
      relaxed.push(run);
    }
  }
  return { text: terms.join(" "), terms, relaxed: unique(relaxed).slice(0, MAX_TERMS), japanese: JAPANESE.test(cut) };
}

/** The terms a trigram index can look up (three characters or more). */
export function indexable(terms: string[]): string[] {
  return terms.filter((term) => charLength(term) >= TRIGRAM);
}

/** An FTS5 expression in which every term is a quoted string, so no input is ever read as syntax. */
export function ftsExpression(terms: string[], operator: "AND" | "OR"): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(` ${operator} `);
}

const STOP_WORDS = new Set(["the", "and", "for", "how", "what", "can", "with", "you", "your", "our", "are", "does", "any", "has", "have", "who", "why", "when", "this", "that"]);
const MAX_PIECES = 24;

/**
 * Pieces of a question title to compare it with other titles ("similar questions"): English words
 * of three letters or more without stop words, and for Japanese every three-character window that
 * is not only hiragana, so differently worded titles still share pieces (開封率, 封率が…).
 */
export function similarityPieces(title: string): string[] {
  const text = normalize(title);
  const pieces = new Set<string>();
  for (const word of text.match(/[a-z0-9]{3,}/g) ?? []) if (!STOP_WORDS.has(word)) pieces.add(word);
  for (const run of text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + TRIGRAM <= chars.length; i++) {
      const window = chars.slice(i, i + TRIGRAM).join("");
      if (!HIRAGANA_ONLY.test(window)) pieces.add(window);
    }
  }
  const all = [...pieces];
  if (all.length <= MAX_PIECES) return all;
  // Spread the kept pieces over the whole title rather than keeping only its beginning.
  return Array.from({ length: MAX_PIECES }, (_, i) => all[Math.round((i * (all.length - 1)) / (MAX_PIECES - 1))]!);
}

/** How many of the pieces a title contains. */
export function sharedPieces(title: string, pieces: string[]): number {
  const text = normalize(title);
  return pieces.filter((piece) => text.includes(piece)).length;
}

/** Two titles are similar when they share two pieces (or the one piece a short title has). */
export function isSimilar(title: string, pieces: string[]): boolean {
  return pieces.length > 0 && sharedPieces(title, pieces) >= Math.min(2, pieces.length);
}
