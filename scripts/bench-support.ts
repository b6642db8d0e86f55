// Shared by `npm run bench`'s parts (scripts/bench-callbacks.ts, bench-postgres.ts, bench-live.ts):
// the autocannon load, and production servers started as a user does (`scripts/start.mjs`).
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const API_TOKEN = "bench";
/** Every server the bench starts seals secrets with this root key, and so does bench-log.ts seeding their database. */
export const BENCH_SECRET_KEY = "bench";

export interface Signed {
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Median of the per-second counts (with several urls: of the summed counts, one run drives them all). */
  rps: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  total: number;
  ok: number;
  unauthorized: number;
}

/**
 * `bodies` POSTed in turn to `url` for `duration` s (or `amount` requests). Several urls: one autocannon run,
 * its connections dealt round-robin (32 connections to two urls: 16 each), latencies and counts over all.
 */
export async function load(url: string | string[], bodies: Signed[], options: { connections?: number; duration?: number; amount?: number } = {}): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    // autocannon takes an array of urls (its README; lib/url.js), which its typings do not say.
    url: url as string,
    method: "POST",
    connections: options.connections ?? CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? DURATION_S }),
    requests: [{ setupRequest: (req) => { const signed = bodies[next++ % bodies.length]!; return { ...req, body: signed.body, headers: signed.headers }; } }],
  });
  return { rps: result.requests.p50, latencyP50: result.latency.p50, latencyP99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total, ok: result["2xx"], unauthorized: result["4xx"] };
}

export async function waitFor(url: string, child?: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export interface Studio {
  url: string;
  stop(): Promise<void>;
}

/** The same environment for every server the bench starts; only the port and the database differ. */
export function studioEnv(port: number, databaseUrl: string, trustedApiBase: string): NodeJS.ProcessEnv {
  return { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ADMIN_PASSWORD: "bench", API_TOKEN, STUDIO_SECRET_KEY: BENCH_SECRET_KEY, TRUSTED_API_BASES: trustedApiBase };
}

const running = new Set<ChildProcess>();
const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};
// Each server runs in its own process group (start.mjs and the server it spawns): whatever ends the bench
// (an error, Ctrl-C) takes them down, and only them.
process.on("exit", () => running.forEach((child) => killGroup(child, "SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    running.forEach((child) => killGroup(child, "SIGKILL"));
    process.exit(130);
  });
}

/** `node scripts/start.mjs` (migrate, then serve the built app) on `port`; resolves once /api/health answers. */
export async function startStudio(port: number, env: NodeJS.ProcessEnv): Promise<Studio> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(force);
        killGroup(child, "SIGKILL"); // the server may outlive start.mjs by a moment
        running.delete(child);
        resolve();
      };
      const force = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", done);
      killGroup(child, "SIGTERM");
    });
  try {
    await waitFor(`${url}/api/health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Creates an endpoint through the REST API; its id. */
export async function createEndpoint(base: string, body: object): Promise<string> {
  const response = await fetch(`${base}/api/endpoints`, { method: "POST", headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`creating an endpoint on ${base}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The value at quantile q of an ascending list (the same rule as the burst figures). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
