#!/usr/bin/env node
// End-to-end tests: make sure a Chromium exists, build the app once, then run
// Playwright (whose global setup starts the real production server).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status ?? 1;
}

function ensureChromium() {
  const own = require("@playwright/test").chromium.executablePath();
  if (own && existsSync(own)) return;
  if (existsSync(SYSTEM_CHROMIUM)) return;
  // `playwright install` downloads from the internet; Debian's package comes from the reachable mirror.
  console.log("[e2e] no Chromium found: installing Debian's chromium package…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (...args) => (sudo.length ? run("sudo", ["apt-get", ...args]) : run("apt-get", args));
  apt("update", "-qq");
  if (apt("install", "-y", "-qq", "chromium") !== 0 || !existsSync(SYSTEM_CHROMIUM)) {
    console.error("[e2e] could not install Chromium. Install it (apt-get install chromium) or run `npx playwright install chromium`.");
    process.exit(1);
  }
}

ensureChromium();
mkdirSync(path.join(root, "e2e", ".artifacts"), { recursive: true });
if (run(process.execPath, [path.join(root, "scripts", "start.mjs"), "--build-only"]) !== 0) process.exit(1);
process.exit(run(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)]));
