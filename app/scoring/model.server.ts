// The health model's versions in the database. The newest version is the one in force; saving
// never edits a version, it adds the next one, so every change stays on record.
import { db, isUniqueViolation } from "~/db.server";
import { DEFAULT_MODEL, parseStoredModel, type HealthModelConfig } from "./model";

export type ModelVersion = { version: number; config: HealthModelConfig };

/** The model in force: the newest saved version, or the defaults (version 0) before any save. */
export async function currentModel(): Promise<ModelVersion> {
  const row = await db.healthModelVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true, config: true } });
  return row ? { version: row.version, config: parseStoredModel(row.config) } : { version: 0, config: DEFAULT_MODEL };
}

/** Saves `config` (already validated) as the next version and returns its number. */
export async function saveModelVersion(config: HealthModelConfig, input: { actorId: string | null; note: string }): Promise<number> {
  // Two admins saving at once both read the same latest version; the loser retries with the next.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertNextVersion(config, input);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

function insertNextVersion(config: HealthModelConfig, input: { actorId: string | null; note: string }): Promise<number> {
  return db.$transaction(async (tx) => {
    const latest = await tx.healthModelVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    await tx.healthModelVersion.create({
      data: { version, config: JSON.stringify(config), note: input.note.slice(0, 500), createdById: input.actorId },
    });
    await tx.auditEntry.create({
      data: { actorId: input.actorId, action: "health_model.saved", targetType: "health_model", targetId: String(version), detail: input.note.slice(0, 500) },
    });
    return version;
  });
}

export async function listModelVersions(take = 20) {
  const rows = await db.healthModelVersion.findMany({
    orderBy: { version: "desc" },
    take,
    select: { version: true, config: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({ version: row.version, note: row.note, createdAt: row.createdAt, author: row.createdBy?.name ?? null, config: parseStoredModel(row.config) }));
}
