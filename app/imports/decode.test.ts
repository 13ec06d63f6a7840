import fs from "node:fs";
import path from "node:path";
import { decodeCsvBytes } from "./decode";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/imports", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeCsvBytes", () => {
  const text = fs.readFileSync(path.resolve("tests/fixtures/imports/people-ja.utf8.csv"), "utf8");

  test("UTF-8 without a BOM", () => {
    expect(decodeCsvBytes(utf8(text))).toEqual({ ok: true, text, encoding: "utf-8" });
  });

  test("UTF-8 with a BOM: the BOM is not part of the text", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding: "utf-8-bom" });
  });

  test("Shift_JIS as Excel writes it (CP932, made with iconv), including 髙 and ①", () => {
    const result = decodeCsvBytes(fixture("people-ja.sjis.csv"));
    expect(result).toEqual({ ok: true, text, encoding: "shift_jis" });
    expect(text).toContain("髙橋 健二");
    expect(text).toContain("①");
  });

  test("refuses what decodes cleanly as neither (EUC-JP), UTF-16, binary and empty files", () => {
    expect(decodeCsvBytes(fixture("people-ja.eucjp.csv"))).toEqual({ ok: false, reason: "undecodable" });
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, reason: "utf16" });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, reason: "binary" });
    expect(decodeCsvBytes(new Uint8Array([]))).toEqual({ ok: false, reason: "empty" });
    // A BOM followed by invalid UTF-8 is not silently re-read as something else.
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x82, 0xa0]))).toEqual({ ok: false, reason: "undecodable" });
  });
});
