import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "e2e", ".artifacts");

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group: a crash, with no chance to flush or clean up. */
  crash: () => Promise<void>;
}

/**
 * Starts the real production server exactly as a user does (`npm start`, i.e.
 * scripts/start.mjs: migrate, then `next start`) on its own port and SQLite file.
 * The build is made once per run by scripts/e2e.mjs before any server starts.
 */
export async function startServer(options: { port: number; dataDir: string; env?: Record<string, string | undefined> }): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  // A port already in use would let the health check pass against someone else's server.
  await assertPortFree(options.port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: `file:${path.join(options.dataDir, "studio.db")}`,
    STUDIO_SECRET_KEY: "e2e-secret-key",
    NODE_ENV: "production",
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // Its own process group, so a crash can take start.mjs and the server it spawned down together.
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child, () => output);
  return { url, output: () => output, stop: () => stopProcess(child, "SIGTERM"), crash: () => stopProcess(child, "SIGKILL") };
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", () => reject(new Error(`port ${port} is in use; set E2E_PORT to a free port`)))
      .once("listening", () => probe.close(() => resolve()))
      .listen(port);
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become healthy within 60 s:\n${output()}`);
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const group = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const force = setTimeout(() => group("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      // The server child may outlive start.mjs by a moment; make sure the group is gone.
      group("SIGKILL");
      setTimeout(resolve, 200);
    });
    group(signal);
  });
}
