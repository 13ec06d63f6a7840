// Product usage per account per day, from POST /api/v1/usage and from CSV imports. A day sent
// again replaces the earlier numbers (AccountUsageDay is keyed by account and UTC day).
import { z } from "zod";
import { db } from "~/db.server";
import { ApiError, issueDetails } from "./errors.server";
import { accountRefSchema, accountResolver, type DbClient } from "./refs.server";

export const MAX_USAGE_PER_BATCH = 1_000;
const MAX_FEATURES = 100;

/** "YYYY-MM-DD" → midnight UTC, or null for anything that is not a real calendar day. */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? day : null;
}

/** Usage can describe today (in any time zone) but not a later day, nor the last century. */
export function dayProblem(day: Date, now: Date): string | null {
  if (day.getTime() > now.getTime() + 24 * 60 * 60_000) return "day is in the future";
  if (day.getUTCFullYear() < 2000) return "day is before 2000";
  return null;
}

export const featureCountsSchema = z
  .record(z.string().trim().min(1).max(60), z.number().int().min(0).max(1_000_000_000))
  .refine((counts) => Object.keys(counts).length <= MAX_FEATURES, `at most ${MAX_FEATURES} features`);

const usageItemSchema = z
  .object({
    account: accountRefSchema,
    day: z.string().refine((v) => parseDay(v) !== null, "day must be a date as YYYY-MM-DD"),
    activeUsers: z.number().int().min(0).max(10_000_000),
    featureCounts: featureCountsSchema.default({}),
  })
  .strict();

const batchSchema = z.object({ usage: z.array(z.unknown()) }).strict();

export type UsageRow = { accountId: string; day: Date; activeUsers: number; featureCounts: Record<string, number>; source: "api" | "import" | "seed" };
export type UsageResult = { index: number; status: "upserted" | "rejected"; reason?: string; message?: string };

/** Writes the rows (the last one wins for a repeated account and day). */
export async function upsertUsageRows(rows: UsageRow[], client: DbClient) {
  for (const row of rows) {
    const data = { activeUsers: row.activeUsers, featureCounts: JSON.stringify(row.featureCounts), source: row.source };
    await client.accountUsageDay.upsert({
      where: { accountId_day: { accountId: row.accountId, day: row.day } },
      create: { accountId: row.accountId, day: row.day, ...data },
      update: data,
    });
  }
}

export async function ingestUsage(body: unknown, now = new Date()): Promise<{ upserted: number; rejected: number; results: UsageResult[] }> {
  const batch = batchSchema.safeParse(body);
  if (!batch.success) throw new ApiError("validation_failed", "The body must be an object with a `usage` array.", issueDetails(batch.error.issues));
  const items = batch.data.usage;
  if (items.length > MAX_USAGE_PER_BATCH) {
    throw new ApiError("batch_too_large", `A batch holds at most ${MAX_USAGE_PER_BATCH} usage rows; this one has ${items.length}.`, { max: MAX_USAGE_PER_BATCH, received: items.length });
  }
  if (items.length === 0) throw new ApiError("validation_failed", "The `usage` array is empty.");

  const results: UsageResult[] = new Array(items.length);
  const valid: Array<{ index: number; item: z.infer<typeof usageItemSchema>; day: Date }> = [];
  items.forEach((raw, index) => {
    const item = usageItemSchema.safeParse(raw);
    if (!item.success) {
      const [issue] = issueDetails(item.error.issues);
      results[index] = { index, status: "rejected", reason: "invalid", message: issue ? `${issue.path || "usage"}: ${issue.message}` : "Invalid usage row." };
      return;
    }
    const day = parseDay(item.data.day)!;
    const problem = dayProblem(day, now);
    if (problem) results[index] = { index, status: "rejected", reason: "invalid", message: problem };
    else valid.push({ index, item: item.data, day });
  });

  const accountFor = await accountResolver(valid.map((v) => v.item.account));
  const rows: UsageRow[] = [];
  for (const { index, item, day } of valid) {
    const accountId = accountFor(item.account);
    if (!accountId) {
      results[index] = { index, status: "rejected", reason: "unknown_account", message: "No account matches this id, external id or domain." };
      continue;
    }
    rows.push({ accountId, day, activeUsers: item.activeUsers, featureCounts: item.featureCounts, source: "api" });
    results[index] = { index, status: "upserted" };
  }
  if (rows.length) await db.$transaction((tx) => upsertUsageRows(rows, tx));
  return { upserted: rows.length, rejected: items.length - rows.length, results };
}
