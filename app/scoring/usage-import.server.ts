// Product-usage import: one CSV row per account and UTC day with the number of active users and
// key-feature counts. Validation reports every problem with its line, and the import applies
// all rows or none. Shared by scripts/import-usage.ts and the admin import screen / API.
//
// Format (header row required; column order free; UTF-8, a BOM is fine):
//   account,day,active_users,email,scoring,forms
//   sakura-commerce.example,2026-11-30,42,310,25,4
// `account` is an account id or one of its email domains; `day` is YYYY-MM-DD (UTC); every
// other column is a feature key ([a-z0-9_]) with a whole-number count (empty = not used).
// A day sent again replaces the stored numbers for that day.
import { db } from "~/db.server";
import { CsvSyntaxError, parseCsv } from "~/utils/csv";
import { queueAccountsForScoring } from "./queue.server";
import { sqlTime } from "./time";

export const USAGE_REQUIRED_COLUMNS = ["account", "day", "active_users"] as const;
export const USAGE_MAX_ROWS = 200_000;
const FEATURE_COLUMN = /^[a-z0-9_]{1,40}$/;
const MAX_COUNT = 1_000_000_000;

export type UsageErrorCode =
  | "empty"
  | "syntax"
  | "tooManyRows"
  | "missingColumn"
  | "badHeader"
  | "duplicateHeader"
  | "columnCount"
  | "unknownAccount"
  | "badDate"
  | "futureDate"
  | "negative"
  | "notInteger"
  | "duplicateRow";

/** One problem. `line` is the CSV line (1 = header); `column` the header name, when it is about one cell. */
export type UsageError = { line: number; column?: string; code: UsageErrorCode; value?: string };

export type UsageRow = { line: number; accountId: string; day: Date; activeUsers: number; featureCounts: Record<string, number> };

export type UsageValidation = {
  ok: boolean;
  /** Data rows read (the header not counted). */
  rowCount: number;
  rows: UsageRow[];
  errors: UsageError[];
  accounts: number;
  firstDay: string | null;
  lastDay: string | null;
  features: string[];
};

type AccountLookup = (key: string) => string | null;

async function accountLookup(): Promise<AccountLookup> {
  const [accounts, domains] = await Promise.all([db.account.findMany({ select: { id: true } }), db.accountDomain.findMany({ select: { domain: true, accountId: true } })]);
  const ids = new Set(accounts.map((a) => a.id));
  const byDomain = new Map(domains.map((d) => [d.domain, d.accountId]));
  return (key) => (ids.has(key) ? key : (byDomain.get(key.toLowerCase()) ?? null));
}

function parseDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Rejects 2026-02-30 and friends, which Date would roll over into March.
  return date.toISOString().slice(0, 10) === text ? date : null;
}

function parseCount(text: string): { value: number } | { error: "negative" | "notInteger" } {
  if (/^-\d+$/.test(text)) return { error: "negative" };
  if (!/^\d+$/.test(text) || Number(text) > MAX_COUNT) return { error: "notInteger" };
  return { value: Number(text) };
}

const fail = (rowCount: number, errors: UsageError[]): UsageValidation => ({ ok: false, rowCount, rows: [], errors, accounts: 0, firstDay: null, lastDay: null, features: [] });

