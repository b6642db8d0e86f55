import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

const SIMULATOR = `${BASE_URL}/api/simulator/platform`;

async function createEndpointThroughUi(page: Page, options: { platform: "QQ" | "Discord"; name: string; mode: string }) {
  await page.goto("/endpoints");
  await page.getByRole("button", { name: "New endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "New endpoint" });
  await dialog.getByLabel(options.platform, { exact: true }).check();
  await dialog.getByLabel("Name").fill(options.name);
  await dialog.getByLabel("Reply mode").selectOption({ label: options.mode });
  if (options.platform === "QQ") {
    await dialog.getByLabel("App ID (AppID)").fill("102041818");
    await dialog.getByLabel("Bot secret (AppSecret)").fill("e2e-bot-secret");
  } else {
    await dialog.getByRole("button", { name: "Use the simulator's key" }).click();
    await expect(dialog.getByLabel("Application public key")).toHaveValue(/^[0-9a-f]{64}$/);
  }
  await dialog.getByLabel("Platform API base URL").fill(SIMULATOR);
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  const card = page.getByRole("listitem", { name: options.name });
  await expect(card).toBeVisible();
  await expect(card.getByText("stored encrypted, never shown again")).toBeVisible();
  await expect(card.getByText("e2e-bot-secret")).toHaveCount(0);
  return card.getByTestId("callback-url").textContent();
}

async function openPreviewFor(page: Page, platform: "qq" | "discord", endpointName: string) {
  const layout = platform === "qq" ? qqGrid(1, 2) : discordGrid(1, 2);
  const templateName = `Sim ${Date.now()}`;
  const created = await page.request.post("/api/templates", { headers: authHeaders, data: { platform, name: templateName, text: "Hi", layout } });
  const { template } = await created.json();
  await page.goto(`/templates/${template.id}`);
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByLabel("Send clicks to").selectOption({ label: endpointName });
  return templateName;
}

async function simulatorCalls(page: Page) {
  return ((await (await page.request.get("/api/simulator/calls")).json()) as { calls: { method: string; path: string; body: unknown }[] }).calls;
}

test("QQ: a simulated click arrives live, a person answers code 0, the platform API receives the PUT", async ({ browser }) => {
  const context = await browser.newContext();
  const builder = await context.newPage();
  await signIn(builder, BASE_URL);
  const name = `QQ manual ${Date.now()}`;
  await createEndpointThroughUi(builder, { platform: "QQ", name, mode: "Manual" });

  const live = await context.newPage();
  await live.goto("/live");
  await expect(live.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await openPreviewFor(builder, "qq", name);
  await builder.getByTestId("qq-preview").getByRole("button", { name: "Button 0-0" }).click();
  await expect(builder.getByTestId("simulation-result")).toContainText('HTTP 200');
  await expect(builder.getByTestId("simulation-result")).toContainText('{"op":12,"d":0}');

  // It shows up without a reload.
  const row = live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: "0-0" }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(live.getByRole("timer")).toBeVisible();
  await live.getByLabel("Result code").selectOption("0");
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent through the platform API.")).toBeVisible();
  await expect(live.getByTestId("detail-status")).toHaveText("Answered");
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-answered-1280.png"), fullPage: true });
  await builder.goto("/endpoints");
  await builder.screenshot({ path: path.join(SCREENSHOTS, "endpoints-1280.png"), fullPage: true });

  const calls = await simulatorCalls(builder);
  const put = calls.find((c) => c.method === "PUT" && c.path.startsWith("/interactions/"));
  expect(put?.body).toEqual({ code: 0 });
  await context.close();
});

test("Discord: a held click answered in time goes in the response; after the deadline, as a follow-up", async ({ browser }) => {
  const context = await browser.newContext();
  const builder = await context.newPage();
  await signIn(builder, BASE_URL);
  const name = `Discord manual ${Date.now()}`;
  await createEndpointThroughUi(builder, { platform: "Discord", name, mode: "Manual" });
  const live = await context.newPage();
  await live.goto("/live");
  await expect(live.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const templateName = await openPreviewFor(builder, "discord", name);

  // In time: a person answers while Discord's request is held open.
  await builder.getByTestId("discord-preview").getByRole("button", { name: "Button b0_0" }).click();
  const first = live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: "b0_0" }).first();
  await first.click();
  await live.getByLabel("Message content").fill("Answered by a person");
  await live.getByLabel("Components from a template").selectOption({ label: templateName });
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent in the held response.")).toBeVisible();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"type":4,"data":{"content":"Answered by a person","components":[{"type":1');

  // Too late for the response: the deferred fallback goes out, the answer follows up through the webhook.
  await builder.getByTestId("discord-preview").getByRole("button", { name: "Button b0_1" }).click();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"type":6}', { timeout: 10_000 });
  const second = live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: "b0_1" }).first();
  await second.click();
  await expect(live.getByText("The deferred fallback went out in time")).toBeVisible();
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-pending-1280.png"), fullPage: true });
  await live.getByLabel("Message content").fill("Later answer");
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent as a follow-up.")).toBeVisible();
  const calls = await simulatorCalls(builder);
  // A new message after a deferred update is a follow-up: POST /webhooks/{application}/{token}.
  expect(calls.find((c) => c.method === "POST" && /^\/webhooks\/APPLICATION_ID\/aW50ZXJhY3Rpb24[0-9a-f]{32}$/.test(c.path))?.body).toEqual({ content: "Later answer" });
  await context.close();
});

