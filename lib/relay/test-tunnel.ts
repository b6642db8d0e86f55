import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Duplex } from "node:stream";
import { handleTunnelUpgrade } from "@/server/tunnel";

type UpgradeHandler = typeof handleTunnelUpgrade;

/** For tests: Button Studio's upgrade path on a free loopback port, keeping each upgraded TCP socket so a test can cut it. */
export async function serveTunnel(handler: UpgradeHandler = handleTunnelUpgrade): Promise<{ url: string; sockets: Duplex[]; close: () => Promise<void> }> {
  const sockets: Duplex[] = [];
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    sockets.push(socket);
    if (!handler(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sockets,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface RunningCli {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line (from `from` on) matching, or rejects after `timeoutMs`. */
  line: (pattern: RegExp, timeoutMs?: number, from?: number) => Promise<string>;
  exited: Promise<number | null>;
}

/** The real `button-studio` CLI as a child process, its output collected line by line. */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [path.resolve("bin/button-studio.mjs"), ...args], { env: { ...process.env, BUTTON_STUDIO_TOKEN: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let partial = "";
  let errors = "";
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const line = (pattern: RegExp, timeoutMs = 5000, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find((l) => pattern.test(l));
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line ${pattern} in ${timeoutMs} ms; stdout: ${JSON.stringify(lines)}; stderr: ${errors}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { child, lines, stderr: () => errors, line, exited };
}

/** Polls until `check` holds (state another process or socket changes), failing after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
