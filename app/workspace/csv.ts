// CSV downloads that open correctly in Excel, Japanese included: UTF-8 with a byte-order mark,
// CRLF line ends, RFC 4180 quoting, and a file name that survives non-ASCII characters.

import { csvField as quotedField } from "~/utils/csv";

export type CsvCell = string | number | null | undefined;

const BOM = "\uFEFF";

/**
 * One field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is
 * prefixed with an apostrophe, so a member named "=HYPERLINK(…)" stays text. Numbers stay numbers.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return quotedField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** The whole file: BOM, then each row on its own CRLF-terminated line. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return BOM + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** RFC 5987 value-chars: encodeURIComponent leaves a few characters that the RFC does not allow. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with an ASCII fallback name for old clients and the real (UTF-8) name in
 * filename* for everyone else. Path separators and control characters never reach the header.
 */
export function contentDisposition(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = filename.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "download.csv";
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

export function csvResponse(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, filename: string): Response {
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      // Staff data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
