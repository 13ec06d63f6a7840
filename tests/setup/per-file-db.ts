// Runs before each test file, before the app's modules load: points DATABASE_URL at a fresh
// copy of the migrated base database, so files never see each other's rows.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const base = path.resolve("tests/.tmp/base.db");
const copy = path.resolve(`tests/.tmp/test-${randomUUID()}.db`);
fs.copyFileSync(base, copy);
process.env.DATABASE_URL = `file:${copy}`;
process.env.NODE_ENV = "test";

// A MEILI_HOST given to the test run is for the Meilisearch tests only, which each use their own
// index on it; every other test file searches the embedded index of its own database.
if (process.env.MEILI_HOST) {
  process.env.TEST_MEILI_HOST = process.env.MEILI_HOST;
  delete process.env.MEILI_HOST;
}
