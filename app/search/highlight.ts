// Highlighted titles and snippets as HTML that is safe to put in a page: every character of the
// stored text is escaped, and the only tags are the <mark>s added here. Matching ignores case and
// width (NFKC), like the search itself, while the text shown stays as it was written.
import { normalize } from "./query";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type Range = [start: number, end: number];

/** Where the terms occur in `text`, as merged UTF-16 ranges of the original text. */
export function matchRanges(text: string, terms: string[]): Range[] {
  const wanted = terms.filter(Boolean);
  if (wanted.length === 0 || !text) return [];
  // The normalised text, and for each of its UTF-16 units the original character it came from.
  let norm = "";
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of text) {
    const n = normalize(char);
    for (let k = 0; k < n.length; k++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    norm += n;
    offset += char.length;
  }
  const ranges: Range[] = [];
  for (const term of wanted) {
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      ranges.push([from[at]!, to[at + term.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function marked(text: string, ranges: Range[]): string {
  let html = "";
  let at = 0;
  for (const [start, end] of ranges) {
    html += escapeHtml(text.slice(at, start)) + "<mark>" + escapeHtml(text.slice(start, end)) + "</mark>";
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

export function highlight(text: string, terms: string[]): string {
  return marked(text, matchRanges(text, terms));
}

/** Up to about `length` characters of `text` around the first match, highlighted. */
export function snippet(text: string, terms: string[], length = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const ranges = matchRanges(flat, terms);
  const chars = [...flat];
  if (chars.length <= length) return marked(flat, ranges);
  // Work in code points so a cut never splits a surrogate pair.
  const first = ranges[0] ? [...flat.slice(0, ranges[0][0])].length : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const before = chars.slice(0, start).join("").length;
  const piece = chars.slice(start, end).join("");
  const shifted = ranges
    .map(([s, e]): Range => [s - before, e - before])
    .filter(([s, e]) => e > 0 && s < piece.length)
    .map(([s, e]): Range => [Math.max(0, s), Math.min(piece.length, e)]);
  return (start > 0 ? "…" : "") + marked(piece, shifted) + (end < chars.length ? "…" : "");
}

/** Marker characters a backend puts around matches; stripped from indexed text so they mean only that. */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

export function withoutMarkers(text: string): string {
  return text.replace(/[\uE000\uE001]/g, "");
}

/** Text with MARK_OPEN/MARK_CLOSE around matches (as Meilisearch returns it) → safe HTML. */
export function markersToHtml(text: string): string {
  let html = "";
  let open = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += "</mark>";
      open = false;
    } else html += escapeHtml(part);
  }
  return open ? html + "</mark>" : html;
}
