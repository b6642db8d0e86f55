// A QQ bot with its own webhook receiver (QQ publishes no Node SDK that verifies webhooks): it derives the
// Ed25519 key from its bot secret as sign.md says and checks the forwarded signature over timestamp + body
// itself, with no code of ours. It answers as QQ's webhook expects, {"op":12,...}; the code is the reply.
import { createPrivateKey, createPublicKey, verify, type KeyObject } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { RawCallback } from "@/lib/platforms/inbound";
import { qqInbound } from "@/lib/platforms/qq/inbound";
import { readBotAnswer } from "./answer";
import { forwardCallback } from "./forward";
import { readAll, serveBot } from "./test-bot";

const secrets = { appId: "102000001", secret: "naOC0ocQE3shWLAfffVLB1rhYPG7" };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** sign.md: the seed is the secret's bytes repeated to 32; the key pair is Ed25519 from that seed (PKCS#8 DER prefix). */
function botPublicKey(secret: string): KeyObject {
  let seed = Buffer.from(secret, "utf8");
  while (seed.length < 32) seed = Buffer.concat([seed, seed]);
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed.subarray(0, 32)]);
  return createPublicKey(createPrivateKey({ key: der, format: "der", type: "pkcs8" }));
}

async function qqBot(answer: unknown) {
  const key = botPublicKey(secrets.secret);
  const seen: unknown[] = [];
  const served = await serveBot((req, res) => void readAll(req).then((body) => {
    const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
    const signature = Buffer.from(String(req.headers["x-signature-ed25519"] ?? ""), "hex");
    const valid = req.headers["x-bot-appid"] === secrets.appId && signature.length === 64 && verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signature);
    if (!valid) return void res.writeHead(401).end();
    seen.push(JSON.parse(body.toString("utf8")));
    res.writeHead(200, { "content-type": "application/json" }).end(typeof answer === "string" ? answer : JSON.stringify(answer));
  }));
  closers.push(served.close);
  return { url: served.url, seen };
}

/** A button click as QQ sends it (signed as the simulator signs it), after Button Studio verified it. */
async function verifiedClick(): Promise<RawCallback> {
  const body = JSON.stringify({ id: "evt-1", op: 0, t: "INTERACTION_CREATE", d: { id: "int-qq-1", scene: "c2c", user_openid: "u1", data: { resolved: { button_id: "b1", button_data: "approve" } } } });
  const signed = qqInbound.sign(body, String(Math.floor(Date.now() / 1000)), secrets, Buffer.alloc(32));
  const raw = { headers: new Headers({ "content-type": "application/json", ...signed.headers }), body: Buffer.from(signed.body) };
  const outcome = await qqInbound.receive(raw, secrets);
  if (outcome.type !== "events") throw new Error(`not verified: ${JSON.stringify(outcome)}`);
  return raw;
}

const relay = async (answer: unknown) => {
  const bot = await qqBot(answer);
  const result = await forwardCallback(bot.url, await verifiedClick(), { interactionId: "int_q", relayHeaders: qqInbound.relayHeaders, budgetMs: 2500 });
  return { bot, answer: readBotAnswer(qqInbound, result, "button") };
};

describe("relay to a QQ bot (its own Ed25519 check)", () => {
  it("the bot verifies the forwarded click with the key from its secret, and the code of its op 12 answer is the reply", async () => {
    const { bot, answer } = await relay({ op: 12, d: 0, code: 4 });
    expect(bot.seen).toMatchObject([{ d: { id: "int-qq-1" } }]);
    expect(answer).toEqual({ ok: true, status: 200, ms: expect.any(Number), reply: { code: 4 } });
  });

  it("without the platform's signature headers the bot refuses (so the forwarded ones are what it verified)", async () => {
    const bot = await qqBot({ op: 12, code: 0 });
    const result = await forwardCallback(bot.url, await verifiedClick(), { interactionId: "int_q", relayHeaders: [], budgetMs: 2500 });
    expect(readBotAnswer(qqInbound, result, "button")).toMatchObject({ ok: false, reason: { code: "status", status: 401 } });
    expect(bot.seen).toEqual([]);
  });

  it("an acknowledgement without a code, another op, or a code QQ does not know is no reply, and the reason names the field", async () => {
    expect((await relay({ op: 12, d: 0 })).answer).toMatchObject({ ok: false, reason: { code: "schema", issues: [{ path: ["code"], code: "field.required" }] } });
    expect((await relay({ op: 11, code: 0 })).answer).toMatchObject({ ok: false, reason: { code: "schema", issues: [{ path: ["op"], code: "field.enum" }] } });
    expect((await relay({ op: 12, code: 9 })).answer).toMatchObject({ ok: false, reason: { code: "schema", issues: [{ path: ["code"], code: "field.enum" }] } });
  });

  it("an answer that is not JSON is no reply", async () => {
    expect((await relay("ok")).answer).toMatchObject({ ok: false, reason: { code: "invalid_json", status: 200 } });
  });
});
