// Decodes an uploaded CSV file. Excel in Japan saves "CSV" as Shift_JIS; newer versions offer
// UTF-8 with a byte-order mark; other tools write UTF-8 without one. A file is accepted when it
// is valid UTF-8 (with or without BOM) or, failing that, valid Shift_JIS; anything else is
// refused, never guessed, so no mojibake ever reaches the database.

export type CsvEncoding = "utf-8" | "utf-8-bom" | "shift_jis";
export type DecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: "utf16" | "binary" | "undecodable" | "empty" };

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: "utf16" };
  let result: { text: string; encoding: CsvEncoding } | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), "utf-8");
    if (text === null) return { ok: false, reason: "undecodable" };
    result = { text, encoding: "utf-8-bom" };
  } else {
    const utf8 = decodeStrict(bytes, "utf-8");
    if (utf8 !== null) result = { text: utf8, encoding: "utf-8" };
    else {
      const sjis = decodeStrict(bytes, "shift_jis");
      if (sjis !== null) result = { text: sjis, encoding: "shift_jis" };
    }
  }
  if (!result) return { ok: false, reason: "undecodable" };
  // Text files have no NUL characters (and no other C0 controls but tab and line breaks).
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(result.text)) return { ok: false, reason: "binary" };
  return { ok: true, ...result };
}
