// A Feishu bot on Feishu's own Node SDK (@larksuiteoapi/node-sdk: CardActionHandler behind its adaptDefault
// HTTP adaptor) with an Encrypt Key: the forwarded body is still encrypted, and the SDK checks the
// X-Lark-* signature over it and decrypts it itself. Its answer must read as a reply Feishu would take.
import { adaptDefault, CardActionHandler, type Logger } from "@larksuiteoapi/node-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { FEISHU_CARD_ACTION } from "@/lib/platforms/feishu/fixtures/vectors";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import type { FeishuSecrets } from "@/lib/platforms/feishu/reply";
import type { ParsedEvent, RawCallback } from "@/lib/platforms/inbound";
import { readBotAnswer } from "./answer";
import { forwardCallback } from "./forward";
import { serveBot } from "./test-bot";

const secrets: FeishuSecrets = { appId: "cli_relay", appSecret: "s", verificationToken: "v-token-of-this-app-0123456789", encryptKey: "an encrypt key, 飞书" };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The SDK logs its refusals; a test that expects acceptance also expects no warning. */
function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { warnings, error: ignore, info: ignore, debug: ignore, trace: ignore, warn: (...msg: unknown[]) => void warnings.push(msg.join(" ")) };
}

async function feishuBot(answer: (action: Record<string, unknown>) => unknown) {
  const log = logger();
  const seen: Record<string, unknown>[] = [];
  const handler = new CardActionHandler({ verificationToken: secrets.verificationToken, encryptKey: secrets.encryptKey, logger: log }, (data: Record<string, unknown>) => {
    seen.push(data);
    return answer(data);
  });
  const served = await serveBot((req, res) => void adaptDefault("/webhook", handler)(req, res), "/webhook");
  closers.push(served.close);
  return { url: served.url, seen, warnings: log.warnings };
}

/** A card action as Feishu sends it (encrypted and signed, as the simulator does), after Button Studio verified it. */
async function verifiedAction(): Promise<{ raw: RawCallback; kind: ParsedEvent["kind"] }> {
  const signed = feishuInbound.sign(JSON.stringify(FEISHU_CARD_ACTION), String(Math.floor(Date.now() / 1000)), secrets, Buffer.alloc(32));
  const raw = { headers: new Headers({ "content-type": "application/json", ...signed.headers }), body: Buffer.from(signed.body) };
  const outcome = await feishuInbound.receive(raw, secrets);
  if (outcome.type !== "events") throw new Error(`not verified: ${JSON.stringify(outcome)}`);
  return { raw, kind: outcome.events[0]!.kind };
}

const forward = (url: string, raw: RawCallback) => forwardCallback(url, raw, { interactionId: "int_f", relayHeaders: feishuInbound.relayHeaders, budgetMs: 2500 });

describe("relay to a Feishu bot (@larksuiteoapi/node-sdk CardActionHandler, encrypted)", () => {
  it("the SDK checks the signature over the still-encrypted forwarded body, decrypts it, and the bot's answer is the reply", async () => {
    const bot = await feishuBot(() => ({ toast: { type: "success", content: "done" } }));
    const action = await verifiedAction();
    expect(JSON.parse(action.raw.body.toString())).toHaveProperty("encrypt");
    const answer = readBotAnswer(feishuInbound, await forward(bot.url, action.raw), action.kind);
    expect(answer).toMatchObject({ ok: true, status: 200, reply: { toast: { type: "success", content: "done" } } });
    expect(bot.seen).toHaveLength(1);
    expect(bot.seen[0]).toMatchObject({ action: FEISHU_CARD_ACTION.event.action });
    expect(bot.warnings).toEqual([]);
  });

  it("a body changed on the way fails the SDK's signature check: the bot dispatches nothing", async () => {
    const bot = await feishuBot(() => ({ toast: { type: "success", content: "done" } }));
    const action = await verifiedAction();
    const other = await verifiedAction();
    // Another (equally valid) encrypted body under this request's signature headers.
    const result = await forward(bot.url, { headers: action.raw.headers, body: other.raw.body });
    expect(bot.seen).toEqual([]);
    expect(bot.warnings).toEqual(["verification failed event"]);
    // The SDK's adaptor answers an empty 200: no reply.
    expect(readBotAnswer(feishuInbound, result, action.kind)).toMatchObject({ ok: false, reason: { code: "empty", status: 200 } });
  });

  it("an answer Feishu would refuse is no reply, and the reason names the field", async () => {
    const bot = await feishuBot(() => ({ toast: { type: "loud", content: "done" } }));
    const action = await verifiedAction();
    const answer = readBotAnswer(feishuInbound, await forward(bot.url, action.raw), action.kind);
    expect(answer).toMatchObject({ ok: false, reason: { code: "schema", status: 200, issues: [{ path: ["toast", "type"], code: "field.enum" }] } });
  });
});
