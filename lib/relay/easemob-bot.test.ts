// An Easemob bot with its own receiver (Easemob publishes no SDK for callbacks): the signature travels
// in the body (`security` = MD5(callId + secret + timestamp)), so the forwarded bytes are all it needs.
// Easemob reads no answer body: any 2xx from the bot is the acknowledgement.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { easemobInbound } from "@/lib/platforms/easemob/inbound";
import { EASEMOB_REACTION_SAMPLE, EASEMOB_SECRETS } from "@/lib/platforms/easemob/fixtures/vectors";
import type { RawCallback } from "@/lib/platforms/inbound";
import { readBotAnswer } from "./answer";
import { forwardCallback } from "./forward";
import { readAll, serveBot } from "./test-bot";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function easemobBot(answer: string) {
  const seen: string[] = [];
  const served = await serveBot((req, res) => void readAll(req).then((body) => {
    const fields = JSON.parse(body.toString("utf8")) as { callId: string; timestamp: number | string; security: string };
    const expected = createHash("md5").update(`${fields.callId}${EASEMOB_SECRETS.secret}${fields.timestamp}`, "utf8").digest("hex");
    if (fields.security !== expected) return void res.writeHead(401).end();
    seen.push(fields.callId);
    res.writeHead(200).end(answer);
  }));
  closers.push(served.close);
  return { url: served.url, seen };
}

async function verifiedCallback(): Promise<RawCallback> {
  const signed = easemobInbound.sign(JSON.stringify(EASEMOB_REACTION_SAMPLE), "0", EASEMOB_SECRETS, Buffer.alloc(32));
  const raw = { headers: new Headers(signed.headers), body: Buffer.from(signed.body) };
  const outcome = await easemobInbound.receive(raw, EASEMOB_SECRETS);
  if (outcome.type !== "events") throw new Error(`not verified: ${JSON.stringify(outcome)}`);
  return raw;
}

describe("relay to an Easemob bot (its own check of the body's security)", () => {
  it("the bot verifies the forwarded body, and its empty or any 2xx answer is the acknowledgement", async () => {
    for (const body of ["", "ok", '{"anything":1}']) {
      const bot = await easemobBot(body);
      const result = await forwardCallback(bot.url, await verifiedCallback(), { interactionId: "int_e", relayHeaders: easemobInbound.relayHeaders, budgetMs: 2500 });
      expect(bot.seen).toHaveLength(1);
      expect(readBotAnswer(easemobInbound, result)).toMatchObject({ ok: true, status: 200, reply: {} });
    }
  });

  it("a body changed on the way fails the bot's check", async () => {
    const bot = await easemobBot("");
    const raw = await verifiedCallback();
    const changed = Buffer.from(raw.body.toString("utf8").replace(/"security":"[0-9a-f]/, (m) => `${m.slice(0, -1)}${m.endsWith("0") ? "1" : "0"}`));
    const result = await forwardCallback(bot.url, { headers: raw.headers, body: changed }, { interactionId: "int_e", relayHeaders: easemobInbound.relayHeaders, budgetMs: 2500 });
    expect(readBotAnswer(easemobInbound, result)).toMatchObject({ ok: false, reason: { code: "status", status: 401 } });
  });
});
