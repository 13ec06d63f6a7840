// Row ids of the embedded index carry what filters and ranking need, so the ranked query never
// has to join the document table (which made filtered searches over 20,000 questions several
// times slower). From the most significant bit down:
//
//   type (4 bits) · audience (3) · boost (2) · locale (1) · tier (2) · state (2) · sequence (32)
//
// Type and audience on top make "this type, audiences up to N" one contiguous range, which FTS5
// applies while it walks its index; the other fields are read with shifts and masks. 46 bits in
// all, far below 2^53, so the ids are exact JavaScript numbers too.
import { LOCALES, type Locale } from "~/i18n/locales";
import { DOC_TYPES, type DocType, type SearchFilters } from "./model";

const SEQ = 2 ** 32;
const SHIFT = { state: 32, tier: 34, locale: 36, boost: 37, audience: 39, type: 42 } as const;
const MASK = { state: 3, tier: 3, locale: 1, boost: 3, audience: 7, type: 15 } as const;
type Field = keyof typeof SHIFT;

/** Codes of the filterable values; anything else (no tier, a group's "active") is 0. */
const STATE_CODE: Record<string, number> = { open: 1, answered: 2, locked: 3 };
const TIER_CODE: Record<string, number> = { beginner: 1, intermediate: 2, advanced: 3 };

export type RowFacts = { type: DocType; audience: number; boost: number; locale: Locale; tier: string | null; state: string | null };

export function rowidFor(facts: RowFacts, seq: number): number {
  const parts: Record<Field, number> = {
    type: DOC_TYPES.indexOf(facts.type) + 1,
    audience: Math.max(0, Math.min(MASK.audience, facts.audience)),
    boost: Math.max(0, Math.min(MASK.boost, Math.round(facts.boost))),
    locale: Math.max(0, LOCALES.indexOf(facts.locale)),
    tier: TIER_CODE[facts.tier ?? ""] ?? 0,
    state: STATE_CODE[facts.state ?? ""] ?? 0,
  };
  let high = 0;
  for (const field of Object.keys(SHIFT) as Field[]) high += parts[field] * 2 ** (SHIFT[field] - 32);
  return high * SEQ + (seq % SEQ);
}

export function fieldOf(rowid: number, field: Field): number {
  return Math.floor(Math.floor(rowid / SEQ) / 2 ** (SHIFT[field] - 32)) & MASK[field];
}

/** Every row id of `type` whose audience rank is at most `maxAudience`. */
export function rowidRange(type: DocType, maxAudience: number): [number, number] {
  const base = (DOC_TYPES.indexOf(type) + 1) * 2 ** SHIFT.type;
  return [base, base + (Math.min(maxAudience, MASK.audience) + 1) * 2 ** SHIFT.audience - 1];
}

/** The SQL expression reading one field from a row id column. */
export function fieldSql(column: string, field: Field): string {
  return `((${column} >> ${SHIFT[field]}) & ${MASK[field]})`;
}

type RowFilters = Pick<SearchFilters, "locale" | "tier" | "state">;

function wanted(filters: RowFilters): Array<[Field, number]> {
  const out: Array<[Field, number]> = [];
  if (filters.locale) out.push(["locale", LOCALES.indexOf(filters.locale)]);
  if (filters.tier) out.push(["tier", TIER_CODE[filters.tier] ?? -1]);
  if (filters.state) out.push(["state", STATE_CODE[filters.state] ?? -1]);
  return out;
}

/** Filters as SQL conditions on a row id column (numbers from fixed tables only, never input). */
export function filterSql(column: string, filters: RowFilters): string {
  return wanted(filters)
    .map(([field, code]) => ` AND ${fieldSql(column, field)} = ${code}`)
    .join("");
}

export function matchesFilters(rowid: number, filters: RowFilters): boolean {
  return wanted(filters).every(([field, code]) => fieldOf(rowid, field) === code);
}

/** Which type a row id belongs to. */
export function typeOf(rowid: number): DocType {
  return DOC_TYPES[fieldOf(rowid, "type") - 1]!;
}
