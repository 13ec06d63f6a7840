// Starts the built production server on a fresh, seeded database for the browser tests.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dbFile = path.resolve("tests/.tmp/e2e.db");
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: process.env.E2E_PORT ?? "3100",
  // Plain HTTP on loopback: the Secure flag would stop the browser from sending the cookie.
  INSECURE_COOKIES: "true",
  SMTP_URL: "",
  // The seed computes scores once; a background run must not change them under a test.
  SCORING_SCHEDULE: "off",
};

execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: "inherit" });
execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts"], { env, stdio: "inherit" });

const server = spawn(process.execPath, ["server.mjs"], { env, stdio: "inherit" });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
