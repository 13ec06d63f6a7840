import { parseCsv } from "~/utils/csv";
import { contentDisposition, csvField, csvResponse, toCsv } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("Aya Ito")).toBe("Aya Ito");
    expect(csvField("伊藤 彩")).toBe("伊藤 彩");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvField("Sato, Misaki")).toBe('"Sato, Misaki"');
    expect(csvField('The "best" team')).toBe('"The ""best"" team"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(" padded ")).toBe('" padded "');
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+81 3 1234")).toBe("'+81 3 1234");
    expect(csvField("-minus")).toBe("'-minus");
    expect(csvField("@cmd")).toBe("'@cmd");
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    const csv = toCsv([
      ["氏名", "メール"],
      ["伊藤 彩", "aya@example.com"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFF氏名,メール\r\n伊藤 彩,aya@example.com\r\n");
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("round-trips through a CSV reader, Japanese and awkward text included", () => {
    const rows = [
      ["名前", "note", "count"],
      ["株式会社さくらコマース", 'says "hi", then\nleaves', "3"],
      ["", "末尾スペース ", "0"],
    ];
    expect(parseCsv(toCsv(rows)).map((record) => record.fields)).toEqual(rows);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and an RFC 5987 UTF-8 name", () => {
    const header = contentDisposition("株式会社さくらコマース-members.csv");
    expect(header).toBe(
      `attachment; filename="___________-members.csv"; filename*=UTF-8''${encodeURIComponent("株式会社さくらコマース")}-members.csv`,
    );
  });

  it("percent-encodes the characters RFC 5987 does not allow and drops path separators", () => {
    const header = contentDisposition(`O'Brien (draft) *1/../x.csv`);
    expect(header).toContain(`filename*=UTF-8''O%27Brien%20%28draft%29%20%2A1_.._x.csv`);
    expect(header).toContain('filename="O\'Brien (draft) *1_.._x.csv"');
    expect(contentDisposition('a"b;c.csv')).toContain('filename="a_b_c.csv"');
    expect(contentDisposition("")).toContain('filename="download.csv"');
  });

  it("serves CSV as a private UTF-8 download", async () => {
    const response = csvResponse([["a"]], "x.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
