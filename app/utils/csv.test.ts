import { CsvSyntaxError, parseCsv, toCsv } from "./csv";

const fieldsOf = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv", () => {
  test("plain records with LF or CRLF line ends and no final newline", () => {
    expect(fieldsOf("a,b,c\n1,2,3")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fieldsOf("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("a lone CR ends a record too (old spreadsheet exports)", () => {
    expect(fieldsOf("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("records remember the line they start on, past blank lines and line breaks inside quotes", () => {
    expect(parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test("an empty quoted field is a field", () => {
    expect(fieldsOf('"",""\n')).toEqual([["", ""]]);
  });

  test("quoted fields keep commas, doubled quotes and line breaks", () => {
    const records = parseCsv('id,note\r\n1,"Hello, ""world"""\r\n2,"two\r\nlines"\r\n3,end\r\n');
    expect(records.map((r) => r.fields)).toEqual([
      ["id", "note"],
      ["1", 'Hello, "world"'],
      ["2", "two\r\nlines"],
      ["3", "end"],
    ]);
    // The record after a multi-line field starts on the line an editor shows.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  test("drops a UTF-8 byte order mark and skips blank lines", () => {
    expect(fieldsOf("\uFEFFaccount,day\n\nx,2026-01-01\n\n")).toEqual([["account", "day"], ["x", "2026-01-01"]]);
  });

  test("keeps empty fields, including a trailing one", () => {
    expect(fieldsOf("a,,c\n1,2,\n")).toEqual([["a", "", "c"], ["1", "2", ""]]);
  });

  test("Japanese text passes through untouched", () => {
    expect(fieldsOf("名前,メモ\n佐藤,\"東京, 日本\"\n")).toEqual([["名前", "メモ"], ["佐藤", "東京, 日本"]]);
  });

  test("malformed quoting is an error with the line number", () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/line 2/);
    // The reason alone, for reports that show the line in a column of their own.
    const thrown = (() => {
      try {
        parseCsv('a,b\n"open,x\n');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ line: 2, reason: "a quoted field is not closed" });
  });
});

describe("toCsv", () => {
  test("quotes only what needs quoting and round-trips through parseCsv", () => {
    const rows = [["id", "note"], ["1", 'say "hi", then\nleave'], ["2", ""]];
    const text = toCsv(rows);
    expect(text).toBe('id,note\r\n1,"say ""hi"", then\nleave"\r\n2,\r\n');
    expect(fieldsOf(text)).toEqual(rows);
  });

  test("quotes text that starts or ends with a space, so no reader trims it", () => {
    const rows = [["名前"], [" padded "], ["改行\nあり"]];
    expect(toCsv(rows)).toBe('名前\r\n" padded "\r\n"改行\nあり"\r\n');
    expect(fieldsOf(toCsv(rows))).toEqual(rows);
  });
});
