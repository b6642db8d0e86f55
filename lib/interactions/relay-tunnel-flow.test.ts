// The tunnel target through the callback path (issue 16): a Discord click to an endpoint whose relay target is
// `tunnel`, the real `button-studio relay` CLI connected to Button Studio's upgrade handler, and a bot on
// express + discord-interactions' verifyKeyMiddleware behind it, on SQLite and PostgreSQL.
import { verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { INTERACTION_HEADER } from "@/lib/relay/forward";
import { serveBot } from "@/lib/relay/test-bot";
import { eventually, serveTunnel, startCli } from "@/lib/relay/test-tunnel";
import { tunnelConnected } from "@/lib/relay/tunnel";
import { handleCallback } from "./ingest";

const TOKEN = "tunnel-flow-token";
process.env.API_TOKEN = TOKEN;
const db = await createEachTestDb();
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

function click(customId: string) {
  const body = JSON.stringify({ id: `tf-${customId}`, application_id: "app", type: 3, token: `tok-${customId}`, version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 }, message: { id: "m1" } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "content-type": "application/json", "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}

/** The forward's record, written just after the answer is released. */
async function relayRecord(id: string): Promise<unknown> {
  for (const started = Date.now(); Date.now() - started < 5000; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const { relay } = await db.interaction.findUniqueOrThrow({ where: { id } });
    if (relay) return JSON.parse(relay);
  }
  throw new Error(`no relay record for ${id}`);
}

describe("the tunnel target through the callback path (real CLI, real bot, SQLite and PostgreSQL)", { timeout: 15_000 }, () => {
  it("with a CLI connected, the bot behind it verifies the click and its answer is the HTTP answer", async () => {
    const seen: string[] = [];
    const app = express();
    app.post("/interactions", verifyKeyMiddleware(DISCORD_PUBLIC_KEY), (req, res) => {
      seen.push(String(req.header(INTERACTION_HEADER)));
      res.json({ type: 4, data: { content: `local bot saw ${(req.body as { data: { custom_id: string } }).data.custom_id}` } });
    });
    const bot = await serveBot(app);
    closers.push(bot.close);
    const endpoint = await createEndpoint(db, {
      platform: "discord",
      name: "Tunnel flow",
      mode: "relay",
      relayTarget: "tunnel",
      requireSignature: true,
      fallback: { type: 4, data: { content: "Busy" } },
      secrets: { publicKey: DISCORD_PUBLIC_KEY },
      rules: [],
    }, "http://localhost", "en");
    const cli = startCli(["relay", "--server", studio.url, "--endpoint", endpoint.id, "--to", bot.url], { BUTTON_STUDIO_TOKEN: TOKEN });
    closers.push(async () => {
      cli.child.kill("SIGKILL");
      await cli.exited;
    });
    await cli.line(/ connected to /);
    await eventually(() => tunnelConnected(endpoint.id));

    const answer = await handleCallback(endpoint.id, click("approve"), { db, now: () => new Date() });
    expect(answer).toEqual({ status: 200, body: { type: 4, data: { content: "local bot saw approve" } } });
    const row = await db.interaction.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(seen).toEqual([row.id]);
    expect(await cli.line(/ {2}discord {2}/)).toMatch(/ {2}discord {2}approve {2}200 {2}\d+ ms$/);
    expect(await relayRecord(row.id)).toMatchObject({ target: "tunnel", late: false, status: 200, used: "response" });
  });
});
