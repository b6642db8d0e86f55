import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authHeaders, BASE_URL, SCREENSHOTS, SHARED_DATA_DIR } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 17, the live log for daily use: the export of a filtered view is the list's view, "Copy as curl" gives a
 * command a shell can send, and retention removes old interactions but never a pending one.
 */
async function discordEndpoint(request: APIRequestContext, name: string): Promise<string> {
  const key = ((await (await request.get("/api/simulate/discord-key", { headers: authHeaders })).json()) as { publicKey: string }).publicKey;
  const created = await request.post("/api/endpoints", {
    headers: authHeaders,
    data: { platform: "discord", name, mode: "rules", secrets: { publicKey: key }, rules: [{ match: { on: "control", pattern: "ok_*" }, reply: { type: 4, data: { content: "OK" } } }] },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function click(request: APIRequestContext, endpointId: string, customId: string) {
  const payload = { id: `log-${Date.now()}-${customId}`, application_id: "APPLICATION_ID", type: 3, token: `log-token-${Date.now()}-${customId}`, version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 } };
  const sent = await request.post("/api/simulate", { headers: authHeaders, data: { endpointId, payload } });
  expect(sent.status()).toBe(200);
}

async function listIds(request: APIRequestContext, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (await request.get(`/api/interactions?${query}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: authHeaders })).json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

test("the export of a filtered view holds exactly the list's interactions, in its order, as NDJSON and CSV", async ({ page }) => {
  await signIn(page, BASE_URL);
  const endpointId = await discordEndpoint(page.request, `Export ${Date.now()}`);
  // Rule-answered and fallback-answered clicks: the status filter below keeps some and drops others.
  for (const id of ["ok_1", "other_1", "ok_2", "ok_3", "other_2"]) await click(page.request, endpointId, id);
  const expected = await listIds(page.request, `endpointId=${endpointId}&status=answered`);
  expect(expected.length).toBeGreaterThanOrEqual(5);

  await page.goto("/live");
  await page.getByLabel("All endpoints").selectOption(endpointId);
  await page.getByLabel("All statuses").selectOption("answered");
  const csvHref = await page.getByTestId("export-csv").getAttribute("href");
  expect(csvHref).toContain(`endpointId=${endpointId}`);
  expect(csvHref).toContain("status=answered");
  await page.screenshot({ path: path.join(SCREENSHOTS, "live-export-1280.png"), fullPage: true });
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const csv = await (await download).path().then((file) => execFileSync("cat", [file], { encoding: "utf8" }));
  // The file as a spreadsheet opens it: the UTF-8 byte order mark first (Excel reads the text as UTF-8), then the header.
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = csv.slice(1).trimEnd().split("\r\n");
  expect(rows[0]?.split(",")[0]).toBe("id");
  expect(rows.slice(1).map((row) => row.split(",")[0])).toEqual(expected);

  const ndjson = await (await page.request.get(`/api/interactions/export?format=ndjson&endpointId=${endpointId}&status=answered`, { headers: authHeaders })).text();
  expect(ndjson.trim().split("\n").map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(expected);
});

test("Copy as curl gives a command that sends the request as received; Copy reply gives the reply", async ({ page }) => {
  await signIn(page, BASE_URL);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `Curl ${Date.now()}`;
  const endpointId = await discordEndpoint(page.request, name);
  await click(page.request, endpointId, "ok_curl");
  await page.goto("/live");
  await page.getByLabel("All endpoints").selectOption(endpointId);
  await page.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: "ok_curl" }).first().click();
  await page.getByTestId("copy-reply").click();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual({ type: 4, data: { content: "OK" } });
  await page.getByTestId("copy-curl").click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toContain(`${BASE_URL}/api/callbacks/${endpointId}`);
  // The same bytes and signature reach the endpoint again: a repeat, answered with the stored reply.
  const answer = execFileSync("sh", ["-c", `${command} --silent --show-error`], { encoding: "utf8" });
  expect(JSON.parse(answer)).toEqual({ type: 4, data: { content: "OK" } });
});

test("retention removes old interactions from the settings page, and keeps a pending one however old", async ({ page }) => {
  await signIn(page, BASE_URL);
  const endpointId = await discordEndpoint(page.request, `Retention ${Date.now()}`);
  // Interactions from 40 days ago, written into the server's own SQLite file (WAL: it keeps serving meanwhile).
  const db = new Database(path.join(SHARED_DATA_DIR, "studio.db"));
  db.pragma("busy_timeout = 5000");
  const old = new Date(Date.now() - 40 * 24 * 3600_000).toISOString().replace("Z", "+00:00");
  const insert = db.prepare(`INSERT INTO "Interaction" (id, endpointId, platform, eventId, kind, status, control, headers, body, receivedAt) VALUES (?, ?, 'discord', ?, 'button', ?, 'old', '{}', '{}', ?)`);
  for (const [id, status] of [["old-answered-1", "answered"], ["old-answered-2", "answered"], ["old-pending", "pending"]] as const) insert.run(`${endpointId}-${id}`, endpointId, id, status, old);
  db.close();
  await click(page.request, endpointId, "ok_recent");
  expect(await listIds(page.request, `endpointId=${endpointId}`)).toHaveLength(4);

  await page.goto("/settings");
  await page.getByLabel("Keep interactions for (days)").fill("30");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Saved: the next run")).toBeVisible();
  await page.getByRole("button", { name: "Remove now" }).click();
  await expect(page.getByTestId("retention-last-run")).toContainText("removed 2 interactions (2 by age");
  await page.screenshot({ path: path.join(SCREENSHOTS, "settings-retention-1280.png"), fullPage: true });
  const left = await listIds(page.request, `endpointId=${endpointId}`);
  expect(left).toHaveLength(2);
  expect(left).toContain(`${endpointId}-old-pending`);
  // Back to no limit, so other specs' rows are left alone.
  await page.getByLabel("Keep interactions for (days)").fill("");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Saved: the next run")).toBeVisible();
});

test("figures per endpoint on /endpoints and /live: interactions and refusals of the last hour, answer times, a chart of the day", async ({ page }) => {
  await signIn(page, BASE_URL);
  const name = `Figures ${Date.now()}`;
  const endpointId = await discordEndpoint(page.request, name);
  for (const id of ["ok_a", "ok_b", "other"]) await click(page.request, endpointId, id);
  // A forged callback: refused (401) and counted as a refusal.
  const forged = await page.request.post(`/api/callbacks/${endpointId}`, { headers: { "content-type": "application/json", "x-signature-ed25519": "00".repeat(64), "x-signature-timestamp": "1" }, data: { type: 3 } });
  expect(forged.status()).toBe(401);

  await page.goto("/endpoints");
  const figures = page.getByRole("listitem", { name }).getByTestId("endpoint-figures");
  await expect(figures.getByTestId("figures-last-hour")).toHaveAttribute("data-interactions", "3");
  await expect(figures.getByTestId("figures-last-hour")).toHaveAttribute("data-refused", "1");
  await expect(figures.getByTestId("figures-chart")).toBeVisible();
  await figures.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "endpoints-figures-1280.png") });

  await page.goto("/live");
  await page.getByLabel("All endpoints").selectOption(endpointId);
  const liveFigures = page.locator(`[data-testid="endpoint-figures"][data-endpoint-id="${endpointId}"]`);
  await expect(liveFigures.getByTestId("figures-last-day")).toHaveAttribute("data-interactions", "3");
  await expect(liveFigures.getByTestId("figures-answer-times")).toContainText(/rule/i);
  await page.screenshot({ path: path.join(SCREENSHOTS, "live-figures-1280.png"), fullPage: true });
});

test("search finds an interaction by a value inside its body, marks it in the detail, and the export of the search is the list's", async ({ page }) => {
  await signIn(page, BASE_URL);
  const name = `Search ${Date.now()}`;
  const endpointId = await discordEndpoint(page.request, name);
  const order = `ORD-${Date.now().toString(36).toUpperCase()}`;
  // The value is only in the body (the message's content), not in the control or the summary.
  const payload = { id: `search-${Date.now()}`, application_id: "APPLICATION_ID", type: 3, token: `search-token-${Date.now()}`, version: 1, member: { user: { id: "u1" } }, data: { custom_id: "ok_ship", component_type: 2 }, message: { id: "m1", content: `Shipping order ${order} today` } };
  expect((await page.request.post("/api/simulate", { headers: authHeaders, data: { endpointId, payload } })).status()).toBe(200);
  await click(page.request, endpointId, "ok_other");

  // The search index is fed in the background: the API finds it (queued rows are searched directly meanwhile).
  const found = await listIds(page.request, `q=${encodeURIComponent(order.toLowerCase())}`);
  expect(found).toHaveLength(1);

  await page.goto("/live");
  await page.getByLabel("Search").fill(order.toLowerCase());
  const rows = page.getByRole("list", { name: "Interactions, newest first" }).getByRole("button");
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByTestId("detail-body").getByTestId("search-match")).toHaveText(order);
  await page.screenshot({ path: path.join(SCREENSHOTS, "live-search-1280.png"), fullPage: true });
  expect(await page.getByTestId("export-ndjson").getAttribute("href")).toContain(`q=${encodeURIComponent(order.toLowerCase())}`);
  const exported = await (await page.request.get(`/api/interactions/export?format=ndjson&q=${encodeURIComponent(order.toLowerCase())}`, { headers: authHeaders })).text();
  expect(exported.trim().split("\n").map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(found);
});
