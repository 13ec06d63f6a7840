// CSV imports against a real database: Japanese files in every accepted encoding, the row-level
// report, all-or-nothing application, and each kind's matching rules.
import fs from "node:fs";
import path from "node:path";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { db } from "~/db.server";
import { toCsv } from "~/utils/csv";
import { parseCsvDate, parseWholeNumber } from "./importers.server";
import { applyImportJob, checkImportFile, discardImportJob, getImportJob } from "./jobs.server";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/imports", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

async function check(kind: "accounts" | "people" | "usage", bytes: Uint8Array, fileName = "file.csv") {
  const result = await checkImportFile({ kind, fileName, bytes, actorId: null });
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return (await getImportJob(result.jobId))!;
}

/** Everything an import could touch, to prove a refused import changed nothing. */
async function snapshot() {
  const [accounts, domains, externalIds, users, personIds, usage] = await Promise.all([
    db.account.findMany({ orderBy: { id: "asc" } }),
    db.accountDomain.findMany({ orderBy: { domain: "asc" } }),
    db.accountExternalId.findMany({ orderBy: { externalId: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.personExternalId.findMany({ orderBy: { externalId: "asc" } }),
    db.accountUsageDay.findMany({ orderBy: [{ accountId: "asc" }, { day: "asc" }] }),
  ]);
  return { accounts, domains, externalIds, users, personIds, usage };
}

describe("Japanese people files in each encoding", () => {
  beforeAll(async () => {
    await upsertAccount({ name: "SJIS商事株式会社", domains: ["sjis-shoji.example"] });
  });

  const utf8Text = fs.readFileSync(path.resolve("tests/fixtures/imports/people-ja.utf8.csv"), "utf8");
  const cases: Array<[string, () => Uint8Array, string]> = [
    ["UTF-8 without BOM", () => utf8(utf8Text), "utf-8"],
    ["UTF-8 with BOM", () => withBom(utf8Text), "utf-8-bom"],
    ["Shift_JIS (Excel)", () => fixture("people-ja.sjis.csv"), "shift_jis"],
  ];

  for (const [label, bytes, encoding] of cases) {
    test(`${label} imports with the names intact`, async () => {
      await db.user.deleteMany({ where: { email: { endsWith: "@sjis-shoji.example" } } });
      const job = await check("people", bytes(), "メンバー.csv");
      expect(job).toMatchObject({ encoding, rowCount: 2, errorCount: 0, summary: { created: 2, updated: 0 } });
      expect(job.sample[0]!.fields).toEqual(["メールアドレス", "氏名", "役割", "役職", "アカウントドメイン"]);
      expect(await db.user.count({ where: { email: { endsWith: "@sjis-shoji.example" } } })).toBe(0);

      expect(await applyImportJob(job.id, null)).toEqual({ ok: true, summary: { created: 2, updated: 0, upserted: 0 } });
      const people = await db.user.findMany({ where: { email: { endsWith: "@sjis-shoji.example" } }, orderBy: { email: "asc" }, include: { account: true } });
      expect(people.map((p) => [p.name, p.persona, p.title, p.account?.name])).toEqual([
        ["髙橋 健二", "manager", "営業部 部長①", "SJIS商事株式会社"],
        ["渡辺 結衣", "practitioner", "マーケティング課, 主任", "SJIS商事株式会社"],
      ]);
      expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("applied");
      expect(await applyImportJob(job.id, null)).toEqual({ ok: false, reason: "not-pending" });
    });
  }

  test("a file that is neither UTF-8 nor Shift_JIS is refused with a reason, and nothing is stored", async () => {
    const before = await db.importJob.count();
    expect(await checkImportFile({ kind: "people", fileName: "euc.csv", bytes: fixture("people-ja.eucjp.csv"), actorId: null })).toEqual({ ok: false, reason: "undecodable" });
    expect(await db.importJob.count()).toBe(before);
  });
});

describe("all or nothing", () => {
  test("one bad row: the report names its line and column, and applying changes nothing", async () => {
    await upsertAccount({ name: "既存商事", domains: ["kizon.example"], plan: "starter" });
    const before = await snapshot();
    const csv = toCsv([
      ["会社名", "ドメイン", "外部ID", "プラン", "契約席数", "更新日", "ステージ"],
      ["新規ソフト株式会社", "shinki-soft.example", "crm-new-1", "グロース", "30", "2027/4/1", "L02"],
      ["既存商事", "kizon.example", "crm-kizon", "enterprise", "１２０", "2027-03-31", "定常運用"],
      ["不正データ株式会社", "fusei.example", "crm-bad", "platinum", "abc", "来年", "L11"],
    ]);
    const job = await check("accounts", utf8(csv));
    expect(job.errorCount).toBe(4);
    expect(job.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, "plan", "choice"],
      [4, "seatsLicensed", "number"],
      [4, "renewalDate", "date"],
      [4, "lifecycleStage", "choice"],
    ]);
    expect(job.sample.map((r) => r.hasProblem)).toEqual([false, false, false, true]);
    expect(await applyImportJob(job.id, null)).toEqual({ ok: false, reason: "has-problems", problems: 4 });
    expect(await snapshot()).toEqual(before);
  });

  test("when the data changed between check and apply, applying finds the problem and changes nothing", async () => {
    const known = await upsertAccount({ name: "Race Co", domains: ["race-one.example"] });
    await db.accountExternalId.create({ data: { externalId: "crm-race", accountId: known.id } });
    const csv = toCsv([
      ["name", "domains", "externalId"],
      ["Race Co (renamed)", "race-one.example race-two.example", "crm-race"],
      ["Race Three", "race-three.example", ""],
    ]);
    const job = await check("accounts", utf8(csv));
    expect(job).toMatchObject({ errorCount: 0, summary: { created: 1, updated: 1 } });
    // Meanwhile someone registered the second domain to another account.
    await upsertAccount({ name: "Someone Else", domains: ["race-two.example"] });
    const before = await snapshot();
    expect(await applyImportJob(job.id, null)).toEqual({ ok: false, reason: "problems-now", problems: 1 });
    expect(await snapshot()).toEqual(before);
    expect((await getImportJob(job.id))!.problems.map((p) => [p.line, p.code, p.params])).toEqual([[2, "domainTaken", { value: "race-two.example", account: "Someone Else" }]]);
  });

  test("a discarded import cannot be applied and keeps no file content", async () => {
    const job = await check("accounts", utf8(toCsv([["name"], ["Discard Me"]])));
    expect(await discardImportJob(job.id)).toBe(true);
    expect(await applyImportJob(job.id, null)).toEqual({ ok: false, reason: "not-pending" });
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).content).toBe("");
    expect(await db.account.count({ where: { name: "Discard Me" } })).toBe(0);
  });
});

