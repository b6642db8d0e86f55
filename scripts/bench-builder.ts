// `npm run bench:builder`: how fast the builder's rules run, and how much
// JavaScript the editor page loads first. Figures, not a pass/fail test.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { getLayout } from "../lib/platforms/registry";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/support/browser";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median microseconds per call over `rounds` rounds of `batch` calls. */
function time(fn: () => unknown, rounds = 31, batch = 200): number {
  for (let i = 0; i < batch * 5; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  return median(samples);
}

/** The largest card Feishu takes: 40 column sets of 2 columns with a button each (200 components). */
function feishuCard200() {
  const text = (content: string) => ({ tag: "plain_text", content });
  const button = (id: string) => ({ tag: "button", element_id: id, name: id, type: "primary", text: text("Go"), behaviors: [{ type: "callback", value: { action: id } }] });
  const pair = (i: number) => ({ tag: "column_set", columns: [{ tag: "column", elements: [button(`a${i}`)] }, { tag: "column", elements: [button(`b${i}`)] }] });
  return { schema: "2.0", config: { update_multi: true }, header: { title: text("Bench"), template: "blue" }, body: { elements: Array.from({ length: 40 }, (_, i) => pair(i)) } };
}

function benchRules(): void {
  const cases = [
    { name: "QQ 5×5 keyboard", platform: "qq" as const, layout: qqGrid(5, 5), scene: "group" },
    { name: "Discord 5×5 buttons", platform: "discord" as const, layout: discordGrid(5, 5), scene: undefined },
    { name: "Feishu card, 200 comp.", platform: "feishu" as const, layout: feishuCard200(), scene: undefined },
  ];
  console.log("\nRule checks (median of 31 rounds × 200 calls)");
  console.log("case                   validate µs   baseline µs   ratio   (baseline: JSON.parse(JSON.stringify(layout)))");
  for (const c of cases) {
    const adapter = getLayout(c.platform);
    // A benchmark of a layout that fails its rules would time the error path, not the full check.
    const check = adapter.validate(c.layout, { scene: c.scene });
    if (!check.ok) throw new Error(`${c.name} is not valid: ${JSON.stringify(check.errors.slice(0, 3))}`);
    const validate = time(() => adapter.validate(c.layout, { scene: c.scene }));
    const baseline = time(() => JSON.parse(JSON.stringify(c.layout)));
    console.log(`${c.name.padEnd(22)} ${validate.toFixed(1).padStart(11)} ${baseline.toFixed(1).padStart(13)} ${(validate / baseline).toFixed(1).padStart(7)}x`);
  }
}

async function benchEditorLoad(): Promise<void> {
  const port = 3290;
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-builder-"));
  const env = { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(dataDir, "studio.db")}`, ADMIN_PASSWORD: "bench", API_TOKEN: "bench" };
  const server = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      if (i > 600) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const created = await fetch(`${base}/api/templates`, {
      method: "POST",
      headers: { authorization: "Bearer bench", "content-type": "application/json" },
      body: JSON.stringify({ platform: "qq", name: "Bench", layout: qqGrid(5, 5) }),
    }).then((r) => r.json());
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: "Bearer bench" } });
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
    });
    const started = Date.now();
    await page.goto(`${base}/templates/${created.template.id}`, { waitUntil: "networkidle" });
    const loadMs = Date.now() - started;
    const raw = [...scripts.values()].reduce((sum, b) => sum + b.length, 0);
    const gzip = [...scripts.values()].reduce((sum, b) => sum + gzipSync(b).length, 0);
    console.log(`\nEditor page first load (/templates/:id, 5×5 keyboard): ${scripts.size} scripts, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzipped; networkidle after ${loadMs} ms`);
    await browser.close();
  } finally {
    server.kill("SIGTERM");
  }
}

benchRules();
benchEditorLoad().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