/** Checks a whole file. Nothing is written; `ok` is true only when every row is valid. */
export async function validateUsageCsv(text: string, options: { now?: Date; maxRows?: number } = {}): Promise<UsageValidation> {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fail(0, [{ line: error.line, code: "syntax", value: error.message }]);
    throw error;
  }
  if (records.length === 0) return fail(0, [{ line: 1, code: "empty" }]);
  const [header, ...data] = records;
  const maxRows = options.maxRows ?? USAGE_MAX_ROWS;
  if (data.length > maxRows) return fail(data.length, [{ line: 1, code: "tooManyRows", value: String(maxRows) }]);

  const names = header!.fields.map((f) => f.trim().toLowerCase());
  const headerErrors: UsageError[] = [];
  for (const required of USAGE_REQUIRED_COLUMNS) if (!names.includes(required)) headerErrors.push({ line: header!.line, column: required, code: "missingColumn" });
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) headerErrors.push({ line: header!.line, column: name, code: "duplicateHeader" });
    else if (!(USAGE_REQUIRED_COLUMNS as readonly string[]).includes(name) && !FEATURE_COLUMN.test(name)) headerErrors.push({ line: header!.line, column: name || `#${index + 1}`, code: "badHeader" });
  });
  if (headerErrors.length) return fail(data.length, headerErrors);

  const col = (name: string) => names.indexOf(name);
  const features = names.filter((n) => !(USAGE_REQUIRED_COLUMNS as readonly string[]).includes(n));
  const lookup = await accountLookup();
  const today = new Date((options.now ?? new Date()).toISOString().slice(0, 10) + "T00:00:00Z");
  const errors: UsageError[] = [];
  const rows: UsageRow[] = [];
  const seen = new Map<string, number>();

  for (const record of data) {
    const { line, fields } = record;
    if (fields.length !== names.length) {
      errors.push({ line, code: "columnCount", value: `${fields.length}/${names.length}` });
      continue;
    }
    const rowErrors: UsageError[] = [];
    const accountKey = fields[col("account")]!.trim();
    const accountId = accountKey ? lookup(accountKey) : null;
    if (!accountId) rowErrors.push({ line, column: "account", code: "unknownAccount", value: accountKey });
    const dayText = fields[col("day")]!.trim();
    const day = parseDay(dayText);
    if (!day) rowErrors.push({ line, column: "day", code: "badDate", value: dayText });
    else if (day > today) rowErrors.push({ line, column: "day", code: "futureDate", value: dayText });
    const active = parseCount(fields[col("active_users")]!.trim());
    if ("error" in active) rowErrors.push({ line, column: "active_users", code: active.error, value: fields[col("active_users")]! });
    const featureCounts: Record<string, number> = {};
    for (const feature of features) {
      const raw = fields[col(feature)]!.trim();
      if (raw === "") continue;
      const count = parseCount(raw);
      if ("error" in count) rowErrors.push({ line, column: feature, code: count.error, value: raw });
      else featureCounts[feature] = count.value;
    }
    if (accountId && day) {
      const key = `${accountId}:${dayText}`;
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push({ line, column: "day", code: "duplicateRow", value: String(first) });
      else seen.set(key, line);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ line, accountId: accountId!, day: day!, activeUsers: (active as { value: number }).value, featureCounts });
  }

  if (errors.length) return { ...fail(data.length, errors) };
  const days = rows.map((r) => r.day.toISOString().slice(0, 10)).sort();
  return {
    ok: rows.length > 0,
    rowCount: data.length,
    rows,
    errors: rows.length ? [] : [{ line: 1, code: "empty" }],
    accounts: new Set(rows.map((r) => r.accountId)).size,
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
    features,
  };
}

const APPLY_BATCH = 500;

/**
 * Writes validated rows in one transaction: all of them or, if anything fails, none. A day
 * already stored is replaced. The accounts go on the scoring queue for the next incremental run.
 */
export async function applyUsageRows(
  rows: UsageRow[],
  options: { source?: "import" | "api" | "seed"; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ written: number; replaced: number }> {
  const source = options.source ?? "import";
  const now = sqlTime(new Date());
  let replaced = 0;
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < rows.length; start += APPLY_BATCH) {
        const batch = rows.slice(start, start + APPLY_BATCH);
        const keys = JSON.stringify(batch.map((r) => [r.accountId, sqlTime(r.day)]));
        const [existing] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
          `SELECT COUNT(*) AS n FROM AccountUsageDay d JOIN json_each(?) k
             ON d.accountId = json_extract(k.value, '$[0]') AND d.day = json_extract(k.value, '$[1]')`,
          keys,
        );
        replaced += Number(existing?.n ?? 0);
        await tx.$executeRawUnsafe(
          `INSERT INTO AccountUsageDay (accountId, day, activeUsers, featureCounts, source, updatedAt)
           VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
           ON CONFLICT (accountId, day) DO UPDATE SET activeUsers = excluded.activeUsers,
             featureCounts = excluded.featureCounts, source = excluded.source, updatedAt = excluded.updatedAt`,
          ...batch.flatMap((r) => [r.accountId, sqlTime(r.day), r.activeUsers, JSON.stringify(r.featureCounts), source, now]),
        );
        options.onProgress?.(Math.min(rows.length, start + APPLY_BATCH), rows.length);
      }
      await queueAccountsForScoring(
        rows.map((r) => r.accountId),
        tx,
      );
    },
    { timeout: 300_000 },
  );
  return { written: rows.length, replaced };
}

/** Validates, then applies only if every row is valid. */
export async function importUsageCsv(
  text: string,
  options: { now?: Date; dryRun?: boolean; source?: "import" | "api"; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ validation: UsageValidation; applied: { written: number; replaced: number } | null }> {
  const validation = await validateUsageCsv(text, { now: options.now });
  if (!validation.ok || options.dryRun) return { validation, applied: null };
  return { validation, applied: await applyUsageRows(validation.rows, { source: options.source, onProgress: options.onProgress }) };
}

/** Message key of an error code, for rendering with the app's translator (app/scoring/messages.ts). */
export function usageErrorKey(code: UsageErrorCode) {
  return `usageImport.error.${code}` as const;
}
