import { spawn, type ChildProcess } from "node:child_process";
import { createServer, connect, type Server, type Socket } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqInteractionDispatch } from "../lib/platforms/qq/click";
import { downBotUrl } from "../lib/relay/test-bot";
import { discordBot, feishuBot, qqBot, type Bot } from "../lib/relay/test-bots";
import { API_TOKEN, authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 16, relay: Button Studio between the (simulated) platform and a developer's bot written against the
 * platform's own SDK. The bot verifies the forwarded request with the platform's key; its answer reaches the
 * simulator, or the fallback goes in time and /live says why.
 */
const SIMULATOR = `${BASE_URL}/api/simulator/platform`;
const bots: Bot[] = [];
test.afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.close()));
});

async function discordKey(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/simulate/discord-key", { headers: authHeaders })).json()) as { publicKey: string }).publicKey;
}

async function createEndpoint(request: APIRequestContext, data: Record<string, unknown>): Promise<{ id: string }> {
  const created = await request.post("/api/endpoints", { headers: authHeaders, data: { apiBaseUrl: SIMULATOR, ...data } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string };
}

let clicks = 0;
/** A Discord button click as the platform sends it; the simulator signs it with its application key. */
function discordClick(customId: string) {
  clicks += 1;
  return { id: `relay-e2e-${Date.now()}-${clicks}`, application_id: "APPLICATION_ID", type: 3, token: `relay-token-${Date.now()}-${clicks}`, version: 1, member: { user: { id: "u1", username: "tester" } }, data: { custom_id: customId, component_type: 2 }, message: { id: "m1" } };
}

async function simulate(request: APIRequestContext, endpointId: string, payload: Record<string, unknown>): Promise<{ status: number; body: string; ms: number }> {
  const sent = await request.post("/api/simulate", { headers: authHeaders, data: { endpointId, payload } });
  expect(sent.status(), await sent.text()).toBe(200);
  return (await sent.json()) as { status: number; body: string; ms: number };
}

interface Detail {
  id: string;
  status: string;
  replySource: string | null;
  reply: unknown;
  relay: { target: string; status?: number; late?: boolean; used: string | false; reason?: { code: string } } | null;
}

/** The newest interaction of an endpoint, once its forward is recorded as `until` wants. */
async function relayedDetail(request: APIRequestContext, endpointId: string, until: (detail: Detail) => boolean = (d) => d.relay !== null): Promise<Detail> {
  let last: Detail | undefined;
  await expect.poll(async () => {
    const page = (await (await request.get(`/api/interactions?endpointId=${endpointId}&limit=1`, { headers: authHeaders })).json()) as { items: { id: string }[] };
    const id = page.items[0]?.id;
    if (!id) return false;
    last = ((await (await request.get(`/api/interactions/${id}`, { headers: authHeaders })).json()) as Detail);
    return until(last);
  }, { timeout: 15_000 }).toBe(true);
  return last!;
}

async function openLive(page: Page) {
  await page.goto("/live");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

function liveRow(live: Page, control: string, endpointName: string) {
  return live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: control }).filter({ hasText: endpointName }).first();
}

test("Discord: a click from the builder's preview reaches the bot through the relay, and the bot's answer reaches the platform", async ({ browser }) => {
  const context = await browser.newContext();
  const builder = await context.newPage();
  await signIn(builder, BASE_URL);
  const bot = await discordBot(await discordKey(builder.request), (id) => ({ body: { type: 4, data: { content: `The bot saw ${id}` } } }));
  bots.push(bot);
  const name = `Relay Discord ${Date.now()}`;
  const endpoint = await createEndpoint(builder.request, { platform: "discord", name, mode: "relay", relayTarget: bot.url, secrets: { publicKey: await discordKey(builder.request) } });
  const live = await context.newPage();
  await openLive(live);

  const template = (await (await builder.request.post("/api/templates", { headers: authHeaders, data: { platform: "discord", name: `Relay ${Date.now()}`, text: "Hi", layout: discordGrid(1, 2) } })).json()) as { template: { id: string } };
  await builder.goto(`/templates/${template.template.id}`);
  await builder.getByRole("tab", { name: "Preview" }).click();
  await builder.getByLabel("Send clicks to").selectOption({ label: name });
  await builder.getByTestId("discord-preview").getByRole("button", { name: "Button b0_0" }).click();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"type":4,"data":{"content":"The bot saw b0_0"}}');

  const detail = await relayedDetail(builder.request, endpoint.id);
  expect(bot.seen).toEqual([detail.id]);
  expect(detail).toMatchObject({ status: "answered", replySource: "relay", relay: { target: bot.url, status: 200, late: false, used: "response" } });
  await liveRow(live, "b0_0", name).click();
  const record = live.getByTestId("relay-record");
  await expect(record).toBeVisible();
  await expect(record).toHaveAttribute("data-relay-status", "200");
  await expect(record).toContainText("The bot saw b0_0");
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-relay-answered-1280.png"), fullPage: true });
  await context.close();
});

