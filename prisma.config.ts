// Prisma CLI configuration. The Rust schema engine cannot be downloaded on our machines, so the
// CLI runs on the JS engine through the same better-sqlite3 driver adapter the app uses.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFilePath } from "./app/db-path.js";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseFilePath() });
  },
});
