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
