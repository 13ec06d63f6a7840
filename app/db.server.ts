// The one Prisma client of the process. SQLite runs through the better-sqlite3 driver adapter on
// a single connection; the pragmas below are per connection, so they are applied before first use.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseFilePath } from "./db-path.js";
import { env } from "./env.server";

const SLOW_QUERY_MS = 100;

// WAL lets readers work while a write is in progress; foreign keys are off by default in SQLite;
// NORMAL sync is safe with WAL and much faster. Pragmas hold per connection, so they run the
// moment the adapter opens it, before Prisma can send anything else.
// `optimize=0x10002` gathers planner statistics for tables that lack them (SQLite's advice for
// long-lived connections). Without statistics the planner guesses, and on a large event log it
// guesses badly: "this person's recent views, newest first" walked the (type, occurredAt) index
// through every view of every person (about a second at 800k events) instead of the person's own.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA optimize = 0x10002;";

function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({
    url,
    // better-sqlite3's busy timeout: wait for a concurrent writer instead of failing with SQLITE_BUSY.
    timeout: 5000,
  });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    await connection.executeScript(CONNECTION_PRAGMAS);
    return connection;
  };
  return factory;
}

function createClient() {
  const adapter = sqliteAdapter(databaseFilePath(env.DATABASE_URL));
  const client = new PrismaClient({
    adapter,
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    if (event.duration >= SLOW_QUERY_MS) {
      console.warn(`prisma:slow-query ${event.duration}ms ${event.query.replace(/\s+/g, " ").slice(0, 300)}`);
    }
  });
  return client;
}

export type Db = ReturnType<typeof createClient>;

declare global {
  // Survives module reloads in development so we do not open a new connection per rebuild.
  var __kizunaDb: Db | undefined;
}

globalThis.__kizunaDb ??= createClient();

export const db = globalThis.__kizunaDb;

/** Opens the connection up front, so the server fails at start-up, not on its first request. */
export const dbReady: Promise<void> = db.$connect();

/** True when a write failed on a unique constraint (Prisma's P2002), e.g. a duplicate key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
