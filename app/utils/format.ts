import type { Locale } from "~/i18n/locales";

const intlLocale = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-US");

// Building an Intl formatter costs far more than using one (a page with 30 answers spent several
// milliseconds on it), so each distinct one is built once and reused.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter;
}

export function formatYen(amount: number, locale: Locale): string {
  return cached(`yen:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "JPY", maximumFractionDigits: 0 })).format(amount);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

/** A calendar date (stored as YYYY-MM-DD or an ISO timestamp) in the reader's language. */
export function formatDate(value: string | Date, locale: Locale, timeZone = "UTC"): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return cached(`date:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone })).format(date);
}

export function formatDateTime(value: string | Date, locale: Locale, timeZone = "UTC"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return cached(`datetime:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone })).format(date);
}

/**
 * How long ago `value` was, relative to `now` ("3日前", "3 days ago"). Callers pass the loader's
 * `now` so the server and the hydrating browser render the same text.
 */
export function formatAge(value: string | Date, now: string | Date, locale: Locale): string {
  const elapsed = Math.max(0, new Date(now).getTime() - new Date(value).getTime()) / 60_000;
  const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
    elapsed < 60 ? [Math.max(1, Math.floor(elapsed)), "minute"] : elapsed < 24 * 60 ? [Math.floor(elapsed / 60), "hour"] : [Math.floor(elapsed / (24 * 60)), "day"];
  const text = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "always" }).format(-amount, unit);
  // ICU puts a space between the number and the unit in Japanese ("3 日前"); Japanese text has none.
  return locale === "ja" ? text.replace(/(\d) /, "$1") : text;
}
