// The committed migrations must build exactly the database that prisma/schema.prisma describes;
// otherwise the next authored migration (scripts/new-migration.sh) would be wrong.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

function structure(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name")
      .all() as Array<{ name: string }>;
    return tables.map(({ name }) => ({
      name,
      columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
      indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number }>)
        .map((index) => ({ ...index, columns: db.prepare(`PRAGMA index_info("${index.name}")`).all() }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
  } finally {
    db.close();
  }
}

describe("migrations", () => {
  it("produce the same tables, columns, keys and indexes as the schema", () => {
    // `prisma db push` hangs after finishing on this machine; the SQL that diff prints for the
    // whole schema builds the same reference database.
    const sql = execFileSync(
      process.execPath,
      ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 },
    ).toString();
    const fromSchema = path.resolve("tests/.tmp/test-from-schema.db");
    fs.rmSync(fromSchema, { force: true });
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();
    expect(structure(path.resolve("tests/.tmp/base.db"))).toEqual(structure(fromSchema));
  });
});
