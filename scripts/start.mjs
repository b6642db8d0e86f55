#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, apply
// pending migrations to the database (SQLite or PostgreSQL), then serve with `next start`.
// `--build-only` stops after the build (the test runner builds once per run).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const SOURCES = ["app", "components", "lib", "server", "i18n", "messages", "prisma", "public", "instrumentation.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next", "generated", "generated-pg"]);
const STAMP = path.join(root, ".next", "source-fingerprint");

function filesUnder(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => !SKIP.has(d.name) && !d.name.endsWith(".test.ts"))
    .flatMap((d) => filesUnder(path.join(entry, d.name)));
}

function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(filesUnder).sort()) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[start] ${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const fingerprint = sourceFingerprint();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;
if (!built) {
  console.log("[start] building the app (sources changed since the last build)…");
  // Both clients: which one serves is DATABASE_URL's choice at run time (lib/db/client.ts).
  run(bin("prisma"), ["generate"]);
  run(bin("prisma"), ["generate", "--schema", "prisma/postgresql/schema.prisma"]);
  run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  // The callback lane runs outside Next's bundler: bundle it with the lib/ code it calls.
  run(bin("esbuild"), [
    "server/lane.ts", "--bundle", "--platform=node", "--target=node20", "--format=esm", "--outfile=.next/lane.mjs",
    // Bundled CommonJS dependencies still call require(); ESM output needs one.
    "--banner:js=import { createRequire as __laneRequire } from 'node:module'; const require = __laneRequire(import.meta.url);",
    `--alias:@=${root}`, `--alias:server-only=${path.join(root, "server", "server-only-shim.ts")}`,
    "--external:next", "--external:better-sqlite3", "--external:pg", "--external:@prisma/*", "--external:ws", "--log-level=warning",
  ]);
  writeFileSync(STAMP, fingerprint);
}
if (process.argv.includes("--build-only")) process.exit(0);

// SQLite through `prisma migrate deploy`, PostgreSQL through the project's runner (scripts/migrate.mjs says why).
run(process.execPath, [path.join(root, "scripts", "migrate.mjs")]);

const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