test("Discord: a bot 5 s slow gets the fallback in time and its answer as a follow-up; a bot down or answering what Discord refuses gets the fallback, with the reason in /live", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, BASE_URL);
  const key = await discordKey(page.request);
  const bot = await discordBot(key, (id) =>
    id === "slow" ? { body: { type: 4, data: { content: "Sorry, I was slow" } }, delayMs: 5000 } : { body: { type: 4, data: { content: 42 } } },
  );
  bots.push(bot);
  const name = `Relay Discord failures ${Date.now()}`;
  const endpoint = await createEndpoint(page.request, { platform: "discord", name, mode: "relay", relayTarget: bot.url, secrets: { publicKey: key } });

  // Slow: the fallback (a deferred update) within Discord's 3 s; the bot's answer follows up through the webhook.
  const slow = discordClick("slow");
  const answered = await simulate(page.request, endpoint.id, slow);
  expect([answered.status, JSON.parse(answered.body)]).toEqual([200, { type: 6 }]);
  // What the simulator, standing in for Discord, measured from sending to the answer.
  expect(answered.ms).toBeLessThan(3000);
  const late = await relayedDetail(page.request, endpoint.id, (d) => d.relay?.late === true);
  expect(late).toMatchObject({ replySource: "relay", relay: { status: 200, late: true, used: "followup" } });
  const calls = ((await (await page.request.get("/api/simulator/calls")).json()) as { calls: { method: string; path: string; body: unknown }[] }).calls;
  expect(calls.filter((c) => c.method === "POST" && c.path === `/webhooks/APPLICATION_ID/${slow.token}`).map((c) => c.body)).toEqual([{ content: "Sorry, I was slow" }]);

  // An answer Discord would refuse (content must be a string): never sent; the fallback goes.
  const refused = await simulate(page.request, endpoint.id, discordClick("invalid"));
  expect(JSON.parse(refused.body)).toEqual({ type: 6 });
  const invalid = await relayedDetail(page.request, endpoint.id);
  expect(invalid).toMatchObject({ replySource: "fallback", relay: { status: 200, used: false, reason: { code: "schema" } } });

  // Down: nothing listens at the bot's address.
  const down = await createEndpoint(page.request, { platform: "discord", name: `${name} down`, mode: "relay", relayTarget: await downBotUrl(), secrets: { publicKey: key } });
  const downAnswer = await simulate(page.request, down.id, discordClick("down"));
  expect(JSON.parse(downAnswer.body)).toEqual({ type: 6 });
  // The fallback went as soon as the connection was refused, well before the hold's end.
  expect(downAnswer.ms).toBeLessThan(1500);
  expect(await relayedDetail(page.request, down.id)).toMatchObject({ replySource: "fallback", relay: { used: false, reason: { code: "unreachable" } } });

  // /live says why, for each.
  await openLive(page);
  await liveRow(page, "invalid", name).click();
  await expect(page.getByTestId("relay-record")).toHaveAttribute("data-relay-reason", "schema");
  await page.screenshot({ path: path.join(SCREENSHOTS, "live-relay-refused-1280.png"), fullPage: true });
  await liveRow(page, "down", `${name} down`).click();
  await expect(page.getByTestId("relay-record")).toHaveAttribute("data-relay-reason", "unreachable");
  await liveRow(page, "slow", name).click();
  await expect(page.getByTestId("relay-record")).toContainText("Sorry, I was slow");
});

