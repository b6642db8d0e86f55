// A throwaway PostgreSQL cluster for tests: a temp data dir, a free port on 127.0.0.1, its
// unix socket in the temp dir (never /var/run/postgresql), fsync off, trust auth. initdb plus
// start take ~2 s here. Used by the unit tests' global setup (lib/db/pg-global-setup.ts) and
// available to end-to-end runs. Root cannot run postgres, so as root it runs as `postgres`.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin dir (Debian layout), else wherever initdb is on PATH. */
export function findPgBin() {
  if (existsSync(PG_ROOT)) {
    const versions = readdirSync(PG_ROOT).filter((v) => existsSync(path.join(PG_ROOT, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(PG_ROOT, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

/** Like scripts/e2e.mjs for Chromium: Debian's package from the reachable mirror when missing. */
export function ensurePgBin(log = console.log) {
  const found = findPgBin();
  if (found) return found;
  if (spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found; install PostgreSQL 15 or newer");
  }
  log("[pg] installing Debian's postgresql (server binaries for the tests)…");
  const apt = (...args) => spawnSync(process.getuid?.() === 0 ? "apt-get" : "sudo", process.getuid?.() === 0 ? args : ["apt-get", ...args], { stdio: "inherit" }).status;
  apt("update", "-qq");
  if (apt("install", "-y", "-qq", "postgresql") !== 0 || !findPgBin()) throw new Error("apt-get install postgresql failed");
  return findPgBin();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; resolves to `{ url, stop }` where url is
 * `postgresql://postgres@127.0.0.1:<port>/postgres` (a superuser, so tests may CREATE DATABASE).
 */
export async function startPgCluster({ log = console.log } = {}) {
  const bin = ensurePgBin(log);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "button-studio-pg-"));
  if (asRoot) chownSync(dir, ...ownerOf("postgres"));
  const data = path.join(dir, "data");
  const run = (tool, args) => {
    const command = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    const result = spawnSync(command[0], command[1], { encoding: "utf8", cwd: dir });
    if (result.status !== 0) throw new Error(`[pg] ${tool} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
    return result.stdout;
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  // fsync off: a test cluster never needs to survive a crash. max_connections: two servers,
  // their pools and listeners, and the unit tests' parallel workers.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "30", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A caller that throws before stopping (or exits early) must not leave a server behind.
  process.on("exit", stop);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir, stop };
}

function ownerOf(user) {
  const id = (flag) => Number(spawnSync("id", [flag, user], { encoding: "utf8" }).stdout.trim());
  return [id("-u"), id("-g")];
}