describe("accounts", () => {
  test("creates, updates by external id or domain, adds domains, takes Japanese labels, sets the owner", async () => {
    const owner = await upsertUser({ email: "owner.import@kizuna.example", name: "担当 一郎", role: "cs" });
    const existing = await upsertAccount({ name: "旧社名株式会社", domains: ["kyu.example"], plan: "starter" });
    await db.accountExternalId.create({ data: { externalId: "crm-upd", accountId: existing.id } });
    const csv = toCsv([
      ["name", "domains", "externalId", "plan", "seats", "arr", "renewalDate", "stage", "owner", "memo"],
      ["新社名株式会社", "kyu.example, shin.example", "crm-upd", "エンタープライズ", "50", "¥12,000,000", "2027-06-30", "L07", "owner.import@kizuna.example", "ignored"],
      ["Fresh Analytics", "fresh-analytics.example", "crm-fresh", "", "", "", "", "", "", ""],
    ]);
    const job = await check("accounts", utf8(csv));
    expect(job).toMatchObject({ errorCount: 0, ignoredColumns: ["memo"], summary: { created: 1, updated: 1 } });
    await applyImportJob(job.id, null);
    const updated = await db.account.findUniqueOrThrow({ where: { id: existing.id }, include: { domains: { orderBy: { domain: "asc" } } } });
    expect(updated).toMatchObject({ name: "新社名株式会社", plan: "enterprise", seatsLicensed: 50, arr: 12_000_000, lifecycleStage: "L07", ownerId: owner.id });
    expect(updated.renewalDate?.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(updated.domains.map((d) => d.domain)).toEqual(["kyu.example", "shin.example"]);
    const fresh = await db.account.findFirstOrThrow({ where: { name: "Fresh Analytics" }, include: { externalIds: true } });
    expect(fresh).toMatchObject({ plan: "growth", lifecycleStage: "L01" });
    expect(fresh.externalIds.map((e) => e.externalId)).toEqual(["crm-fresh"]);
    expect(await db.auditEntry.count({ where: { action: "import.applied", targetId: job.id } })).toBe(1);
  });

  test("file-level problems: missing required columns, duplicates inside the file, unknown owner, free-mail", async () => {
    const missing = await check("accounts", utf8(toCsv([["domains"], ["x.example"]])));
    expect(missing.problems.map((p) => p.code)).toEqual(["missingColumn"]);
    const job = await check(
      "accounts",
      utf8(
        toCsv([
          ["name", "domains", "externalId", "owner"],
          ["A", "dup.example", "crm-dup", ""],
          ["B", "dup.example", "crm-dup", "nobody@kizuna.example"],
          ["C", "gmail.com", "", ""],
        ]),
      ),
    );
    expect(job.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "unknownOwner"],
      [3, "duplicateInFile"],
      [3, "duplicateInFile"],
      [4, "domainFreeMail"],
    ]);
  });
});