test("Feishu: a bot on the node SDK's CardActionHandler decrypts the forwarded card action; its toast reaches the platform", async ({ page }) => {
  await signIn(page, BASE_URL);
  const secrets = { appId: "cli_relay_e2e", appSecret: "relay-e2e-app-secret", verificationToken: "relay-e2e-token", encryptKey: "relay-e2e-encrypt-key" };
  const bot = await feishuBot(secrets, { toast: { type: "success", content: "Shipped by the bot" } });
  bots.push(bot);
  const endpoint = await createEndpoint(page.request, { platform: "feishu", name: `Relay Feishu ${Date.now()}`, mode: "relay", relayTarget: bot.url, secrets });
  const action = {
    schema: "2.0",
    header: { event_id: `relay-e2e-${Date.now()}`, token: "", create_time: `${Date.now()}000`, event_type: "card.action.trigger", tenant_key: "t", app_id: secrets.appId },
    event: { operator: { open_id: "ou_e2e" }, token: `c-relay-e2e-${Date.now()}`, action: { value: { action: "ship" }, tag: "button", name: "ship" }, host: "im_message", context: { open_message_id: "om_1", open_chat_id: "oc_1" } },
  };
  const answered = await simulate(page.request, endpoint.id, action);
  expect([answered.status, JSON.parse(answered.body)]).toEqual([200, { toast: { type: "success", content: "Shipped by the bot" } }]);
  const detail = await relayedDetail(page.request, endpoint.id);
  expect(bot.seen).toEqual([detail.id]);
  expect(bot.warnings).toEqual([]);
  expect(detail).toMatchObject({ replySource: "relay", relay: { status: 200, used: "response" } });
});

test("QQ: a receiver checking the Ed25519 signature itself answers op 12; its code goes in the held acknowledgement", async ({ page }) => {
  await signIn(page, BASE_URL);
  const secret = "relay-e2e-qq-secret";
  const bot = await qqBot(secret, { op: 12, d: 0, code: 2 });
  bots.push(bot);
  const endpoint = await createEndpoint(page.request, { platform: "qq", name: `Relay QQ ${Date.now()}`, mode: "relay", relayTarget: bot.url, resultDelivery: "ack", holdMs: 2500, secrets: { appId: "102041820", secret } });
  const click = qqInteractionDispatch({ id: "approve", data: "approve" }, { userId: "M1", scene: "group", roles: [], isAdmin: false });
  const answered = await simulate(page.request, endpoint.id, click);
  expect([answered.status, JSON.parse(answered.body)]).toEqual([200, { op: 12, d: 0, code: 2 }]);
  const detail = await relayedDetail(page.request, endpoint.id);
  expect(bot.seen).toEqual([detail.id]);
  expect(detail).toMatchObject({ replySource: "relay", relay: { status: 200, used: "ack" } });
});

/** A TCP hop between the CLI and the server that the test can cut, as a network drop would. */
async function cuttableHop(target: URL): Promise<{ url: string; cut: () => void; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const cut = () => sockets.forEach((socket) => socket.destroy());
  return { url: `http://127.0.0.1:${port}`, cut, close: () => new Promise((resolve) => { cut(); server.close(() => resolve()); }) };
}

/** `npx button-studio relay …` as a developer runs it (the package's bin), its output read line by line. */
function startCli(server: string, endpointId: string, to: string): { child: ChildProcess; lines: string[]; line: (pattern: RegExp, from?: number) => Promise<string> } {
  const child = spawn(process.execPath, ["bin/button-studio.mjs", "relay", "--server", server, "--token", API_TOKEN, "--endpoint", endpointId, "--to", to], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => lines.push(line));
  const line = async (pattern: RegExp, from = 0) => {
    let found: string | undefined;
    await expect.poll(() => (found = lines.slice(from).find((l) => pattern.test(l))), { timeout: 15_000, message: `CLI output: ${lines.join(" | ")}` }).toBeTruthy();
    return found!;
  };
  return { child, lines, line };
}

