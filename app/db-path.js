// Shared by the app, the Prisma CLI config and the scripts, so all of them open the same file.
// Plain JS so that prisma.config.ts, node scripts and the Remix build can all import it.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/kizuna.db";

/** Resolves DATABASE_URL (file:relative/or/absolute.db) to an absolute path, creating its folder. */
export function databaseFilePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must look like file:./data/kizuna.db (got "${url}")`);
  }
  const file = path.resolve(process.cwd(), url.slice("file:".length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
