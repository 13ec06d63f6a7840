// Checkpoints SQLite's write-ahead log on a worker thread, for the event ingestion connection.
// A commit normally checkpoints inline once the log passes 1,000 pages: it copies the pages into
// the database file and syncs it, on the event loop. For a batch of 500 events that is about
// 1,500 pages scattered over the event log's indexes, and the copy and sync took as long as the
// rest of the request. Here the committing connection never checkpoints (wal_autocheckpoint = 0);
// it nudges a thread with its own connection, which checkpoints while the next batch is prepared.
// PASSIVE checkpoints take no lock that readers or writers wait for. The log starts over from its
// beginning only when a write begins with every page of it checkpointed; under a steady stream of
// batches the thread is always one batch behind, so once the log passes `maxLogFrames` the next
// write first waits (asynchronously) for the thread to catch up, and the log starts over. If the
// thread cannot start or fails, the connection goes back to SQLite's inline checkpoints.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

export type Checkpointer = {
  /** Await before each write on the connection: waits for the thread when the log is long. */
  beforeWrite(): Promise<void>;
  /** Call after each commit on the connection: the thread checkpoints what is new. */
  afterCommit(): void;
  /** Resolves once every checkpoint asked for so far has run (for tests and shutdown). */
  idle(): Promise<void>;
  /** False once the thread failed and the connection checkpoints inline again. */
  readonly threaded: boolean;
  stop(): Promise<void>;
};

export type CheckpointerOptions = {
  /** Log length (pages) past which a write waits for the checkpoints, so that the log starts over. */
  maxLogFrames?: number;
};

/** SQLite's default wal_autocheckpoint, restored when the thread is gone. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1_000;

// CommonJS source for the thread (an eval worker: the server build is one bundled file, so there
// is no separate module file to point a Worker at). Messages are handled in order: "checkpoint"
// answered with the log's length, "idle" answered with "idle", "stop" closes the connection.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0, fileMustExist: true });
const busy = (error) => error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
parentPort.on("message", (message) => {
  if (message === "checkpoint") {
    try {
      const [result] = db.pragma("wal_checkpoint(PASSIVE)");
      parentPort.postMessage({ logFrames: result.log });
    } catch (error) {
      if (!busy(error)) throw error;
    }
  } else if (message === "idle") parentPort.postMessage("idle");
  else if (message === "stop") { db.close(); parentPort.close(); }
});
`;

export function startCheckpointer(file: string, connection: BetterSqlite3.Database, options: CheckpointerOptions = {}): Checkpointer {
  const maxLogFrames = options.maxLogFrames ?? 8_192;
  let worker: Worker | null = null;
  let logFrames = 0;
  let waiting: Array<() => void> = [];
  const settleWaiting = () => {
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const checkpointInline = (error?: unknown) => {
    if (error) console.warn("[events] the WAL checkpoint thread failed; checkpointing inline again", error);
    worker = null;
    settleWaiting();
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };

  try {
    const thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      },
    });
    thread.on("message", (message: "idle" | { logFrames: number }) => {
      if (message === "idle") waiting.shift()?.();
      else logFrames = message.logFrames;
    });
    thread.on("error", (error) => {
      if (worker === thread) checkpointInline(error);
    });
    thread.on("exit", () => {
      if (worker === thread) checkpointInline(new Error("the thread exited"));
    });
    // The thread must not keep a finished process (a script, a test run) alive; unref() after the
    // listeners, since adding a "message" listener refs the thread again.
    thread.unref();
    worker = thread;
    connection.pragma("wal_autocheckpoint = 0");
  } catch (error) {
    checkpointInline(error);
  }

  const idle = () => {
    const thread = worker;
    if (!thread) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      thread.postMessage("idle");
    });
  };

  return {
    async beforeWrite() {
      if (logFrames >= maxLogFrames) {
        await idle();
        logFrames = 0;
      }
    },
    afterCommit() {
      worker?.postMessage("checkpoint");
    },
    idle,
    get threaded() {
      return worker !== null;
    },
    async stop() {
      const thread = worker;
      if (!thread) return;
      worker = null;
      settleWaiting();
      const exited = new Promise((resolve) => thread.once("exit", resolve));
      thread.postMessage("stop");
      await exited;
    },
  };
}