test("Tunnel: with no CLI the fallback goes and /live says why; `button-studio relay` carries clicks to a bot on this machine and reconnects after a drop", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, BASE_URL);
  const key = await discordKey(page.request);
  const bot = await discordBot(key, (id) => ({ body: { type: 4, data: { content: `Tunnelled ${id}` } } }));
  bots.push(bot);
  const name = `Relay tunnel ${Date.now()}`;

  // Created in the dialog: the relay mode and the tunnel target.
  await page.goto("/endpoints");
  await page.getByRole("button", { name: "New endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "New endpoint" });
  await dialog.getByLabel("Discord", { exact: true }).check();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Reply mode").selectOption("relay");
  await dialog.getByTestId("relay-kind-tunnel").check();
  await dialog.getByRole("button", { name: "Use the simulator's key" }).click();
  await dialog.getByLabel("Platform API base URL").fill(SIMULATOR);
  await page.screenshot({ path: path.join(SCREENSHOTS, "endpoint-new-relay-tunnel-1280.png") });
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  const card = page.getByRole("listitem", { name });
  await expect(card.getByTestId("tunnel-status")).toHaveAttribute("data-connected", "false");
  const endpointId = (await card.getByTestId("tunnel-command").textContent())?.match(/--endpoint (\S+)/)?.[1] ?? "";
  expect(endpointId).not.toBe("");
  await expect(card.getByTestId("tunnel-command")).toContainText(`npx button-studio relay --server ${BASE_URL} --token`);

  // No CLI yet: the fallback at once, and the reason.
  const alone = await simulate(page.request, endpointId, discordClick("nobody"));
  expect(JSON.parse(alone.body)).toEqual({ type: 6 });
  expect(await relayedDetail(page.request, endpointId)).toMatchObject({ replySource: "fallback", relay: { target: "tunnel", used: false, reason: { code: "no_tunnel" } } });

  const hop = await cuttableHop(new URL(BASE_URL));
  const cli = startCli(hop.url, endpointId, bot.url);
  try {
    await cli.line(/ connected to /);
    await expect(card.getByTestId("tunnel-status")).toHaveAttribute("data-connected", "true", { timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "endpoints-relay-tunnel-1280.png"), fullPage: true });

    const first = await simulate(page.request, endpointId, discordClick("first"));
    expect(JSON.parse(first.body)).toEqual({ type: 4, data: { content: "Tunnelled first" } });
    const firstDetail = await relayedDetail(page.request, endpointId);
    expect(firstDetail).toMatchObject({ replySource: "relay", relay: { target: "tunnel", status: 200, used: "response" } });
    expect(bot.seen).toEqual([firstDetail.id]);
    // One line per callback: time, platform, control, the bot's status, milliseconds.
    expect(await cli.line(/ first /)).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}\s+discord\s+first\s+200\s+\d+ ms$/);

    // A drop: the CLI notices, reconnects, and the next click goes through.
    const before = cli.lines.length;
    hop.cut();
    await cli.line(/disconnected/, before);
    await cli.line(/ connected to /, before);
    const second = await simulate(page.request, endpointId, discordClick("second"));
    expect(JSON.parse(second.body)).toEqual({ type: 4, data: { content: "Tunnelled second" } });
    await cli.line(/ second /, before);

    await openLive(page);
    await liveRow(page, "nobody", name).click();
    await expect(page.getByTestId("relay-record")).toHaveAttribute("data-relay-reason", "no_tunnel");
    await page.screenshot({ path: path.join(SCREENSHOTS, "live-relay-no-tunnel-1280.png"), fullPage: true });
    await liveRow(page, "second", name).click();
    await expect(page.getByTestId("relay-record")).toHaveAttribute("data-relay-target", "tunnel");
    await expect(page.getByTestId("relay-record")).toContainText("Tunnelled second");
  } finally {
    cli.child.kill("SIGINT");
    await hop.close();
    await context.close();
  }
});
