// Relay modes through the callback path (issue 16): a real Discord bot on express + discord-interactions'
// verifyKeyMiddleware behind an endpoint; Discord's side is the product's own simulator.
import { createHash } from "node:crypto";
import { adaptDefault, CardActionHandler, type Logger } from "@larksuiteoapi/node-sdk";
import { InteractionResponseType, verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { discordSimulatorApi } from "@/lib/platforms/discord/simulator-api";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { INTERACTION_HEADER } from "@/lib/relay/forward";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { signQq } from "@/lib/platforms/qq/signature";
import { downBotUrl, readAll, serveBot } from "@/lib/relay/test-bot";
import { discordBot as discordSdkBot, qqBot as qqReceiverBot } from "@/lib/relay/test-bots";
import { recordedCalls } from "@/lib/simulator/platform-api";
import { startSimulatorServer } from "@/lib/simulator/test-server";
import { answerInteraction } from "./answer";
import { handleCallback } from "./ingest";
import { getInteraction } from "./list";
import { interactionDetailSchema } from "./view-schema";

const db = await createEachTestDb();
let simulator: Awaited<ReturnType<typeof startSimulatorServer>>;
beforeAll(async () => {
  simulator = await startSimulatorServer(db);
});
afterAll(async () => {
  simulator.close();
  await db.$disconnect();
});
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
const deps = { db, now: () => new Date() };

/** A bot as Discord's guide writes one (verifyKeyMiddleware): it verifies the forwarded bytes with the application's public key. */
async function discordBot(answer: (customId: string) => unknown, delayMs = 0) {
  const bot = await discordSdkBot(DISCORD_PUBLIC_KEY, (id) => ({ body: answer(id), delayMs }));
  closers.push(bot.close);
  return bot;
}

let counter = 0;
function click(customId: string) {
  const body = JSON.stringify({ id: `r${++counter}`, application_id: "app", type: 3, token: `tok${counter}`, version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 }, message: { id: "m1" } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}

const FALLBACK = { type: 4, data: { content: "Busy, try again" } };
function relayed(relayTarget: string, mode: "relay" | "rules-then-relay" = "relay") {
  return createEndpoint(db, {
    platform: "discord",
    name: `Relay ${mode}`,
    mode,
    relayTarget,
    requireSignature: true,
    apiBaseUrl: simulator.apiBase,
    fallback: FALLBACK,
    secrets: { publicKey: DISCORD_PUBLIC_KEY },
    rules: [{ match: { on: "control", pattern: "buy_*" }, reply: { type: 4, data: { content: "Bought!" } } }],
  }, "http://localhost", "en");
}

/** The interaction row once its forward is recorded (the record is written just after the answer goes). */
async function relayedRow(endpointId: string, until = (row: { relay: string | null }) => row.relay !== null, timeoutMs = 10_000, control?: string) {
  const started = Date.now();
  for (;;) {
    const row = await db.interaction.findFirst({ where: { endpointId, ...(control ? { control } : {}) } });
    if (row && until(row)) return { ...row, relay: row.relay ? (JSON.parse(row.relay) as Record<string, unknown>) : null };
    if (Date.now() - started > timeoutMs) throw new Error(`no relay record: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe("relay through the callback path (Discord, real bot, SQLite and PostgreSQL)", () => {
  it("the bot verifies the forwarded click and its answer is the HTTP answer, stored as the relay's", async () => {
    const bot = await discordBot((id) => ({ type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data: { content: `clicked ${id}` } }));
    const endpoint = await relayed(bot.url);
    const { value, ms } = await timed(handleCallback(endpoint.id, click("approve"), deps));
    expect(value).toEqual({ status: 200, body: { type: 4, data: { content: "clicked approve" } } });
    expect(ms).toBeLessThan(1500);
    const row = await relayedRow(endpoint.id);
    expect(bot.seen).toEqual([row.id]);
    expect([row.status, row.replySource, JSON.parse(row.reply ?? "null")]).toEqual(["answered", "relay", { type: 4, data: { content: "clicked approve" } }]);
    expect(row.relay).toMatchObject({ target: bot.url, late: false, status: 200, used: "response" });
  });

  it("rules-then-relay: a rule answers without the bot; the rest goes to the bot", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: "from the bot" } }));
    const endpoint = await relayed(bot.url, "rules-then-relay");
    expect(await handleCallback(endpoint.id, click("buy_red"), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Bought!" } } });
    expect(bot.seen).toEqual([]);
    expect(await handleCallback(endpoint.id, click("other"), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "from the bot" } } });
    expect(bot.seen).toHaveLength(1);
  });

  it("a bot 5 s slow: the fallback within Discord's 3 s, then the bot's answer as a follow-up", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: "late but here" } }), 5000);
    const endpoint = await relayed(bot.url);
    const slow = click("slow");
    // As when the simulator sends the click: its interaction token is then good for follow-ups.
    await discordSimulatorApi.sent?.(slow.body.toString("utf8"));
    const { value, ms } = await timed(handleCallback(endpoint.id, slow, deps));
    expect(value).toEqual({ status: 200, body: FALLBACK });
    expect(ms).toBeLessThan(3000);
    const row = await relayedRow(endpoint.id, (r) => r.relay !== null && r.relay.includes('"late":true'));
    expect([row.status, row.replySource]).toEqual(["answered", "relay"]);
    expect(row.relay).toMatchObject({ late: true, status: 200, used: "followup" });
    const token = (JSON.parse(slow.body.toString("utf8")) as { token: string }).token;
    const followups = (await recordedCalls()).filter((call) => call.method === "POST" && call.path === `/webhooks/app/${token}`);
    expect(followups.map((call) => call.body)).toEqual([{ content: "late but here" }]);
  }, 15_000);

  it("the tunnel with no CLI connected: the fallback at once, and why; a rule still answers first", async () => {
    const endpoint = await relayed("tunnel", "rules-then-relay");
    expect(await handleCallback(endpoint.id, click("buy_red"), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Bought!" } } });
    const { value, ms } = await timed(handleCallback(endpoint.id, click("nobody"), deps));
    expect(value).toEqual({ status: 200, body: FALLBACK });
    expect(ms).toBeLessThan(1000);
    const row = await relayedRow(endpoint.id, (r) => r.relay !== null, 5000, "nobody");
    expect([row.status, row.replySource]).toEqual(["answered", "fallback"]);
    expect(row.relay).toEqual({ target: "tunnel", used: false, reason: { code: "no_tunnel" } });
    const rule = await db.interaction.findFirst({ where: { endpointId: endpoint.id, control: "buy_red" } });
    expect([rule?.replySource, rule?.relay]).toEqual(["rule", null]);
  });

  it("a person in /live answers while the bot is still thinking: theirs is the answer, the bot's changes nothing", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: "the bot, after the person" } }), 1200);
    const endpoint = await relayed(bot.url);
    const held = handleCallback(endpoint.id, click("person"), deps);
    const stored = await relayedRow(endpoint.id, () => true);
    expect(await answerInteraction(db, stored.id, { type: 4, data: { content: "by hand" } }, "en")).toEqual({ delivered: "response" });
    expect(await held).toEqual({ status: 200, body: { type: 4, data: { content: "by hand" } } });
    const row = await relayedRow(endpoint.id);
    expect([row.status, row.replySource, JSON.parse(row.reply ?? "null")]).toEqual(["answered", "manual", { type: 4, data: { content: "by hand" } }]);
    expect(row.relay).toMatchObject({ late: false, status: 200, used: false });
  });

  it("a bot that is down: the fallback at once (not at the hold's end), and why", async () => {
    const endpoint = await relayed(await downBotUrl());
    const { value, ms } = await timed(handleCallback(endpoint.id, click("down"), deps));
    expect(value).toEqual({ status: 200, body: FALLBACK });
    // The hold would end about 2.5 s after arrival; a refused connection is known within milliseconds.
    expect(ms).toBeLessThan(1000);
    const row = await relayedRow(endpoint.id);
    expect([row.status, row.replySource]).toEqual(["pending", "fallback"]);
    expect(row.relay).toMatchObject({ used: false, reason: { code: "unreachable" } });
  });

  it("a bot answering what Discord would refuse: the fallback, with the reason stored", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: 42 } }));
    const endpoint = await relayed(bot.url);
    const { value, ms } = await timed(handleCallback(endpoint.id, click("bad"), deps));
    expect(value).toEqual({ status: 200, body: FALLBACK });
    expect(ms).toBeLessThan(1000);
    const row = await relayedRow(endpoint.id);
    expect(bot.seen).toEqual([row.id]);
    expect(row.relay).toMatchObject({ status: 200, used: false, reason: { code: "schema", issues: [expect.objectContaining({ code: "field.type", path: ["data", "content"] })] } });
    // What /live's inspector reads: the forward and why its answer was not sent.
    expect(interactionDetailSchema.parse(await getInteraction(db, row.id)).relay).toMatchObject({ target: bot.url, body: '{"type":4,"data":{"content":42}}', reason: { code: "schema" } });
    expect(JSON.parse(row.reply ?? "null")).toEqual(FALLBACK);
  });
});

describe("relay: handshakes and events only shown", () => {
  it("Discord's PING is answered by Button Studio, bot down or not, and a copy goes to the bot for its log", async () => {
    const seen: { interaction: string; status: number }[] = [];
    const app = express();
    // The SDK's middleware answers a PING itself once it verified it (401 otherwise): what it answered is recorded.
    app.use((req, res, next) => {
      res.on("finish", () => seen.push({ interaction: String(req.header(INTERACTION_HEADER)), status: res.statusCode }));
      next();
    });
    app.post("/interactions", verifyKeyMiddleware(DISCORD_PUBLIC_KEY), (_req, res) => void res.status(500).end());
    const bot = await serveBot(app);
    closers.push(bot.close);
    const ping = JSON.stringify({ id: "p1", application_id: "app", type: 1, token: "t", version: 1 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signed = { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, ping), "x-signature-timestamp": timestamp }), body: Buffer.from(ping) };
    const up = await relayed(bot.url);
    expect(await handleCallback(up.id, signed, deps)).toEqual({ status: 200, body: { type: 1 } });
    await expect.poll(() => seen, { timeout: 3000 }).toEqual([{ interaction: "handshake", status: 200 }]);
    const down = await relayed(await downBotUrl());
    expect(await handleCallback(down.id, signed, deps)).toEqual({ status: 200, body: { type: 1 } });
  });

  it("a handshake is copied once at a time per endpoint, and never when it came from a relay (a target pointing back at a callback URL)", async () => {
    let seen = 0;
    const bot = await serveBot((_req, res) => {
      seen += 1;
      setTimeout(() => res.writeHead(200).end('{"type":1}'), 500);
    });
    closers.push(bot.close);
    const endpoint = await relayed(bot.url);
    const signedPing = (extra: Record<string, string> = {}) => {
      const ping = JSON.stringify({ id: `p${++counter}`, application_id: "app", type: 1, token: "t", version: 1 });
      const timestamp = String(Math.floor(Date.now() / 1000));
      return { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, ping), "x-signature-timestamp": timestamp, ...extra }), body: Buffer.from(ping) };
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => handleCallback(endpoint.id, signedPing(), deps)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    await expect.poll(() => seen).toBe(1);
    // Once the copy has its answer, the next handshake is copied again; one that came from a relay is not.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await handleCallback(endpoint.id, signedPing({ [INTERACTION_HEADER]: "handshake" }), deps);
    await handleCallback(endpoint.id, signedPing(), deps);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toBe(2);
  });

  it("a refused answer's record keeps its first 20 issues and how many there were", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: "x", embeds: "no", flags: -1, components: Array.from({ length: 40 }, () => 0) } }));
    const endpoint = await relayed(bot.url);
    await handleCallback(endpoint.id, click("many"), deps);
    const row = await relayedRow(endpoint.id);
    const reason = (row.relay as { reason: { code: string; issues: unknown[]; issuesTotal: number } }).reason;
    expect(reason.code).toBe("schema");
    expect(reason.issues).toHaveLength(20);
    expect(reason.issuesTotal).toBeGreaterThan(20);
  });

  it("Easemob: the bot checks the forwarded body itself; the acknowledgement waits for it and /live records its answer", async () => {
    const secret = "easemob-relay-secret";
    const appKey = "org#relay";
    const seen: string[] = [];
    const bot = await serveBot((req, res) => void readAll(req).then((body) => {
      const fields = JSON.parse(body.toString("utf8")) as { callId: string; timestamp: number; security: string };
      const expected = createHash("md5").update(`${fields.callId}${secret}${fields.timestamp}`, "utf8").digest("hex");
      if (fields.security !== expected) return void res.writeHead(401).end();
      seen.push(String(req.headers[INTERACTION_HEADER]));
      setTimeout(() => res.writeHead(200).end("ok"), 300);
    }));
    closers.push(bot.close);
    const endpoint = await createEndpoint(db, { platform: "easemob", name: "Easemob relay", mode: "relay", relayTarget: bot.url, requireSignature: true, secrets: { appKey, secret }, rules: [] }, "http://localhost", "en");
    const callId = `${appKey}_relay1`;
    const timestamp = Date.now();
    const body = { callId, timestamp, security: createHash("md5").update(callId + secret + String(timestamp)).digest("hex"), chat_type: "chat", appkey: appKey, from: "u1", to: "u2", eventType: "chat", msg_id: "m-relay", payload: { bodies: [{ type: "txt", msg: "hello bot" }] } };
    const { value, ms } = await timed(handleCallback(endpoint.id, { headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(JSON.stringify(body)) }, deps));
    expect(value).toEqual({ status: 200, body: {} });
    // The acknowledgement waited for the bot's answer (300 ms), not only for the store.
    expect(ms).toBeGreaterThanOrEqual(280);
    const row = await relayedRow(endpoint.id);
    expect(seen).toEqual([row.id]);
    expect(row.relay).toMatchObject({ target: bot.url, status: 200, body: "ok", used: "ack" });
  });
});

/** A QQ bot with its own receiver, checking the Ed25519 signature itself (lib/relay/test-bots.ts). */
async function qqBot(secret: string, answer: unknown) {
  const bot = await qqReceiverBot(secret, answer);
  closers.push(bot.close);
  return bot;
}

describe("relay through the callback path (QQ: the held acknowledgement, else the PUT)", () => {
  const SECRET = "qq-relay-secret";
  let apps = 0;
  const qqEndpoint = (relayTarget: string, resultDelivery: "put" | "ack", holdMs = 2000) =>
    createEndpoint(db, { platform: "qq", name: `QQ relay ${resultDelivery}`, mode: "relay", relayTarget, requireSignature: true, apiBaseUrl: simulator.apiBase, resultDelivery, holdMs, secrets: { appId: `qqr${++apps}`, secret: SECRET }, rules: [] }, "http://localhost", "en");
  function qqClick(data: string) {
    const body = JSON.stringify(qqInteractionDispatch({ id: "1", data }, { userId: "u", roles: [], isAdmin: false, scene: "group" }));
    return { eventId: (JSON.parse(body) as { d: { id: string } }).d.id, raw: { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signQq(SECRET, "100", body), "x-signature-timestamp": "100" }), body: Buffer.from(body) } };
  }
  const puts = async (eventId: string) => (await recordedCalls()).filter((c) => c.method === "PUT" && c.path === `/interactions/${eventId}`).map((c) => c.body);

  it("ack: the bot's code is in the held acknowledgement (op 12), and no PUT goes", async () => {
    const bot = await qqBot(SECRET, { op: 12, d: 0, code: 2 });
    const endpoint = await qqEndpoint(bot.url, "ack");
    const { eventId, raw } = qqClick("approve");
    const { value, ms } = await timed(handleCallback(endpoint.id, raw, deps));
    expect(value).toEqual({ status: 200, body: { op: 12, d: 0, code: 2 } });
    expect(ms).toBeLessThan(1500);
    const row = await relayedRow(endpoint.id);
    expect(bot.seen).toEqual([row.id]);
    expect([row.status, row.replySource, row.replyChannel]).toEqual(["answered", "relay", "ack"]);
    expect(row.relay).toMatchObject({ status: 200, used: "ack" });
    expect(await puts(eventId)).toEqual([]);
  });

  it("put: a bot that is down gets the fallback PUT at once, not at the deadline 15 s on", async () => {
    const endpoint = await qqEndpoint(await downBotUrl(), "put");
    const { eventId, raw } = qqClick("down");
    expect(await handleCallback(endpoint.id, raw, deps)).toEqual({ status: 200, body: { op: 12, d: 0 } });
    await expect.poll(() => puts(eventId), { timeout: 3000 }).toHaveLength(1);
    const row = await relayedRow(endpoint.id);
    expect([row.status, row.replySource]).toEqual(["answered", "fallback"]);
    expect(row.relay).toMatchObject({ used: false, reason: { code: "unreachable" } });
  });

  it("a message event (only shown) is acknowledged at once; the bot gets its copy after", async () => {
    let seen = 0;
    const bot = await serveBot((_req, res) => {
      seen += 1;
      setTimeout(() => res.writeHead(200).end("{}"), 3000);
    });
    closers.push(bot.close);
    const endpoint = await qqEndpoint(bot.url, "put");
    const body = JSON.stringify({ op: 0, s: 2, id: `C2C_MESSAGE_CREATE:${Date.now()}`, t: "C2C_MESSAGE_CREATE", d: { id: `msg-${Date.now()}`, content: "hello bot", author: { user_openid: "u1" }, timestamp: new Date().toISOString() } });
    const raw = { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signQq(SECRET, "100", body), "x-signature-timestamp": "100" }), body: Buffer.from(body) };
    const { value, ms } = await timed(handleCallback(endpoint.id, raw, deps));
    expect(value).toEqual({ status: 200, body: { op: 12, d: 0 } });
    expect(ms).toBeLessThan(1000);
    await expect.poll(() => seen).toBe(1);
  });

  it("put: acknowledged at once, the bot's code goes by PUT", async () => {
    const bot = await qqBot(SECRET, { op: 12, d: 0, code: 3 });
    const endpoint = await qqEndpoint(bot.url, "put");
    const { eventId, raw } = qqClick("approve");
    expect(await handleCallback(endpoint.id, raw, deps)).toEqual({ status: 200, body: { op: 12, d: 0 } });
    const row = await relayedRow(endpoint.id);
    expect([row.status, row.replySource, row.replyChannel]).toEqual(["answered", "relay", "put"]);
    expect(row.relay).toMatchObject({ status: 200, used: "api" });
    expect(await puts(eventId)).toEqual([{ code: 3 }]);
  });
});

describe("relay through the callback path (Feishu, the node SDK's CardActionHandler, encrypted)", () => {
  const secrets = { appId: "cli_relay_flow", appSecret: "relay-app-secret", verificationToken: "relay-flow-token", encryptKey: "relay-flow-encrypt-key" };

  async function feishuBot(answer: unknown) {
    const warnings: string[] = [];
    const ignore = () => undefined;
    const logger: Logger = { error: ignore, info: ignore, debug: ignore, trace: ignore, warn: (...msg: unknown[]) => void warnings.push(msg.join(" ")) };
    const seen: Record<string, unknown>[] = [];
    const handler = new CardActionHandler({ verificationToken: secrets.verificationToken, encryptKey: secrets.encryptKey, logger }, (data: Record<string, unknown>) => {
      seen.push(data);
      return answer;
    });
    const served = await serveBot((req, res) => void adaptDefault("/webhook", handler)(req, res), "/webhook");
    closers.push(served.close);
    return { url: served.url, seen, warnings };
  }

  function action() {
    const plain = JSON.stringify({
      schema: "2.0",
      header: { event_id: `relay-${Date.now()}-${++counter}`, token: "", create_time: `${Date.now()}000`, event_type: "card.action.trigger", tenant_key: "t", app_id: "" },
      event: { operator: { open_id: "ou_relay" }, token: `c-relay-${counter}`, action: { value: { action: "approve" }, tag: "button", name: "approve" }, host: "im_message", context: { open_message_id: "om_1", open_chat_id: "oc_1" } },
    });
    const signed = feishuInbound.sign(plain, String(Math.floor(Date.now() / 1000)), secrets, Buffer.alloc(32));
    return { headers: new Headers({ "content-type": "application/json", ...signed.headers }), body: Buffer.from(signed.body) };
  }

  it("the SDK verifies and decrypts the forwarded body; its toast is the HTTP answer", async () => {
    const bot = await feishuBot({ toast: { type: "success", content: "Approved by the bot" } });
    const endpoint = await createEndpoint(db, { platform: "feishu", name: "Feishu relay", mode: "relay", relayTarget: bot.url, requireSignature: true, apiBaseUrl: simulator.apiBase, secrets, rules: [] }, "http://localhost", "en");
    const { value, ms } = await timed(handleCallback(endpoint.id, action(), deps));
    expect(value).toEqual({ status: 200, body: { toast: { type: "success", content: "Approved by the bot" } } });
    expect(ms).toBeLessThan(1500);
    expect(bot.seen).toHaveLength(1);
    expect(bot.warnings).toEqual([]);
    const row = await relayedRow(endpoint.id);
    expect([row.status, row.replySource]).toEqual(["answered", "relay"]);
    expect(row.relay).toMatchObject({ status: 200, used: "response" });
  });
});