describe("people and usage", () => {
  test("people: duplicates in the file, staff, unknown accounts and missing names are reported per row", async () => {
    await upsertUser({ email: "staff.import@kizuna.example", name: "Staff", role: "admin" });
    const job = await check(
      "people",
      utf8(
        toCsv([
          ["email", "name", "accountExternalId", "persona"],
          ["p1@people-import.example", "一人目", "", "executive"],
          ["P1@people-import.example", "重複", "", ""],
          ["staff.import@kizuna.example", "x", "", ""],
          ["p3@people-import.example", "三人目", "crm-none", ""],
          ["p4@people-import.example", "", "", ""],
          ["not an email", "x", "", "CEO"],
        ]),
      ),
    );
    expect(job.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "duplicateInFile"],
      [4, "staffPerson"],
      [5, "unknownAccount"],
      [6, "nameForNew"],
      [7, "email"],
      [7, "choice"],
    ]);
    expect(await db.user.count({ where: { email: "p1@people-import.example" } })).toBe(0);
  });

  test("usage: one row per account and day with feature columns; a re-import replaces the day", async () => {
    const account = await upsertAccount({ name: "利用状況株式会社", domains: ["usage-import.example"] });
    await db.accountExternalId.create({ data: { externalId: "crm-usage", accountId: account.id } });
    const file = (users: string) =>
      utf8(
        toCsv([
          ["accountExternalId", "日付", "アクティブユーザー数", "feature:lead-scoring", "機能:メール配信"],
          ["crm-usage", "2026/11/01", users, "12", ""],
          ["crm-usage", "2026-11-02", "8", "", "3"],
        ]),
      );
    const first = await check("usage", file("10"));
    expect(first).toMatchObject({ errorCount: 0, summary: { upserted: 2 } });
    await applyImportJob(first.id, null);
    const second = await check("usage", file("11"));
    await applyImportJob(second.id, null);
    const rows = await db.accountUsageDay.findMany({ where: { accountId: account.id }, orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.activeUsers, JSON.parse(r.featureCounts), r.source])).toEqual([
      ["2026-11-01", 11, { "lead-scoring": 12 }, "import"],
      ["2026-11-02", 8, { メール配信: 3 }, "import"],
    ]);

    const bad = await check(
      "usage",
      utf8(
        toCsv([
          ["accountDomain", "day", "activeUsers"],
          ["usage-import.example", "2026-11-03", "5"],
          ["usage-import.example", "2026-11-03", "6"],
          ["nowhere.example", "2026-11-04", "1"],
          ["usage-import.example", "2999-01-01", "1"],
          ["usage-import.example", "2026-11-05", ""],
        ]),
      ),
    );
    expect(bad.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "duplicateInFile"],
      [4, "unknownAccount"],
      [5, "dayInFuture"],
      [6, "required"],
    ]);
    expect(await db.accountUsageDay.count({ where: { accountId: account.id } })).toBe(2);
  });

  test("cell parsing accepts spreadsheet forms of numbers and dates", () => {
    expect(["１２０", "1,200", "¥3,000", "5 円", "-1", "1.5", ""].map(parseWholeNumber)).toEqual([120, 1200, 3000, 5, null, null, null]);
    expect(parseCsvDate("2027/4/1")?.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(parseCsvDate("２０２７－０４－０１")?.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(parseCsvDate("来年")).toBeNull();
    expect(parseCsvDate("2027.04.01")?.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(parseCsvDate("2027-02-30")).toBeNull();
  });
});
