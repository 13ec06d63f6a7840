import { db } from "~/db.server";
import { scoringAccount } from "../../tests/scoring-factories";
import { translator } from "~/i18n/messages";
import { applyUsageRows, importUsageCsv, usageErrorKey, validateUsageCsv } from "./usage-import.server";

const NOW = new Date(Date.UTC(2026, 10, 15, 9));

async function accounts() {
  const a = await scoringAccount({ name: "Alpha" });
  const b = await scoringAccount({ name: "Beta" });
  const domain = (await db.accountDomain.findFirstOrThrow({ where: { accountId: b.id } })).domain;
  return { a, b, domain };
}

describe("validateUsageCsv", () => {
  test("accepts ids or domains, any column order, BOM and CRLF, with feature columns", async () => {
    const { a, b, domain } = await accounts();
    const csv = `\uFEFFday,account,active_users,email,scoring\r\n2026-11-13,${a.id},12,40,\r\n2026-11-14,${domain.toUpperCase()},3,0,2\r\n`;
    const result = await validateUsageCsv(csv, { now: NOW });
    expect(result.ok).toBe(true);
    expect(result).toMatchObject({ rowCount: 2, accounts: 2, firstDay: "2026-11-13", lastDay: "2026-11-14", features: ["email", "scoring"] });
    expect(result.rows.map((r) => [r.line, r.accountId, r.activeUsers, r.featureCounts])).toEqual([
      [2, a.id, 12, { email: 40 }],
      [3, b.id, 3, { email: 0, scoring: 2 }],
    ]);
  });

  test("every bad row is reported with its line and column: unknown account, negative numbers, bad dates…", async () => {
    const { a } = await accounts();
    const csv = [
      "account,day,active_users,email",
      `nobody.example,2026-11-01,3,1`,
      `${a.id},2026-11-02,-4,1`,
      `${a.id},2026-02-30,1,1`,
      `${a.id},11/03/2026,1,1`,
      `${a.id},2026-12-01,1,1`,
      `${a.id},2026-11-05,2.5,-1`,
      `${a.id},2026-11-06,1`,
      `${a.id},2026-11-07,1,1`,
      `${a.id},2026-11-07,2,1`,
    ].join("\n");
    const result = await validateUsageCsv(csv, { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, column: "account", code: "unknownAccount", value: "nobody.example" },
      { line: 3, column: "active_users", code: "negative", value: "-4" },
      { line: 4, column: "day", code: "badDate", value: "2026-02-30" },
      { line: 5, column: "day", code: "badDate", value: "11/03/2026" },
      { line: 6, column: "day", code: "futureDate", value: "2026-12-01" },
      { line: 7, column: "active_users", code: "notInteger", value: "2.5" },
      { line: 7, column: "email", code: "negative", value: "-1" },
      { line: 8, code: "columnCount", value: "3/4" },
      { line: 10, column: "day", code: "duplicateRow", value: "9" },
    ]);
  });

  test("header problems stop the file before any row", async () => {
    expect((await validateUsageCsv("account,active_users\nx,1\n", { now: NOW })).errors).toEqual([{ line: 1, column: "day", code: "missingColumn" }]);
    expect((await validateUsageCsv("account,day,active_users,Email Count,day\n", { now: NOW })).errors.map((e) => e.code)).toEqual(["badHeader", "duplicateHeader"]);
    expect((await validateUsageCsv("", { now: NOW })).errors).toEqual([{ line: 1, code: "empty" }]);
    expect((await validateUsageCsv("account,day,active_users\n", { now: NOW })).errors).toEqual([{ line: 1, code: "empty" }]);
    expect((await validateUsageCsv('account,day,active_users\n"x,2026-11-01,1\n', { now: NOW })).errors[0]!.code).toBe("syntax");
    expect((await validateUsageCsv("account,day,active_users\na,2026-11-01,1\nb,2026-11-01,1\n", { now: NOW, maxRows: 1 })).errors).toEqual([
      { line: 1, code: "tooManyRows", value: "1" },
    ]);
  });

  test("every error code has a message in both languages", () => {
    const codes = ["empty", "syntax", "tooManyRows", "missingColumn", "badHeader", "duplicateHeader", "columnCount", "unknownAccount", "badDate", "futureDate", "negative", "notInteger", "duplicateRow"] as const;
    for (const locale of ["en", "ja"] as const) {
      const t = translator(locale);
      for (const code of codes) expect(t(usageErrorKey(code), { value: "v", column: "c" })).not.toBe(usageErrorKey(code));
    }
  });
});

describe("importUsageCsv", () => {
  test("all or nothing: one bad row and nothing is written", async () => {
    const { a } = await accounts();
    const csv = `account,day,active_users\n${a.id},2026-11-10,5\n${a.id},2026-11-11,5\nunknown,2026-11-12,5\n`;
    const { validation, applied } = await importUsageCsv(csv, { now: NOW });
    expect(validation.ok).toBe(false);
    expect(applied).toBeNull();
    expect(await db.accountUsageDay.count({ where: { accountId: a.id } })).toBe(0);
  });

  test("a good file is written; sending a day again replaces its numbers", async () => {
    const { a } = await accounts();
    const progress: number[] = [];
    const first = await importUsageCsv(`account,day,active_users,email\n${a.id},2026-11-10,5,3\n${a.id},2026-11-11,6,\n`, { now: NOW, onProgress: (done) => progress.push(done) });
    expect(first.applied).toEqual({ written: 2, replaced: 0 });
    expect(progress).toEqual([2]);
    const second = await importUsageCsv(`account,day,active_users\n${a.id},2026-11-11,9\n`, { now: NOW });
    expect(second.applied).toEqual({ written: 1, replaced: 1 });
    const rows = await db.accountUsageDay.findMany({ where: { accountId: a.id }, orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.activeUsers, JSON.parse(r.featureCounts), r.source])).toEqual([
      ["2026-11-10", 5, { email: 3 }, "import"],
      ["2026-11-11", 9, {}, "import"],
    ]);
  });

  test("a dry run validates without writing", async () => {
    const { a } = await accounts();
    const { validation, applied } = await importUsageCsv(`account,day,active_users\n${a.id},2026-11-10,5\n`, { now: NOW, dryRun: true });
    expect(validation.ok).toBe(true);
    expect(applied).toBeNull();
    expect(await db.accountUsageDay.count({ where: { accountId: a.id } })).toBe(0);
  });

  test("a failure while writing rolls everything back", async () => {
    const { a } = await accounts();
    const rows = [
      { line: 2, accountId: a.id, day: new Date("2026-11-01T00:00:00Z"), activeUsers: 1, featureCounts: {} },
      // An account deleted between validation and writing breaks the foreign key.
      { line: 3, accountId: "deleted-account", day: new Date("2026-11-02T00:00:00Z"), activeUsers: 1, featureCounts: {} },
    ];
    await expect(applyUsageRows(rows)).rejects.toThrow();
    expect(await db.accountUsageDay.count({ where: { accountId: a.id } })).toBe(0);
  });
});
