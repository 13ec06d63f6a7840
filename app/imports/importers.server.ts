// What a CSV import does for each kind of file: read the header (English or Japanese column
// names), check every row, and write. Checking and writing are one pass inside one transaction:
// a preview runs it and rolls back, so the report shows exactly what applying would find, and
// applying commits only when no row has a problem (all or nothing).
import { parseDomainList } from "~/accounts/email-domain";
import { LIFECYCLE_STAGES, LIFECYCLE_STAGE_CODES, PLANS } from "~/accounts/lifecycle";
import { accountResolver, type AccountRef, type DbClient } from "~/api/refs.server";
import { peopleIndex, upsertPerson, type PersonInput } from "~/api/people.server";
import { dayProblem, parseDay, upsertUsageRows, type UsageRow } from "~/api/usage.server";
import { db } from "~/db.server";
import { LOCALES } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { LEVELS, PERSONAS } from "~/users/roles";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "~/utils/csv";
import { IMPORT_KINDS, MAX_IMPORT_ROWS, type ImportKind } from "./kinds";

export { IMPORT_KINDS, MAX_IMPORT_ROWS, type ImportKind };
/**
 * Long imports hold SQLite's write lock for their whole transaction (all or nothing), so they get
 * minutes, not Prisma's default five seconds; very large files belong in scripts/import.ts at a
 * quiet hour (other writes wait meanwhile).
 */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

export type ProblemCode =
  | "csv"
  | "noRows"
  | "tooManyRows"
  | "missingColumn"
  | "needAccountColumn"
  | "duplicateColumn"
  | "fieldCount"
  | "required"
  | "tooLong"
  | "email"
  | "number"
  | "date"
  | "dayInFuture"
  | "choice"
  | "domainInvalid"
  | "domainFreeMail"
  | "domainTaken"
  | "externalIdTaken"
  | "unknownOwner"
  | "unknownAccount"
  | "duplicateInFile"
  | "staffPerson"
  | "nameForNew"
  | "mixedAccountRef";

export type Problem = { line: number; column: string | null; code: ProblemCode; params?: Record<string, string | number> };
export type ImportSummary = { created: number; updated: number; upserted: number };
export type ImportOutcome = { problems: Problem[]; summary: ImportSummary; rowCount: number; ignoredColumns: string[] };
export type Progress = (done: number, total: number) => void;

// ── header ──

const ALIASES: Record<ImportKind, Record<string, string[]>> = {
  accounts: {
    name: ["name", "会社名", "アカウント名", "企業名", "社名"],
    domains: ["domains", "domain", "ドメイン", "メールドメイン"],
    externalId: ["externalid", "外部id", "crmid"],
    plan: ["plan", "プラン"],
    seatsLicensed: ["seats", "seatslicensed", "契約席数", "席数", "ライセンス数"],
    arr: ["arr", "年間契約額", "年間契約金額"],
    renewalDate: ["renewaldate", "renewal", "更新日", "契約更新日"],
    lifecycleStage: ["stage", "lifecyclestage", "ステージ", "ライフサイクルステージ"],
    owner: ["owner", "owneremail", "cs担当", "cs担当者"],
  },
  people: {
    email: ["email", "メールアドレス", "メール", "eメール"],
    name: ["name", "氏名", "名前"],
    externalId: ["externalid", "外部id", "crmid"],
    accountExternalId: ["accountexternalid", "アカウント外部id"],
    accountDomain: ["accountdomain", "アカウントドメイン", "会社ドメイン"],
    persona: ["persona", "役割", "ペルソナ"],
    title: ["title", "役職", "肩書き"],
    level: ["level", "レベル"],
    locale: ["locale", "language", "言語"],
  },
  usage: {
    accountExternalId: ["accountexternalid", "アカウント外部id", "externalid", "外部id"],
    accountDomain: ["accountdomain", "アカウントドメイン", "domain", "ドメイン"],
    day: ["day", "date", "日付", "日"],
    activeUsers: ["activeusers", "アクティブユーザー数", "アクティブユーザー"],
  },
};

