import { connect } from "node:net";
// The CLI tunnel over real sockets: Button Studio's upgrade handler on a loopback server, the real
// `button-studio relay` CLI as a child process, and a Discord bot verifying what the CLI posts to it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { tunnelUpgradeHandler } from "@/server/tunnel";
import type { ForwardOptions } from "./request";
import { discordBot as discordSdkBot } from "./test-bots";
import { eventually, serveTunnel, startCli, type RunningCli } from "./test-tunnel";
import { tunnelConnected, tunnelForward } from "./tunnel";
import { TUNNEL_MAX_FRAME_BYTES, TUNNEL_PATH } from "./tunnel-frames";

const TOKEN = "tunnel-test-token";
process.env.API_TOKEN = TOKEN;
const db = createTestDb();
let studio: Awaited<ReturnType<typeof serveTunnel>>;
beforeAll(async () => {
  studio = await serveTunnel();
});
afterAll(async () => {
  await studio.close();
  await db.$disconnect();
});
const closers: (() => unknown)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A bot as Discord's guide writes one (verifyKeyMiddleware), answering after `delayMs`. */
async function discordBot(delayMs = 0, answer: (customId: string) => unknown = (id) => ({ type: 4, data: { content: `clicked ${id}` } })) {
  const bot = await discordSdkBot(DISCORD_PUBLIC_KEY, (id) => ({ body: answer(id), delayMs }));
  closers.push(bot.close);
  return bot;
}

async function tunnelEndpoint() {
  const endpoint = await createEndpoint(db, {
    platform: "discord",
    name: "Tunnel",
    mode: "relay",
    relayTarget: "tunnel",
    requireSignature: true,
    fallback: { type: 4, data: { content: "Busy" } },
    secrets: { publicKey: DISCORD_PUBLIC_KEY },
    rules: [],
  }, "http://localhost", "en");
  return endpoint.id;
}

function relay(endpointId: string, to: string, { token = TOKEN, server = studio.url } = {}): RunningCli {
  const cli = startCli(["relay", "--server", server, "--token", token, "--endpoint", endpointId, "--to", to]);
  closers.push(async () => {
    cli.child.kill("SIGKILL");
    await cli.exited;
  });
  return cli;
}

async function connected(endpointId: string, to: string): Promise<RunningCli> {
  const cli = relay(endpointId, to);
  await cli.line(/ connected to /);
  await eventually(() => tunnelConnected(endpointId));
  return cli;
}

