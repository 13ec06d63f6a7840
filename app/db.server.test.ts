import { db } from "./db.server";

describe("database connection", () => {
  it("runs SQLite with WAL, foreign keys and a busy timeout", async () => {
    const [journal] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    const [fk] = await db.$queryRawUnsafe<Array<{ foreign_keys: bigint }>>("PRAGMA foreign_keys");
    const [busy] = await db.$queryRawUnsafe<Array<{ timeout: bigint }>>("PRAGMA busy_timeout");
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(fk?.foreign_keys)).toBe(1);
    expect(Number(busy?.timeout)).toBe(5000);
  });

  it("enforces foreign keys", async () => {
    await expect(db.accountDomain.create({ data: { domain: "orphan.test", accountId: "missing" } })).rejects.toThrow();
  });
});
