// An import's life: upload → check (stored as an ImportJob with its report) → apply or discard.
// The admin page and scripts/import.ts both go through here.
import { db } from "~/db.server";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "~/utils/csv";
import { decodeCsvBytes, type DecodeResult } from "./decode";
import { runImport, type ImportKind, type ImportSummary, type Problem, type Progress } from "./importers.server";

/** The report keeps this many problems; the count says how many there were. */
const STORED_PROBLEMS = 1_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type CheckResult =
  | { ok: true; jobId: string; problems: number }
  | { ok: false; reason: Exclude<DecodeResult, { ok: true }>["reason"] };

export async function checkImportFile(input: { kind: ImportKind; fileName: string; bytes: Uint8Array; actorId: string | null; progress?: Progress }): Promise<CheckResult> {
  const decoded = decodeCsvBytes(input.bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const outcome = await runImport(input.kind, decoded.text, { apply: false, progress: input.progress });
  const job = await db.importJob.create({
    data: {
      kind: input.kind,
      fileName: input.fileName.slice(0, 200) || "upload.csv",
      encoding: decoded.encoding,
      content: decoded.text,
      rowCount: outcome.rowCount,
      errorCount: outcome.problems.length,
      report: JSON.stringify({ problems: outcome.problems.slice(0, STORED_PROBLEMS), ignoredColumns: outcome.ignoredColumns }),
      result: JSON.stringify(outcome.summary),
      createdById: input.actorId,
    },
    select: { id: true },
  });
  return { ok: true, jobId: job.id, problems: outcome.problems.length };
}

export type ApplyResult = { ok: true; summary: ImportSummary } | { ok: false; reason: "not-found" | "not-pending" | "has-problems" | "problems-now"; problems?: number };

/** Applies a checked file. The check runs again inside the applying transaction: all or nothing. */
export async function applyImportJob(jobId: string, actorId: string | null, progress?: Progress): Promise<ApplyResult> {
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true, kind: true, fileName: true, content: true, status: true, errorCount: true } });
  if (!job) return { ok: false, reason: "not-found" };
  if (job.status !== "previewed") return { ok: false, reason: "not-pending" };
  if (job.errorCount > 0) return { ok: false, reason: "has-problems", problems: job.errorCount };
  const outcome = await runImport(job.kind as ImportKind, job.content, { apply: true, progress });
  if (outcome.problems.length) {
    await db.importJob.update({
      where: { id: job.id },
      data: { errorCount: outcome.problems.length, report: JSON.stringify({ problems: outcome.problems.slice(0, STORED_PROBLEMS), ignoredColumns: outcome.ignoredColumns }) },
    });
    return { ok: false, reason: "problems-now", problems: outcome.problems.length };
  }
  await db.$transaction([
    db.importJob.update({ where: { id: job.id }, data: { status: "applied", appliedAt: new Date(), result: JSON.stringify(outcome.summary) } }),
    db.auditEntry.create({
      data: { actorId, action: "import.applied", targetType: "import", targetId: job.id, detail: `${job.kind} ${job.fileName}: ${JSON.stringify(outcome.summary)}` },
    }),
  ]);
  return { ok: true, summary: outcome.summary };
}

export async function discardImportJob(jobId: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({ where: { id: jobId, status: "previewed" }, data: { status: "discarded", content: "" } });
  return count === 1;
}

export function listImportJobs(take = 20) {
  return db.importJob.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, fileName: true, rowCount: true, errorCount: true, status: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

const PREVIEW_ROWS = 10;
const SHOWN_PROBLEMS = 200;

/** A job with its report, and the first lines of the file as the person saw them. */
export async function getImportJob(jobId: string) {
  const job = await db.importJob.findUnique({
    where: { id: jobId },
    select: { id: true, kind: true, fileName: true, encoding: true, content: true, rowCount: true, errorCount: true, report: true, result: true, status: true, createdAt: true, appliedAt: true },
  });
  if (!job) return null;
  const { content, report, result, ...rest } = job;
  const parsedReport = JSON.parse(report) as { problems: Problem[]; ignoredColumns: string[] };
  const sample = content ? previewRecords(content).slice(0, PREVIEW_ROWS + 1) : [];
  const problemLines = new Set(parsedReport.problems.map((p) => p.line));
  return {
    ...rest,
    kind: rest.kind as ImportKind,
    summary: (result ? JSON.parse(result) : { created: 0, updated: 0, upserted: 0 }) as ImportSummary,
    problems: parsedReport.problems.slice(0, SHOWN_PROBLEMS),
    hiddenProblems: Math.max(0, rest.errorCount - SHOWN_PROBLEMS),
    ignoredColumns: parsedReport.ignoredColumns,
    sample: sample.map((r) => ({ line: r.line, fields: r.fields, hasProblem: problemLines.has(r.line) })),
  };
}

/**
 * The first records of a stored upload, for the preview table. Only the start of the file is read
 * (a 20 MB upload need not be parsed to show ten rows); a quoted field cut off at that point, or a
 * file the check already reported as malformed, shows no sample rather than failing the page.
 */
function previewRecords(content: string): CsvRecord[] {
  try {
    return parseCsv(content.slice(0, 200_000));
  } catch (error) {
    if (error instanceof CsvSyntaxError) return [];
    throw error;
  }
}
