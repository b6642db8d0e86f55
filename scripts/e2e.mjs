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

function hasChineseFont() {
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  // Without fontconfig (macOS, Windows) the OS brings its own CJK fonts.
  return fonts.error !== undefined || fonts.stdout.trim() !== "";
}

function hasEmojiFont() {
  const fonts = spawnSync("fc-list", [":charset=1f44d", "family"], { encoding: "utf8" });
  return fonts.error !== undefined || fonts.stdout.trim() !== "";
}

function hasChromium() {
  const own = require("@playwright/test").chromium.executablePath();
  return (own && existsSync(own)) || existsSync(SYSTEM_CHROMIUM);
}

/**
 * `playwright install` downloads from the internet; Debian's packages come from
 * the reachable mirror. The CJK and emoji fonts let screenshots of the Chinese UI and
 * of reactions show real glyphs, so clipped or overflowing text can be seen.
 */
function ensureSystemPackages() {
  const missing = [!hasChromium() && "chromium", !hasChineseFont() && "fonts-noto-cjk", !hasEmojiFont() && "fonts-noto-color-emoji"].filter(Boolean);
  if (missing.length === 0) return;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!hasApt) {
    // Not Debian: Playwright's own download is the way (it needs the internet).
    if (!hasChromium() && run(path.join(root, "node_modules", ".bin", "playwright"), ["install", "chromium"]) !== 0) process.exit(1);
    return;
  }
  console.log(`[e2e] installing Debian packages: ${missing.join(", ")}`);
  const apt = (...args) => (process.getuid?.() === 0 ? run("apt-get", args) : run("sudo", ["apt-get", ...args]));
  apt("update", "-qq");
  if (apt("install", "-y", "-qq", ...missing) !== 0 || !hasChromium()) {
    console.error("[e2e] could not install them. Install Chromium (apt-get install chromium, or `npx playwright install chromium`) and a CJK font.");
    process.exit(1);
  }
}

ensureSystemPackages();
mkdirSync(path.join(root, "e2e", ".artifacts"), { recursive: true });
if (run(process.execPath, [path.join(root, "scripts", "start.mjs"), "--build-only"]) !== 0) process.exit(1);
process.exit(run(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)]));
