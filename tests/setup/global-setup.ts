// Migrates one base SQLite file per test run; each test file then works on its own copy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const BASE_DB = path.resolve("tests/.tmp/base.db");

export default function setup() {
  fs.mkdirSync(path.dirname(BASE_DB), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(BASE_DB + suffix, { force: true });
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: "pipe",
  });
  return () => {
    for (const file of fs.readdirSync(path.dirname(BASE_DB))) {
      if (file.startsWith("test-")) fs.rmSync(path.join(path.dirname(BASE_DB), file), { force: true });
    }
  };
}
