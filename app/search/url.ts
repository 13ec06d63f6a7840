// The results page's URL: what to search, which tab, filters and page. Unknown or malformed values
// are ignored (the page still answers), so a hand-edited or stale link never fails.
import { LOCALES, type Locale } from "~/i18n/locales";
import { DOC_TYPES, MAX_QUERY_CHARS, NO_FILTERS, type DocType, type SearchFilters } from "./model";

export const TIER_FILTERS = ["beginner", "intermediate", "advanced"] as const;
export const STATE_FILTERS = ["answered", "open"] as const;
export const MAX_PAGE = 100;

export type SearchPage = { query: string; filters: SearchFilters; page: number };

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function searchPageFromUrl(url: URL): SearchPage {
  const params = url.searchParams;
  const tag = (params.get("tag") ?? "").trim();
  const page = Number(params.get("page") ?? "1");
  return {
    query: [...(params.get("q") ?? "")].slice(0, MAX_QUERY_CHARS).join("").trim(),
    filters: {
      ...NO_FILTERS,
      type: oneOf<DocType>(DOC_TYPES, params.get("type")),
      locale: oneOf<Locale>(LOCALES, params.get("lang")),
      tier: oneOf(TIER_FILTERS, params.get("tier")),
      state: oneOf(STATE_FILTERS, params.get("state")),
      tag: tag && tag.length <= 60 ? tag : null,
    },
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The URL of the results page for `page`, with some parts changed (null removes a filter). */
export function searchHref(current: SearchPage, change: { type?: DocType | null; locale?: Locale | null; tier?: string | null; state?: string | null; tag?: string | null; page?: number; query?: string } = {}): string {
  const filters = { ...current.filters, ...Object.fromEntries(Object.entries(change).filter(([key]) => key in NO_FILTERS)) } as SearchFilters;
  const params = new URLSearchParams();
  params.set("q", change.query ?? current.query);
  if (filters.type) params.set("type", filters.type);
  if (filters.locale) params.set("lang", filters.locale);
  if (filters.tier) params.set("tier", filters.tier);
  if (filters.state) params.set("state", filters.state);
  if (filters.tag) params.set("tag", filters.tag);
  const page = change.page ?? 1;
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}