const REQUIRED: Record<ImportKind, string[]> = { accounts: ["name"], people: ["email"], usage: ["day", "activeUsers"] };
const FEATURE_PREFIX = /^(?:feature|機能)[:：](.+)$/i;

export function normaliseHeader(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase().replace(/[\s_\-]/g, "");
}

type Table = { columns: Map<string, number>; features: Array<{ name: string; index: number }>; rows: CsvRecord[]; ignoredColumns: string[]; width: number };

/** Parses the text and maps its header; problems here concern the whole file. */
export function readTable(kind: ImportKind, text: string): { ok: true; table: Table } | { ok: false; problems: Problem[]; rowCount: number } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, problems: [{ line: error.line, column: null, code: "csv", params: { message: error.reason } }], rowCount: 0 };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { ok: false, problems: [{ line: header?.line ?? 1, column: null, code: "noRows" }], rowCount: 0 };
  const problems: Problem[] = [];
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ line: 1, column: null, code: "tooManyRows", params: { count: rows.length, max: MAX_IMPORT_ROWS } });
  const lookup = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(ALIASES[kind])) for (const alias of aliases) lookup.set(alias, canonical);
  const columns = new Map<string, number>();
  const features: Table["features"] = [];
  const ignoredColumns: string[] = [];
  header.fields.forEach((raw, index) => {
    const feature = kind === "usage" ? FEATURE_PREFIX.exec(raw.normalize("NFKC").trim()) : null;
    if (feature) {
      features.push({ name: feature[1]!.trim(), index });
      return;
    }
    const canonical = lookup.get(normaliseHeader(raw));
    if (!canonical) {
      if (raw.trim()) ignoredColumns.push(raw.trim());
      return;
    }
    if (columns.has(canonical)) problems.push({ line: header.line, column: raw, code: "duplicateColumn", params: { column: raw } });
    else columns.set(canonical, index);
  });
  for (const required of REQUIRED[kind]) if (!columns.has(required)) problems.push({ line: header.line, column: required, code: "missingColumn", params: { column: required } });
  if (kind === "usage" && !columns.has("accountExternalId") && !columns.has("accountDomain")) problems.push({ line: header.line, column: null, code: "needAccountColumn" });
  if (problems.length) return { ok: false, problems, rowCount: rows.length };
  return { ok: true, table: { columns, features, rows, ignoredColumns, width: header.fields.length } };
}

// ── cells ──

const en = translator("en");
const ja = translator("ja");

/** Codes match as written or by their English or Japanese label ("経営層" → executive). */
function choiceMatcher<T extends string>(codes: readonly T[], label: (code: T) => string[]) {
  const map = new Map<string, T>();
  for (const code of codes) for (const name of [code, ...label(code)]) map.set(normaliseHeader(name), code);
  return (value: string): T | null => map.get(normaliseHeader(value)) ?? null;
}

const planOf = choiceMatcher(PLANS, (p) => [en(`plan.${p}`), ja(`plan.${p}`)]);
const personaOf = choiceMatcher(PERSONAS, (p) => [en(`persona.${p}`), ja(`persona.${p}`)]);
const levelOf = choiceMatcher(LEVELS, (l) => [en(`level.${l}`), ja(`level.${l}`)]);
const localeOf = choiceMatcher(LOCALES, (l) => [en(`locale.${l}`), ja(`locale.${l}`), l === "ja" ? "日本語" : "英語", l === "ja" ? "japanese" : "english"]);
const stageOf = choiceMatcher(LIFECYCLE_STAGE_CODES, (code) => {
  const stage = LIFECYCLE_STAGES.find((s) => s.code === code)!;
  return [stage.ja, stage.en, `${code} ${stage.ja}`, `${code} ${stage.en}`, code.replace(/^L0?/, "L")];
});

/** "１,２００" and "¥1,200" are numbers too, as spreadsheets show them. */
export function parseWholeNumber(value: string): number | null {
  const cleaned = value.normalize("NFKC").replace(/[,\s¥円]/g, "");
  return /^\d{1,12}$/.test(cleaned) ? Number(cleaned) : null;
}

