// The ingestion store's write path: multi-row inserts that report the keys already stored, and
// the WAL checkpoint thread that keeps checkpoints off the event loop.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { upsertAccount } from "../../tests/factories";
import { db } from "~/db.server";
import { insertEvents, INSERT_ROWS, type EventRow } from "./event-store.server";
import { startCheckpointer } from "./wal-checkpointer.server";

describe("insertEvents", () => {
  it("inserts batches longer than one statement and names exactly the keys that were already stored", async () => {
    const account = await upsertAccount({ name: "Store Test KK", domains: ["store-test.example"] });
    const row = (n: number): EventRow => ({
      id: `store_evt_${String(n).padStart(4, "0")}`,
      type: "product.login",
      actorId: null,
      accountId: account.id,
      subjectType: "product",
      subjectId: "product.login",
      weight: 1,
      occurredAt: new Date("2026-11-30T00:00:00Z"),
      recordedAt: new Date("2026-11-30T00:00:01Z"),
      idempotencyKey: `api:store-${n}`,
      source: "api",
      metadata: n === 0 ? JSON.stringify({ plan: "pro" }) : null,
    });
    const total = INSERT_ROWS * 2 + 37;
    // Some keys exist before the batch, on both sides of the statement boundaries.
    const stored = [0, INSERT_ROWS - 1, INSERT_ROWS, total - 1];
    expect(await insertEvents(stored.map(row))).toEqual(new Set());

    const batch = Array.from({ length: total }, (_, n) => ({ ...row(n), id: `store_new_${String(n).padStart(4, "0")}` }));
    const duplicates = await insertEvents(batch);

    expect(duplicates).toEqual(new Set(stored.map((n) => `api:store-${n}`)));
    expect(await db.engagementEvent.count({ where: { idempotencyKey: { startsWith: "api:store-" } } })).toBe(total);
    // Stored rows keep their first version; the rest are the new ones, with every column written.
    expect(await db.engagementEvent.findUniqueOrThrow({ where: { idempotencyKey: "api:store-0" } })).toMatchObject({ id: "store_evt_0000", metadata: '{"plan":"pro"}' });
    expect(await db.engagementEvent.findUniqueOrThrow({ where: { idempotencyKey: "api:store-1" } })).toMatchObject({
      id: "store_new_0001",
      accountId: account.id,
      occurredAt: new Date("2026-11-30T00:00:00Z"),
      recordedAt: new Date("2026-11-30T00:00:01Z"),
      source: "api",
    });
    // A retried batch stores nothing and reports every key.
    expect((await insertEvents(batch)).size).toBe(total);
  });
});

describe("startCheckpointer", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-wal-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function openDatabase() {
    const file = path.join(dir, "wal.db");
    const connection = new Database(file);
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    connection.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)");
    const insert = connection.prepare("INSERT INTO t (payload) VALUES (?)");
    const write = (rows: number) => connection.transaction(() => { for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(3_000, i)); }).immediate();
    return { file, connection, write };
  }

  it("leaves commits without inline checkpoints and checkpoints them on its thread", async () => {
    const { file, connection, write } = openDatabase();
    connection.pragma("wal_checkpoint(TRUNCATE)");
    const checkpointer = startCheckpointer(file, connection);
    try {
      expect(connection.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      const sizeBefore = fs.statSync(file).size;
      write(2_000); // about 1,500 pages: past SQLite's own checkpoint threshold
      expect(fs.statSync(file).size).toBe(sizeBefore); // nothing copied into the file by the commit
      checkpointer.afterCommit();
      await checkpointer.idle();
      expect(checkpointer.threaded).toBe(true);
      expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 5_000_000);
    } finally {
      await checkpointer.stop();
      connection.close();
    }
  });

  it("makes a write wait for the thread once the log is long, so that the log starts over", async () => {
    const { file, connection, write } = openDatabase();
    const checkpointer = startCheckpointer(file, connection, { maxLogFrames: 100 });
    const log = () => (connection.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>)[0]!.log;
    try {
      write(500);
      checkpointer.afterCommit();
      await checkpointer.idle(); // the thread checkpointed and reported a log of 100+ pages
      const sizeAfterFirst = fs.statSync(file).size;
      write(500);
      checkpointer.afterCommit();
      await checkpointer.beforeWrite(); // the log is long: waits until the second commit is checkpointed too
      expect(fs.statSync(file).size).toBeGreaterThan(sizeAfterFirst + 1_000_000);
      write(1);
      expect(log()).toBeLessThan(10); // the write found the log fully checkpointed and started it over
    } finally {
      await checkpointer.stop();
      connection.close();
    }
  });

  it("goes back to SQLite's inline checkpoints when the thread cannot open the database", async () => {
    const { connection } = openDatabase();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const checkpointer = startCheckpointer(path.join(dir, "missing", "nothing.db"), connection);
    try {
      await vi.waitFor(() => expect(checkpointer.threaded).toBe(false), { timeout: 5_000 });
      expect(connection.pragma("wal_autocheckpoint", { simple: true })).toBe(1_000);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("checkpointing inline again"), expect.anything());
      await checkpointer.beforeWrite();
      checkpointer.afterCommit(); // no thread: nothing to nudge, nothing thrown
      await checkpointer.idle();
    } finally {
      warn.mockRestore();
      connection.close();
    }
  });
});
