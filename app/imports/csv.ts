// An RFC 4180 CSV parser: fields separated by commas, records by CRLF (LF and lone CR are
// accepted too, as spreadsheets write them), double-quoted fields may hold commas, quotes ("")
// and line breaks. A leading byte-order mark is dropped. Each record keeps the line it started
// on, so validation reports point at the line a person sees in their editor.

export type CsvRecord = { line: number; fields: string[] };
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it is not a record (blank lines, the final line break).
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          return { ok: false, line, message: "a closing quote must be followed by a comma or the end of the line" };
        }
        continue;
      }
      if (c === "\r" || c === "\n") {
        // A line break inside quotes belongs to the field; CRLF stays CRLF.
        if (c === "\r" && text[i + 1] === "\n") {
          field += "\r\n";
          i += 2;
        } else {
          field += c;
          i += 1;
        }
        line += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field !== "") return { ok: false, line, message: "a quote may only appear inside a field that starts with a quote" };
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === ",") {
      endField();
      i += 1;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) return { ok: false, line: recordLine, message: "a quoted field is not closed before the end of the file" };
  if (field !== "" || fieldStarted || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** Quotes a value for CSV output when it needs it (exports and test fixtures). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
