import type { Locale } from "~/i18n/locales";

const intlLocale = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-US");

export function formatYen(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "JPY", maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A calendar date (stored as YYYY-MM-DD or an ISO timestamp) in the reader's language. */
export function formatDate(value: string | Date, locale: Locale, timeZone = "UTC"): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone }).format(date);
}

export function formatDateTime(value: string | Date, locale: Locale, timeZone = "UTC"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