test("two replies to one pending interaction: one 200, one 409", async ({ page }) => {
  await signIn(page, BASE_URL);
  const key = (await (await page.request.get("/api/simulate/discord-key")).json()).publicKey as string;
  const endpoint = await (await page.request.post("/api/endpoints", { headers: authHeaders, data: { platform: "discord", name: `Race ${Date.now()}`, mode: "manual", secrets: { publicKey: key } } })).json();
  const payload = { id: `race-${Date.now()}`, application_id: "A", type: 3, token: "T", version: 1, member: { user: { id: "u" } }, data: { custom_id: "race", component_type: 2 } };
  const held = page.request.post("/api/simulate", { headers: authHeaders, data: { endpointId: endpoint.id, payload } });
  let id: string | undefined;
  for (let i = 0; i < 50 && !id; i++) {
    const list = await (await page.request.get(`/api/interactions?endpointId=${endpoint.id}`, { headers: authHeaders })).json();
    id = list.items[0]?.id;
    if (!id) await page.waitForTimeout(50);
  }
  const replies = await Promise.all([1, 2].map((n) => page.request.post(`/api/interactions/${id}/reply`, { headers: authHeaders, data: { type: 4, data: { content: `reply ${n}` } } })));
  expect(replies.map((r) => r.status()).sort()).toEqual([200, 409]);
  expect((await (await held).json()).status).toBe(200);
});

test("the callback URL refuses bad signatures with 401 and unknown endpoints with 404, never 500", async ({ request }) => {
  const key = (await (await request.get("/api/simulate/discord-key", { headers: authHeaders })).json()).publicKey as string;
  const endpoint = await (await request.post("/api/endpoints", { headers: authHeaders, data: { platform: "discord", name: "Probe", secrets: { publicKey: key } } })).json();
  const url = `/api/callbacks/${endpoint.id}`;
  expect((await request.post(url, { data: '{"type":1}', headers: { "x-signature-ed25519": "00".repeat(64), "x-signature-timestamp": "1" } })).status()).toBe(401);
  expect((await request.post(url, { data: "not json" })).status()).toBe(401);
  expect((await request.post("/api/callbacks/nope", { data: "{}" })).status()).toBe(404);
  const ping = await request.post("/api/simulate", { headers: authHeaders, data: { endpointId: endpoint.id, payload: { id: "p", type: 1, version: 1 } } });
  expect(await ping.json()).toMatchObject({ status: 200, body: '{"type":1}' });
  const shown = await (await request.get(`/api/endpoints/${endpoint.id}`, { headers: authHeaders })).json();
  expect(shown.handshake.ok).toBe(true);
});

test("replay resends a logged interaction, re-signed, to its endpoint or another URL", async ({ request }) => {
  const key = (await (await request.get("/api/simulate/discord-key", { headers: authHeaders })).json()).publicKey as string;
  const create = async (name: string) => (await (await request.post("/api/endpoints", { headers: authHeaders, data: { platform: "discord", name, secrets: { publicKey: key } } })).json()) as { id: string; callbackUrl: string };
  const [first, second] = [await create("Replay A"), await create("Replay B")];
  const payload = { id: `replay-${Date.now()}`, application_id: "A", type: 3, token: "T", version: 1, data: { custom_id: "again", component_type: 2 } };
  await request.post("/api/simulate", { headers: authHeaders, data: { endpointId: first.id, payload } });
  const stored = (await (await request.get(`/api/interactions?endpointId=${first.id}`, { headers: authHeaders })).json()).items[0];

  const again = await (await request.post(`/api/interactions/${stored.id}/replay`, { headers: authHeaders, data: {} })).json();
  expect(again).toMatchObject({ status: 200, body: '{"type":6}' });
  expect((await (await request.get(`/api/interactions?endpointId=${first.id}`, { headers: authHeaders })).json()).items).toHaveLength(1);

  const elsewhere = await (await request.post(`/api/interactions/${stored.id}/replay`, { headers: authHeaders, data: { targetUrl: second.callbackUrl } })).json();
  expect(elsewhere).toMatchObject({ url: second.callbackUrl, status: 200 });
  const arrived = (await (await request.get(`/api/interactions?endpointId=${second.id}`, { headers: authHeaders })).json()).items;
  expect(arrived.map((i: { eventId: string }) => i.eventId)).toEqual([payload.id]);
});
