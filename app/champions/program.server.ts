// The program's settings and criteria. The settings row and the default criteria are created the
// first time anything reads them, so a fresh database runs the program without a setup step.
import { db, isUniqueViolation } from "~/db.server";
import { DEFAULT_CRITERIA, LIMITS, RUBRIC_LEVELS, type Criterion } from "./model";

const PROGRAM_ID = "program";

export type ProgramSettings = {
  cohortYear: number;
  nominationsOpen: boolean;
  termMonths: number;
  peerNominations: boolean;
};

const settingsSelect = { cohortYear: true, nominationsOpen: true, termMonths: true, peerNominations: true } as const;

/** The settings; the first call creates them (cohort = this year) together with the default criteria. */
export async function getProgram(now = new Date()): Promise<ProgramSettings> {
  const existing = await db.championProgram.findUnique({ where: { id: PROGRAM_ID }, select: settingsSelect });
  if (existing) return existing;
  try {
    await db.$transaction(async (tx) => {
      await tx.championProgram.create({ data: { id: PROGRAM_ID, cohortYear: now.getUTCFullYear() } });
      if ((await tx.championCriterion.count()) === 0) {
        for (const criterion of DEFAULT_CRITERIA) {
          await tx.championCriterion.create({ data: { ...criterion, rubricJa: JSON.stringify(criterion.rubricJa), rubricEn: JSON.stringify(criterion.rubricEn) } });
        }
      }
    });
  } catch (error) {
    // Another request created it a moment earlier.
    if (!isUniqueViolation(error)) throw error;
  }
  return db.championProgram.findUniqueOrThrow({ where: { id: PROGRAM_ID }, select: settingsSelect });
}

export async function updateProgram(admin: { id: string }, settings: ProgramSettings): Promise<void> {
  const before = await getProgram();
  await db.$transaction([
    db.championProgram.update({ where: { id: PROGRAM_ID }, data: { ...settings, updatedById: admin.id } }),
    db.auditEntry.create({
      data: { actorId: admin.id, action: "champions.settings", targetType: "championProgram", targetId: PROGRAM_ID, detail: JSON.stringify({ before, after: settings }) },
    }),
  ]);
}

function parseRubric(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  } catch {
    // Fall through: a damaged rubric shows as empty levels rather than breaking the page.
  }
  return [];
}

type CriterionRow = { id: string; position: number; nameJa: string; nameEn: string; descriptionJa: string; descriptionEn: string; rubricJa: string; rubricEn: string; retiredAt: Date | null };

export function toCriterion(row: CriterionRow): Criterion {
  const pad = (levels: string[]) => Array.from({ length: RUBRIC_LEVELS }, (_, i) => levels[i] ?? "");
  return {
    id: row.id,
    position: row.position,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    rubricJa: pad(parseRubric(row.rubricJa)),
    rubricEn: pad(parseRubric(row.rubricEn)),
    retired: row.retiredAt !== null,
  };
}

/** Criteria in their order; retired ones only when asked for (settings page, old nominations). */
export async function listCriteria(options: { includeRetired?: boolean } = {}): Promise<Criterion[]> {
  await getProgram();
  const rows = await db.championCriterion.findMany({
    where: options.includeRetired ? {} : { retiredAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toCriterion);
}

export type CriterionInput = {
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  rubricJa: string[];
  rubricEn: string[];
};

function criterionData(input: CriterionInput) {
  return { ...input, rubricJa: JSON.stringify(input.rubricJa), rubricEn: JSON.stringify(input.rubricEn) };
}

export type CriterionResult = "ok" | "not-found" | "too-many" | "last-active";

export async function addCriterion(admin: { id: string }, input: CriterionInput): Promise<CriterionResult> {
  const active = await db.championCriterion.count({ where: { retiredAt: null } });
  if (active >= LIMITS.criteriaMax) return "too-many";
  const last = await db.championCriterion.aggregate({ _max: { position: true } });
  const created = await db.championCriterion.create({ data: { ...criterionData(input), position: (last._max.position ?? 0) + 1 }, select: { id: true } });
  await db.auditEntry.create({ data: { actorId: admin.id, action: "champions.criterion.add", targetType: "championCriterion", targetId: created.id, detail: input.nameEn } });
  return "ok";
}

export async function updateCriterion(admin: { id: string }, criterionId: string, input: CriterionInput): Promise<CriterionResult> {
  const existing = await db.championCriterion.findUnique({ where: { id: criterionId }, select: { id: true } });
  if (!existing) return "not-found";
  await db.championCriterion.update({ where: { id: criterionId }, data: criterionData(input) });
  await db.auditEntry.create({ data: { actorId: admin.id, action: "champions.criterion.edit", targetType: "championCriterion", targetId: criterionId, detail: input.nameEn } });
  return "ok";
}

/**
 * Retiring takes a criterion off new nominations and reviews; nominations made on it keep it.
 * The program always keeps at least one active criterion.
 */
export async function setCriterionRetired(admin: { id: string }, criterionId: string, retired: boolean, now = new Date()): Promise<CriterionResult> {
  const existing = await db.championCriterion.findUnique({ where: { id: criterionId }, select: { retiredAt: true } });
  if (!existing) return "not-found";
  if (retired && existing.retiredAt === null && (await db.championCriterion.count({ where: { retiredAt: null } })) <= 1) return "last-active";
  if (!retired && existing.retiredAt !== null && (await db.championCriterion.count({ where: { retiredAt: null } })) >= LIMITS.criteriaMax) return "too-many";
  await db.championCriterion.update({ where: { id: criterionId }, data: { retiredAt: retired ? (existing.retiredAt ?? now) : null } });
  await db.auditEntry.create({ data: { actorId: admin.id, action: retired ? "champions.criterion.retire" : "champions.criterion.restore", targetType: "championCriterion", targetId: criterionId } });
  return "ok";
}

/** Who may put someone forward: staff always, members only while peer nominations are on. */
export function mayNominate(role: string, settings: Pick<ProgramSettings, "peerNominations">): boolean {
  if (role === "cs" || role === "admin") return true;
  return role === "member" && settings.peerNominations;
}

/** Reviewers are admins: they score nominations and decide. */
export function mayReview(role: string): boolean {
  return role === "admin";
}
