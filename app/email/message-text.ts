// Plain text of a stored message ({key, params}: alert evidence and next actions, scoring facts),
// one text everywhere it is read: the staff pages, emails, webhook payloads and the REST API.
// Follows the conventions of app/alerts/rules.ts: a value "band:red" becomes the band's name,
// "date:2026-11-03" a date in the reader's locale.
import type { Locale } from "~/i18n/locales";
import { isMessageKey, translator, type Translate } from "~/i18n/messages";
import { BANDS, type Band } from "~/scoring/model";
import { formatDate, formatNumber } from "~/utils/format";

export type StoredMessage = { key: string; params: Record<string, string | number> };

const isBand = (value: string): value is Band => (BANDS as readonly string[]).includes(value);

export function messageText(message: StoredMessage, locale: Locale, t: Translate = translator(locale)): string {
  if (!isMessageKey(message.key)) return message.key;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    if (typeof value === "string" && value.startsWith("band:") && isBand(value.slice(5))) params[name] = t(`scoring.band.${value.slice(5) as Band}`);
    else if (typeof value === "string" && value.startsWith("date:")) params[name] = formatDate(value.slice(5), locale);
    else if (typeof value === "number") params[name] = formatNumber(value, locale);
    else params[name] = value;
  }
  return t(message.key, params);
}

/** A stored message column (JSON) read back; anything unreadable is an empty message, never a crash. */
export function parseStoredMessage(json: string): StoredMessage {
  try {
    const value = JSON.parse(json) as Partial<StoredMessage> | null;
    if (value && typeof value.key === "string" && value.params && typeof value.params === "object") return { key: value.key, params: value.params };
  } catch {
    // fall through
  }
  return { key: "", params: {} };
}