let counter = 0;
/** A signed click whose spacing and non-ASCII text any re-serialization would change: the signature covers these bytes. */
function click(customId: string) {
  const body = `{"id":"t${++counter}" , "application_id":"app","type":3,"token":"tok","version":1,"member":{"user":{"id":"u1"}},"data":{"custom_id":${JSON.stringify(customId)},"component_type":2,"note":"é 😀"}}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp, cookie: "not for the bot" }),
    body: Buffer.from(body, "utf8"),
  };
}

const options = (interactionId: string, budgetMs = 3000, extra: Partial<ForwardOptions> = {}): ForwardOptions => ({ interactionId, relayHeaders: discordInbound.relayHeaders, budgetMs, ...extra });

function rawClient(query: string, { token = TOKEN, autoPong = true, path = TUNNEL_PATH } = {}) {
  const ws = new WebSocket(`${studio.url.replace("http", "ws")}${path}${query}`, { headers: { authorization: `Bearer ${token}` }, autoPong });
  // A refused or dropped handshake also emits "error": the test reads the refusal or the close instead.
  ws.on("error", () => undefined);
  closers.push(() => ws.terminate());
  return ws;
}

function refusal(ws: WebSocket): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    ws.once("open", () => reject(new Error("upgraded")));
    ws.once("unexpected-response", (_req, res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
}

const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));

// Each test spawns a CLI (a Node start-up): slower than a unit test, far from the bounds asserted.
describe("the CLI tunnel", { timeout: 15_000 }, () => {
  it("the CLI posts the exact signed bytes; the bot verifies them and its answer comes back, one line printed", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot();
    const cli = await connected(endpointId, bot.url);
    const result = await tunnelForward(endpointId, click("approve"), options("int_1", 3000, { control: "approve" }));
    expect(result).toMatchObject({ status: 200, body: JSON.stringify({ type: 4, data: { content: "clicked approve" } }) });
    expect(bot.seen).toEqual(["int_1"]);
    expect(await cli.line(/ {2}discord {2}/)).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} {2}discord {2}approve {2}200 {2}\d+ ms$/);
  });

  it("no CLI connected: not connected, and a forward is unreachable at once", async () => {
    const endpointId = await tunnelEndpoint();
    expect(tunnelConnected(endpointId)).toBe(false);
    const result = await tunnelForward(endpointId, click("x"), options("int_2"));
    expect(result).toMatchObject({ error: "unreachable" });
    expect(result.ms).toBeLessThan(50);
  });

  it("a wrong token: refused before the endpoint is looked up, and the CLI stops with the server's message (exit 1)", async () => {
    const cli = relay("no-such-endpoint", "http://127.0.0.1:9/", { token: "wrong" });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain("send a valid API token (Authorization: Bearer <API_TOKEN>). (HTTP 401)");
    expect(tunnelConnected("no-such-endpoint")).toBe(false);
  });

  it("an unknown endpoint: 404, and the CLI stops with the message (exit 1)", async () => {
    const cli = relay("nope", "http://127.0.0.1:9/");
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('No endpoint with id "nope". (HTTP 404)');
  });

  it("an upgrade whose request target is no URL (http://[bad) is dropped without throwing; the server still serves", async () => {
    const { port } = new URL(studio.url);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.write("GET http://[bad HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString()));
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(answer));
    });
    expect(closed).toBe("");
    const missing = await refusal(rawClient(""));
    expect(missing.status).toBe(400);
  });

  it("a missing endpoint id is a 400 naming it; other upgrade paths are dropped", async () => {
    const missing = await refusal(rawClient(""));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: "invalid_request", issues: [{ path: "endpoint" }] } });
    const other = rawClient("", { path: "/api/other" });
    await expect(new Promise((_resolve, reject) => other.once("error", reject))).rejects.toThrow(/socket hang up/);
  });

  it("after a drop the CLI reconnects, and the next callback goes through", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot();
    const cli = await connected(endpointId, bot.url);
    const from = cli.lines.length;
    for (const socket of studio.sockets) socket.destroy();
    await eventually(() => !tunnelConnected(endpointId));
    expect(await cli.line(/disconnected: .*; reconnecting in 0\.5 s/, 5000, from)).toBeTruthy();
    await cli.line(/ connected to /, 5000, from);
    await eventually(() => tunnelConnected(endpointId));
    expect(await tunnelForward(endpointId, click("again"), options("int_3"))).toMatchObject({ status: 200 });
    expect(bot.seen).toEqual(["int_3"]);
  });

  it("a second CLI for the endpoint replaces the first, which stops rather than taking it back", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot();
    const first = await connected(endpointId, bot.url);
    const second = relay(endpointId, bot.url);
    await second.line(/ connected to /);
    expect(await first.exited).toBe(1);
    expect(first.stderr()).toContain("took over this tunnel");
    expect(await tunnelForward(endpointId, click("b"), options("int_4"))).toMatchObject({ status: 200 });
    expect(await second.line(/ {2}discord {2}/)).toMatch(/ {2}200 {2}/);
  });

  it("no answer within the budget is a timeout by the budget; the CLI's answer after it is ignored and the tunnel stays", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot(800);
    const cli = await connected(endpointId, bot.url);
    const started = performance.now();
    const result = await tunnelForward(endpointId, click("slow"), options("int_5", 250, { control: "slow" }));
    expect(result).toMatchObject({ error: "timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(performance.now() - started).toBeLessThan(700);
    expect(await cli.line(/ {2}slow {2}/)).toMatch(/ {2}slow {2}timeout {2}\d+ ms$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tunnelConnected(endpointId)).toBe(true);
  });

  it("the caller's signal ends the wait as a timeout", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot(2000);
    await connected(endpointId, bot.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await tunnelForward(endpointId, click("abort"), options("int_6", 3000, { signal: controller.signal }));
    expect(result).toMatchObject({ error: "timeout" });
    expect(result.ms).toBeLessThan(1000);
  });

  it("the socket closing while the bot thinks is unreachable at once, not at the budget's end", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot(5000);
    const cli = await connected(endpointId, bot.url);
    setTimeout(() => cli.child.kill("SIGKILL"), 200);
    const result = await tunnelForward(endpointId, click("gone"), options("int_7", 5000));
    expect(result).toMatchObject({ error: "unreachable" });
    expect(result.ms).toBeLessThan(1500);
  });

  it("an answer over 64 KiB is too_large with its status and first 64 KiB", async () => {
    const endpointId = await tunnelEndpoint();
    const bot = await discordBot(0, () => ({ type: 4, data: { content: "x".repeat(70_000) } }));
    await connected(endpointId, bot.url);
    const result = await tunnelForward(endpointId, click("big"), options("int_8"));
    expect(result).toMatchObject({ error: "too_large", status: 200 });
    expect("body" in result && result.body.length).toBe(64 * 1024);
  });

  it("SIGINT closes the tunnel cleanly (exit 0)", async () => {
    const endpointId = await tunnelEndpoint();
    const cli = await connected(endpointId, "http://127.0.0.1:9/");
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    await eventually(() => !tunnelConnected(endpointId));
  });

  it("the CLI refuses incomplete arguments (exit 2)", async () => {
    const cli = startCli(["relay", "--server", studio.url]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain("missing --endpoint, --to, --token");
  });
});

describe("the tunnel's frames and heartbeat (a client speaking the protocol by hand)", () => {
  it("answers for unknown ids are ignored; a malformed frame closes with 1008", async () => {
    const endpointId = await tunnelEndpoint();
    const ws = rawClient(`?endpoint=${endpointId}`);
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(JSON.stringify({ type: "answer", id: "nobody", status: 200, body: "" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const closed = closeCode(ws);
    ws.send(JSON.stringify({ type: "answer", id: "nobody", status: "ok" }));
    expect(await closed).toBe(1008);
    await eventually(() => !tunnelConnected(endpointId));
  });

  it("a stream of answers for nothing awaited is not a CLI of ours: closed with 1008", async () => {
    const endpointId = await tunnelEndpoint();
    const ws = rawClient(`?endpoint=${endpointId}`);
    await new Promise((resolve) => ws.once("open", resolve));
    const closed = closeCode(ws);
    for (let i = 0; i < 100; i++) ws.send(JSON.stringify({ type: "answer", id: `nobody-${i}`, status: 200, body: "" }));
    expect(await closed).toBe(1008);
  });

  it("a frame over the limit (an answer at 64 KiB in base64 and its framing) closes the socket (1009)", async () => {
    const endpointId = await tunnelEndpoint();
    const ws = rawClient(`?endpoint=${endpointId}`);
    await new Promise((resolve) => ws.once("open", resolve));
    const closed = closeCode(ws);
    ws.send("x".repeat(TUNNEL_MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
  });

  it("a client that stops answering pings is cut; one that answers stays", async () => {
    const quick = await serveTunnel(tunnelUpgradeHandler({ heartbeatMs: 100 }));
    closers.push(quick.close);
    const [silentId, liveId] = [await tunnelEndpoint(), await tunnelEndpoint()];
    const open = (endpointId: string, autoPong: boolean) => {
      const ws = new WebSocket(`${quick.url.replace("http", "ws")}${TUNNEL_PATH}?endpoint=${endpointId}`, { headers: { authorization: `Bearer ${TOKEN}` }, autoPong });
      closers.push(() => ws.terminate());
      return new Promise<WebSocket>((resolve) => ws.once("open", () => resolve(ws)));
    };
    const silent = await open(silentId, false);
    await open(liveId, true);
    expect(await closeCode(silent)).toBe(1006);
    expect(tunnelConnected(silentId)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tunnelConnected(liveId)).toBe(true);
  });
});
