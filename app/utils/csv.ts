// RFC 4180 CSV: fields separated by commas, records by CRLF (LF or a lone CR is accepted too), fields
// with commas, quotes or line breaks wrapped in double quotes, a quote inside doubled ("").
// A UTF-8 byte order mark (Excel writes one) is dropped. The one reader for every CSV import
// (accounts, people, usage) and the writer under the downloads of app/workspace/csv.ts.

export type CsvRecord = {
  /** 1-based line on which the record starts, for error messages people can find in an editor. */
  line: number;
  fields: string[];
};

export class CsvSyntaxError extends Error {
  constructor(
    /** What is wrong, without the line: for reports that show the line in a column of their own. */
    readonly reason: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Parses CSV text into records. Blank lines are skipped; a malformed quote throws CsvSyntaxError. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // A quoted field just ended: only a separator or the end of the record may follow.
  let afterQuote = false;

  const endField = () => {
    fields.push(field);
    field = "";
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"' && field === "" && !afterQuote) {
      // A quoted field: read up to the closing quote, keeping commas and line breaks.
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CsvSyntaxError("a quoted field is not closed", startLine);
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === "\n") line += 1;
        field += c;
        i += 1;
      }
      afterQuote = true;
      continue;
    }
    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (afterQuote) throw new CsvSyntaxError("text after a closing quote; double a quote inside a quoted field (\"\")", line);
    if (ch === '"') throw new CsvSyntaxError("a quote inside an unquoted field; wrap the field in quotes and double the quote", line);
    field += ch;
    i += 1;
  }
  if (field !== "" || fields.length > 0 || afterQuote) endRecord();
  return records;
}

/** One CSV field: quoted when it holds a comma, quote or line break, or starts or ends with a space (which some readers trim). */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with CRLF line ends, as RFC 4180 asks. */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
