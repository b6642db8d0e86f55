// A Discord bot written the way Discord's own guide writes one (express + discord-interactions'
// verifyKeyMiddleware, the application's public key): it must verify the FORWARDED bytes, and its
// answer must read as a reply Discord would take.
import { InteractionResponseType, verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import type { RawCallback } from "@/lib/platforms/inbound";
import { readBotAnswer } from "./answer";
import { forwardCallback, INTERACTION_HEADER, relayBudgetMs } from "./forward";
import { serveBot } from "./test-bot";

const secrets = { publicKey: DISCORD_PUBLIC_KEY };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The bot answers (after `delayMs`) with whatever `answer` gives for the verified interaction; it records the interaction ids it saw. */
async function discordBot(answer: (interaction: { type: number; data?: { custom_id?: string } }) => unknown, delayMs = 0) {
  const seen: string[] = [];
  const app = express();
  app.post("/interactions", verifyKeyMiddleware(DISCORD_PUBLIC_KEY), (req, res) => {
    seen.push(String(req.header(INTERACTION_HEADER)));
    setTimeout(() => res.json(answer(req.body as { type: number; data?: { custom_id?: string } })), delayMs);
  });
  const served = await serveBot(app);
  closers.push(served.close);
  return { url: served.url, seen };
}

/** A click as Discord sends it (signed as the simulator signs it), after Button Studio verified it. */
async function verifiedClick(customId: string): Promise<{ raw: RawCallback; kind: "button" | "command" | "submit" | "preview" | "reaction" | "event" }> {
  const body = JSON.stringify({ id: "1", application_id: "2", token: "t", type: 3, version: 1, data: { custom_id: customId, component_type: 2 }, message: { id: "3" } });
  const signed = discordInbound.sign(body, String(Math.floor(Date.now() / 1000)), secrets, DISCORD_SEED);
  const raw = { headers: new Headers({ "content-type": "application/json", ...signed.headers }), body: Buffer.from(signed.body) };
  const outcome = await discordInbound.receive(raw, secrets);
  if (outcome.type !== "events") throw new Error(`not verified: ${JSON.stringify(outcome)}`);
  return { raw, kind: outcome.events[0]!.kind };
}

const forward = (url: string, raw: RawCallback, relayHeaders = discordInbound.relayHeaders) =>
  forwardCallback(url, raw, { interactionId: "int_d", relayHeaders, budgetMs: 2500 });

describe("relay to a Discord bot (discord-interactions verifyKeyMiddleware)", () => {
  it("the bot verifies the forwarded click with the platform's public key, and its answer is the reply", async () => {
    const bot = await discordBot((i) => ({ type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data: { content: `clicked ${i.data?.custom_id}` } }));
    const click = await verifiedClick("approve");
    const result = await forward(bot.url, click.raw);
    expect(bot.seen).toEqual(["int_d"]);
    expect(readBotAnswer(discordInbound, result, click.kind)).toMatchObject({ ok: true, status: 200, reply: { type: 4, data: { content: "clicked approve" } } });
  });

  it("a bot 5 s slow is a timeout before Discord's 3 s, with the margin left for the fallback", async () => {
    const bot = await discordBot(() => ({ type: 6 }), 5000);
    const arrivedAt = new Date();
    const click = await verifiedClick("slow");
    // 500 ms: the callback path's SAFETY_MARGIN_MS (ingest.ts), before a held request's deadline.
    const result = await forwardCallback(bot.url, click.raw, { interactionId: "int_d", relayHeaders: discordInbound.relayHeaders, budgetMs: relayBudgetMs(arrivedAt, discordInbound.deadlineMs, 500) });
    expect(result).toMatchObject({ error: "timeout" });
    expect(bot.seen).toEqual(["int_d"]);
    expect(Date.now() - arrivedAt.getTime()).toBeLessThan(discordInbound.deadlineMs - 300);
    expect(readBotAnswer(discordInbound, result, click.kind)).toMatchObject({ ok: false, reason: { code: "timeout" } });
  });

  it("without the platform's signature headers the bot refuses (so the forwarded ones are what it verified)", async () => {
    const bot = await discordBot(() => ({ type: 6 }));
    const result = await forward(bot.url, (await verifiedClick("x")).raw, []);
    expect(result).toMatchObject({ status: 401 });
    expect(bot.seen).toEqual([]);
    expect(readBotAnswer(discordInbound, result)).toMatchObject({ ok: false, reason: { code: "status", status: 401 } });
  });

  it("an answer Discord would refuse is no reply, and the reason names the field", async () => {
    const bot = await discordBot(() => ({ type: 4, data: { content: "x".repeat(2001) } }));
    const click = await verifiedClick("x");
    const answer = readBotAnswer(discordInbound, await forward(bot.url, click.raw), click.kind);
    expect(answer).toMatchObject({ ok: false, reason: { code: "schema", status: 200, issues: [{ path: ["data", "content"], code: "field.tooLong", params: { max: 2000 } }] } });
  });

  it("a reply that cannot answer this kind of interaction is unfit (6 answers a component, not a command)", async () => {
    const bot = await discordBot(() => ({ type: 6 }));
    const click = await verifiedClick("x");
    expect(readBotAnswer(discordInbound, await forward(bot.url, click.raw), "command")).toMatchObject({ ok: false, reason: { code: "unfit" } });
    expect(readBotAnswer(discordInbound, await forward(bot.url, click.raw), click.kind)).toMatchObject({ ok: true, reply: { type: 6 } });
  });
});
