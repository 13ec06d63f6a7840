// Pieces of the import pages: how a problem reads, and what applying would do.
import type { Translate } from "~/i18n/messages";
import type { ImportKind, ImportSummary, Problem } from "./importers.server";

export function problemText(problem: Problem, t: Translate): string {
  return t(`imports.problem.${problem.code}`, problem.params);
}

/** What applying will do (`done` false) or did (`done` true). */
export function summaryText(kind: ImportKind, summary: ImportSummary, t: Translate, done = false): string {
  return t(done ? `imports.done.${kind}` : `imports.summary.${kind}`, { created: summary.created, updated: summary.updated, upserted: summary.upserted });
}

export const ENCODING_LABELS: Record<string, string> = { "utf-8": "UTF-8", "utf-8-bom": "UTF-8 (BOM)", shift_jis: "Shift_JIS" };
