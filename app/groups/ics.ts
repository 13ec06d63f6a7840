// One meeting as an iCalendar file (RFC 5545) that calendar apps import. Times go out in UTC
// ("Z"), so no VTIMEZONE is needed and every app shows them in its own zone.

export type IcsEvent = {
  /** Globally unique and stable across downloads, so re-importing updates the same event. */
  uid: string;
  /** When this version of the event was last changed. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** YYYYMMDDTHHMMSSZ */
export function icsDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1). Breaks fall
 * between characters, never inside a UTF-8 sequence, so Japanese text survives; each
 * continuation starts with one space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

export function buildIcs(event: IcsEvent, productId = "-//Kizuna//Study groups//EN"): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    property("PRODID", productId),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    property("UID", event.uid),
    property("DTSTAMP", icsDateTime(event.stamp)),
    property("DTSTART", icsDateTime(event.start)),
    property("DTEND", icsDateTime(event.end)),
    property("SUMMARY", escapeText(event.summary)),
    event.description ? property("DESCRIPTION", escapeText(event.description)) : null,
    event.location ? property("LOCATION", escapeText(event.location)) : null,
    // URL is a URI value, not TEXT: it is not escaped.
    event.url ? property("URL", event.url) : null,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.filter((line): line is string => line !== null).join(CRLF) + CRLF;
}

/** An ASCII file name every browser accepts, e.g. "meeting-20261201.ics" for a Japanese title. */
export function icsFileName(title: string, start: Date): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .toLowerCase();
  // A Japanese title leaves only stray digits ("4"): not a name worth keeping.
  const useful = (slug.match(/[a-z]/g) ?? []).length >= 3;
  return `${useful ? slug : "meeting"}-${icsDateTime(start).slice(0, 8)}.ics`;
}

/** Content-Disposition for the download: the ASCII name, plus the title itself for browsers that read RFC 6266 filename*. */
export function icsContentDisposition(title: string, start: Date): string {
  const ascii = icsFileName(title, start);
  const full = `${title.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim().slice(0, 80) || "meeting"}.ics`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(full)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
