// The forward over real loopback HTTP: what the bot receives, and every way a bot can fail to answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import { readBotAnswer } from "./answer";
import { forwardCallback, forwardWithLateAnswer, INTERACTION_HEADER, relayBudgetMs, type ForwardResult } from "./forward";
import { downBotUrl, readAll, serveBot } from "./test-bot";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function bot(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const served = await serveBot(listener);
  closers.push(served.close);
  return served.url;
}

// Spacing, key order and non-ASCII that any re-serialization would change: the signature covers these bytes.
const BODY = Buffer.from('{"type":3 ,  "id":"1","data":{"custom_id":"é 😀","z":1,"a":2}}\n', "utf8");
const raw = () => ({
  body: BODY,
  headers: new Headers({
    "content-type": "application/json; charset=utf-8",
    "x-signature-ed25519": "ab".repeat(64),
    "x-signature-timestamp": "1700000000",
    "user-agent": "Discord-Interactions/1.0",
    cookie: "not for the bot",
  }),
});
const options = (budgetMs = 2000) => ({ interactionId: "int_1", relayHeaders: discordInbound.relayHeaders, budgetMs });

describe("forwardCallback", () => {
  it("sends the exact bytes with the platform's signature headers, the content type and the interaction id, and nothing else of the request", async () => {
    let seen: { body: Buffer; headers: IncomingMessage["headers"] } | undefined;
    const url = await bot((req, res) => void readAll(req).then((body) => {
      seen = { body, headers: req.headers };
      res.writeHead(200, { "content-type": "application/json" }).end('{"type":6}');
    }));
    const result = await forwardCallback(url, raw(), options());
    expect(result).toMatchObject({ status: 200, body: '{"type":6}' });
    expect(seen!.body.equals(BODY)).toBe(true);
    expect(seen!.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "x-signature-ed25519": "ab".repeat(64),
      "x-signature-timestamp": "1700000000",
      [INTERACTION_HEADER]: "int_1",
    });
    expect(seen!.headers.cookie).toBeUndefined();
    expect(seen!.headers["user-agent"]).not.toBe("Discord-Interactions/1.0");
  });

  it("a bot slower than the budget is a timeout, reported within the budget (headers late or the body trickling)", async () => {
    const late = await bot((_req, res) => void setTimeout(() => res.end("{}"), 5000));
    const trickle = await bot((_req, res) => {
      res.writeHead(200).write('{"type":');
      setTimeout(() => res.end("6}"), 5000);
    });
    for (const url of [late, trickle]) {
      const result = await forwardCallback(url, raw(), options(300));
      expect(result).toMatchObject({ error: "timeout" });
      expect(result.ms).toBeGreaterThanOrEqual(250);
      expect(result.ms).toBeLessThan(1500);
    }
  });

  it("the caller's signal ends the forward early (a person answered first)", async () => {
    const url = await bot((_req, res) => void setTimeout(() => res.end("{}"), 5000));
    const result = await forwardCallback(url, raw(), { ...options(), signal: AbortSignal.timeout(100) });
    expect(result).toMatchObject({ error: "timeout" });
    expect(result.ms).toBeLessThan(1000);
  });

  it("a bot that is down, or an address that is no URL, is unreachable", async () => {
    expect(await forwardCallback(await downBotUrl(), raw(), options())).toMatchObject({ error: "unreachable" });
    expect(await forwardCallback("not a url", raw(), options())).toMatchObject({ error: "unreachable" });
  });

  it("a huge answer is cut at the limit, kept for /live, and is no reply", async () => {
    const url = await bot((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(`{"type":4,"data":{"content":"${"x".repeat(1024 * 1024)}"}}`));
    const result = await forwardCallback(url, raw(), options());
    expect(result).toMatchObject({ error: "too_large", status: 200 });
    expect((result as Extract<ForwardResult, { error: "too_large" }>).body).toHaveLength(64 * 1024);
    expect(readBotAnswer(discordInbound, result)).toMatchObject({ ok: false, reason: { code: "too_large", status: 200 } });
  });

  it("a redirect is the bot's answer, not a new target", async () => {
    const url = await bot((_req, res) => res.writeHead(307, { location: "http://127.0.0.1:1/elsewhere" }).end());
    const result = await forwardCallback(url, raw(), options());
    expect(result).toMatchObject({ status: 307 });
    expect(readBotAnswer(discordInbound, result)).toMatchObject({ ok: false, reason: { code: "status", status: 307 } });
  });
});

describe("forwardWithLateAnswer", () => {
  it("a slow bot misses the budget (the fallback goes) but its answer still arrives, from the one request sent", async () => {
    let requests = 0;
    const url = await bot((_req, res) => {
      requests += 1;
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end('{"type":4,"data":{"content":"late"}}'), 600);
    });
    const forward = forwardWithLateAnswer(url, raw(), { ...options(200), lateBudgetMs: 3000 });
    const inTime = await forward.inTime;
    expect(inTime).toMatchObject({ error: "timeout" });
    expect(inTime.ms).toBeLessThan(500);
    const final = await forward.final;
    expect(final).toMatchObject({ status: 200 });
    expect(final.ms).toBeGreaterThanOrEqual(550);
    expect(readBotAnswer(discordInbound, final)).toMatchObject({ ok: true, reply: { type: 4, data: { content: "late" } } });
    expect(requests).toBe(1);
  });

  it("a bot in time settles both with the same answer; past the late budget, final is a timeout too", async () => {
    const quick = await bot((_req, res) => res.end('{"type":6}'));
    const both = forwardWithLateAnswer(quick, raw(), { ...options(1000), lateBudgetMs: 3000 });
    expect(await both.inTime).toBe(await both.final);
    const never = await bot(() => undefined);
    const late = forwardWithLateAnswer(never, raw(), { ...options(100), lateBudgetMs: 300 });
    expect(await late.inTime).toMatchObject({ error: "timeout" });
    expect(await late.final).toMatchObject({ error: "timeout" });
  });
});

describe("relayBudgetMs", () => {
  it("runs from the arrival to the platform's deadline less the margin, never below 0", () => {
    const arrived = new Date(1_000_000);
    expect(relayBudgetMs(arrived, 3000, 500, new Date(1_000_400))).toBe(2100);
    expect(relayBudgetMs(arrived, 3000, 500, new Date(1_003_000))).toBe(0);
  });
});