/** YYYY-MM-DD, YYYY/M/D or YYYY.MM.DD (Excel's Japanese default) → midnight UTC. */
export function parseCsvDate(value: string): Date | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.normalize("NFKC").trim());
  if (!match) return null;
  return parseDay(`${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class RowReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly table: Table,
    private readonly record: CsvRecord,
  ) {}
  get line() {
    return this.record.line;
  }
  problem(column: string | null, code: ProblemCode, params?: Problem["params"]) {
    this.problems.push({ line: this.record.line, column, code, params });
  }
  /** The trimmed cell, or "" when the column is absent or empty. */
  text(column: string, max = 200): string {
    const index = this.table.columns.get(column);
    const value = index === undefined ? "" : (this.record.fields[index] ?? "").trim();
    if (value.length > max) {
      this.problem(column, "tooLong", { max });
      return "";
    }
    return value;
  }
  required(column: string, max?: number): string {
    const value = this.text(column, max);
    if (!value) this.problem(column, "required");
    return value;
  }
  number(column: string): number | undefined {
    const value = this.text(column);
    if (!value) return undefined;
    const parsed = parseWholeNumber(value);
    if (parsed === null) this.problem(column, "number");
    return parsed ?? undefined;
  }
  date(column: string): Date | undefined {
    const value = this.text(column);
    if (!value) return undefined;
    const parsed = parseCsvDate(value);
    if (!parsed) this.problem(column, "date");
    return parsed ?? undefined;
  }
  choice<T extends string>(column: string, match: (value: string) => T | null, choices: readonly string[]): T | undefined {
    const value = this.text(column);
    if (!value) return undefined;
    const found = match(value);
    if (!found) this.problem(column, "choice", { value, choices: choices.join(", ") });
    return found ?? undefined;
  }
  /** The account named by accountExternalId or accountDomain (not both). */
  accountRef(): AccountRef | undefined {
    const externalId = this.text("accountExternalId");
    const domain = this.text("accountDomain", 253).toLowerCase();
    if (externalId && domain) {
      this.problem("accountDomain", "mixedAccountRef");
      return undefined;
    }
    if (externalId) return { externalId };
    if (domain) return { domain };
    return undefined;
  }
  checkWidth() {
    if (this.record.fields.length !== this.table.width) this.problem(null, "fieldCount", { count: this.record.fields.length, expected: this.table.width });
  }
}

const refLabel = (ref: AccountRef) => ref.externalId ?? ref.domain ?? ref.id ?? "";

// ── kinds ──

async function importAccounts(tx: DbClient, table: Table, problems: Problem[], summary: ImportSummary, progress: Progress) {
  const staff = new Map((await tx.user.findMany({ where: { role: { in: ["cs", "admin"] } }, select: { id: true, email: true } })).map((s) => [s.email, s.id]));
  const seenExternal = new Map<string, number>();
  const seenDomain = new Map<string, number>();
  for (const [i, record] of table.rows.entries()) {
    const row = new RowReader(table, record);
    row.checkWidth();
    const name = row.required("name", 120);
    const externalId = row.text("externalId");
    const plan = row.choice("plan", planOf, PLANS);
    const seatsLicensed = row.number("seatsLicensed");
    const arr = row.number("arr");
    const renewalDate = row.date("renewalDate");
    const lifecycleStage = row.choice("lifecycleStage", stageOf, LIFECYCLE_STAGE_CODES);
    const ownerEmail = row.text("owner", 254).toLowerCase();
    const ownerId = ownerEmail ? staff.get(ownerEmail) : undefined;
    if (ownerEmail && !ownerId) row.problem("owner", "unknownOwner", { value: ownerEmail });
    const domainList = parseDomainList(row.text("domains", 1000));
    if (domainList.invalid.length) row.problem("domains", "domainInvalid", { value: domainList.invalid.join(", ") });
    if (domainList.freeMail.length) row.problem("domains", "domainFreeMail", { value: domainList.freeMail.join(", ") });
    if (externalId) {
      const earlier = seenExternal.get(externalId);
      if (earlier) row.problem("externalId", "duplicateInFile", { what: externalId, line: earlier });
      else seenExternal.set(externalId, row.line);
    }
    for (const domain of domainList.domains) {
      const earlier = seenDomain.get(domain);
      if (earlier) row.problem("domains", "duplicateInFile", { what: domain, line: earlier });
      else seenDomain.set(domain, row.line);
    }

    // Which account the row is about: its external id first, then any of its domains.
    const byExternal = externalId ? await tx.accountExternalId.findUnique({ where: { externalId }, select: { accountId: true } }) : null;
    const owners = domainList.domains.length
      ? await tx.accountDomain.findMany({ where: { domain: { in: domainList.domains } }, select: { domain: true, account: { select: { id: true, name: true } } } })
      : [];
    const targetId = byExternal?.accountId ?? owners[0]?.account.id ?? null;
    for (const owner of owners) {
      if (owner.account.id !== targetId) row.problem("domains", "domainTaken", { value: owner.domain, account: owner.account.name });
    }
    problems.push(...row.problems);
    if (row.problems.length === 0) {
      const fields = {
        name,
        ...(plan ? { plan } : {}),
        ...(seatsLicensed !== undefined ? { seatsLicensed } : {}),
        ...(arr !== undefined ? { arr } : {}),
        ...(renewalDate ? { renewalDate } : {}),
        ...(lifecycleStage ? { lifecycleStage } : {}),
        ...(ownerId ? { ownerId } : {}),
      };
      const known = new Set(owners.map((o) => o.domain));
      const newDomains = domainList.domains.filter((d) => !known.has(d)).map((domain) => ({ domain }));
      if (targetId) {
        await tx.account.update({ where: { id: targetId }, data: { ...fields, domains: { create: newDomains }, ...(externalId && !byExternal ? { externalIds: { create: { externalId } } } : {}) } });
        summary.updated += 1;
      } else {
        await tx.account.create({ data: { ...fields, domains: { create: newDomains }, ...(externalId ? { externalIds: { create: { externalId } } } : {}) } });
        summary.created += 1;
      }
    }
    if (i % 250 === 0) progress(i, table.rows.length);
  }
}

async function importPeople(tx: DbClient, table: Table, problems: Problem[], summary: ImportSummary, progress: Progress) {
  const checked: Array<{ row: RowReader; input: PersonInput }> = [];
  const seenEmail = new Map<string, number>();
  for (const record of table.rows) {
    const row = new RowReader(table, record);
    row.checkWidth();
    const email = row.required("email", 254).toLowerCase();
    if (email && !EMAIL.test(email)) row.problem("email", "email");
    const earlier = seenEmail.get(email);
    if (email && earlier) row.problem("email", "duplicateInFile", { what: email, line: earlier });
    else if (email) seenEmail.set(email, row.line);
    const input: PersonInput = {
      email,
      name: row.text("name", 80) || undefined,
      externalId: row.text("externalId") || undefined,
      account: row.accountRef(),
      persona: row.choice("persona", personaOf, PERSONAS),
      title: table.columns.has("title") ? row.text("title", 80) : undefined,
      level: row.choice("level", levelOf, LEVELS),
      locale: row.choice("locale", localeOf, LOCALES),
    };
    checked.push({ row, input });
  }
  const accountFor = await accountResolver(checked.map((c) => c.input.account), tx);
  const index = await peopleIndex(tx, checked.filter((c) => c.input.email && c.row.problems.length === 0).map((c) => c.input));
  for (const [i, { row, input }] of checked.entries()) {
    if (row.problems.length === 0) {
      const outcome = await upsertPerson(tx, input, accountFor, index);
      if (outcome.status !== "rejected") summary[outcome.status] += 1;
      else if (outcome.reason === "unknown_account") row.problem(input.account?.externalId ? "accountExternalId" : "accountDomain", "unknownAccount", { value: refLabel(input.account!) });
      else if (outcome.reason === "staff_person") row.problem("email", "staffPerson");
      else if (outcome.reason === "external_id_taken") row.problem("externalId", "externalIdTaken", { value: input.externalId ?? "" });
      else row.problem("name", "nameForNew");
    }
    problems.push(...row.problems);
    if (i % 250 === 0) progress(i, checked.length);
  }
}

async function importUsage(tx: DbClient, table: Table, problems: Problem[], summary: ImportSummary, progress: Progress, now: Date) {
  const checked: Array<{ row: RowReader; ref?: AccountRef; day?: Date; activeUsers?: number; featureCounts: Record<string, number> }> = [];
  const seen = new Map<string, number>();
  for (const record of table.rows) {
    const row = new RowReader(table, record);
    row.checkWidth();
    const ref = row.accountRef();
    if (!ref && !row.problems.length) row.problem(table.columns.has("accountExternalId") ? "accountExternalId" : "accountDomain", "required");
    const dayText = row.required("day");
    const day = dayText ? parseCsvDate(dayText) : null;
    if (dayText && !day) row.problem("day", "date");
    if (day && dayProblem(day, now)) row.problem("day", "dayInFuture");
    if (!row.text("activeUsers")) row.problem("activeUsers", "required");
    const activeUsers = row.number("activeUsers");
    const featureCounts: Record<string, number> = {};
    for (const feature of table.features) {
      const value = (record.fields[feature.index] ?? "").trim();
      if (!value) continue;
      const count = parseWholeNumber(value);
      if (count === null) row.problem(feature.name, "number");
      else featureCounts[feature.name] = count;
    }
    if (ref && day) {
      const key = `${refLabel(ref)}|${day.toISOString()}`;
      const earlier = seen.get(key);
      if (earlier) row.problem("day", "duplicateInFile", { what: `${refLabel(ref)} ${day.toISOString().slice(0, 10)}`, line: earlier });
      else seen.set(key, row.line);
    }
    checked.push({ row, ref, day: day ?? undefined, activeUsers, featureCounts });
  }
  const accountFor = await accountResolver(checked.map((c) => c.ref), tx);
  const rows: UsageRow[] = [];
  for (const { row, ref, day, activeUsers, featureCounts } of checked) {
    const accountId = ref ? accountFor(ref) : null;
    if (ref && !accountId) row.problem(ref.externalId ? "accountExternalId" : "accountDomain", "unknownAccount", { value: refLabel(ref) });
    problems.push(...row.problems);
    if (row.problems.length === 0 && accountId && day && activeUsers !== undefined) rows.push({ accountId, day, activeUsers, featureCounts, source: "import" });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await upsertUsageRows(rows.slice(i, i + 500), tx);
    progress(i, rows.length);
  }
  summary.upserted = rows.length;
}

class Rollback extends Error {}

/**
 * Checks (and, with `apply`, commits) a whole file in one transaction. Without `apply`, or when
 * any row has a problem, everything is rolled back and the database is exactly as before.
 */
export async function runImport(kind: ImportKind, text: string, options: { apply: boolean; progress?: Progress; now?: Date }): Promise<ImportOutcome> {
  const read = readTable(kind, text);
  if (!read.ok) return { problems: read.problems, summary: { created: 0, updated: 0, upserted: 0 }, rowCount: read.rowCount, ignoredColumns: [] };
  const { table } = read;
  const problems: Problem[] = [];
  const summary: ImportSummary = { created: 0, updated: 0, upserted: 0 };
  const progress = options.progress ?? (() => {});
  try {
    await db.$transaction(
      async (tx) => {
        if (kind === "accounts") await importAccounts(tx, table, problems, summary, progress);
        else if (kind === "people") await importPeople(tx, table, problems, summary, progress);
        else await importUsage(tx, table, problems, summary, progress, options.now ?? new Date());
        progress(table.rows.length, table.rows.length);
        if (!options.apply || problems.length) throw new Rollback();
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  problems.sort((a, b) => a.line - b.line);
  return { problems, summary, rowCount: table.rows.length, ignoredColumns: table.ignoredColumns };
}

