import { parseCsv, toCsv } from "./csv";

const fieldsOf = (input: string) => {
  const result = parseCsv(input);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => r.fields);
};

describe("parseCsv", () => {
  test("plain fields, LF, CRLF and lone CR line endings", () => {
    expect(fieldsOf("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fieldsOf("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("quoted fields hold commas, escaped quotes and line breaks", () => {
    expect(fieldsOf('name,note\r\n"Acme, Inc.","He said ""hi"""\r\n')).toEqual([["name", "note"], ["Acme, Inc.", 'He said "hi"']]);
    expect(fieldsOf('a,b\n"line one\nline two",x\n')).toEqual([["a", "b"], ["line one\nline two", "x"]]);
    expect(fieldsOf('a\r\n"one\r\ntwo"\r\n')).toEqual([["a"], ["one\r\ntwo"]]);
    expect(fieldsOf('"",""\n')).toEqual([["", ""]]);
  });

  test("empty fields and trailing commas are kept; blank lines are skipped", () => {
    expect(fieldsOf("a,,c,\n\n\n1,2,,\n")).toEqual([["a", "", "c", ""], ["1", "2", "", ""]]);
  });

  test("a byte-order mark is dropped and Japanese text passes through", () => {
    expect(fieldsOf("\uFEFF会社名,ドメイン\r\n株式会社さくら,sakura.example\r\n")).toEqual([["会社名", "ドメイン"], ["株式会社さくら", "sakura.example"]]);
  });

  test("records remember the line they start on, counting line breaks inside quotes", () => {
    const result = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test("malformed quoting is reported with its line", () => {
    expect(parseCsv('a,b\n"open,x\n')).toEqual({ ok: false, line: 2, message: "a quoted field is not closed before the end of the file" });
    expect(parseCsv('a,b\n"x"y,z\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\nx"y,z\n')).toMatchObject({ ok: false, line: 2 });
  });

  test("toCsv quotes what needs quoting and parses back to the same rows", () => {
    const rows = [["name", "note"], ["Acme, Inc.", 'say "hi"'], ["改行\nあり", " padded "]];
    const text = toCsv(rows);
    expect(text).toBe('name,note\r\n"Acme, Inc.","say ""hi"""\r\n"改行\nあり"," padded "\r\n');
    expect(fieldsOf(text)).toEqual(rows);
  });
});
