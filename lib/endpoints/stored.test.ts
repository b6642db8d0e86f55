import { afterAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { createTestDb } from "@/lib/db/test-db";
import { handleCallback } from "@/lib/interactions/ingest";
import { ruleMatchSchema } from "@/lib/interactions/rules";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { qqInbound } from "@/lib/platforms/qq/inbound";
import { forgetEndpoint, getLiveEndpoint } from "./cache";
import { createEndpoint, getEndpoint } from "./service";
import { readStored } from "./stored";

const db = createTestDb();
afterAll(() => db.$disconnect());
const deps = { db, now: () => new Date() };

let counter = 0;
function discordClick(customId: string) {
  const body = JSON.stringify({ id: `s${++counter}`, application_id: "app", type: 3, token: "tok", version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}

async function discordEndpoint() {
  return createEndpoint(
    db,
    {
      platform: "discord",
      name: "Stored rows",
      mode: "rules",
      requireSignature: true,
      secrets: { publicKey: DISCORD_PUBLIC_KEY },
      fallback: { type: 4, data: { content: "Endpoint fallback" } },
      rules: [
        { match: { on: "control", pattern: "first" }, reply: { type: 4, data: { content: "First" } } },
        { match: { on: "control", pattern: "second" }, reply: { type: 4, data: { content: "Second" } } },
      ],
    },
    "http://localhost",
    "en",
  );
}

describe("readStored", () => {
  it.each([
    ["a reply that parses", '{"type":4,"data":{"content":"hi"}}', true, ""],
    ["not JSON", "{nope", false, "invalidJson"],
    ["nested past the limit", `${"[".repeat(100)}${"]".repeat(100)}`, false, "tooDeep"],
    ["a lone surrogate", '{"type":4,"data":{"content":"\\ud800"}}', false, "malformedString"],
    ["a reply type the schema no longer takes", '{"type":99}', false, "type"],
  ])("%s", (_name, text, ok, problem) => {
    const read = readStored(discordInbound.replySchema, text);
    expect(read.ok).toBe(ok);
    if (!read.ok) expect(read.problem).toContain(problem);
  });

  it("reads back what the service stored: each platform's replies parse to themselves", () => {
    const replies: [z.ZodType, unknown][] = [
      [discordInbound.replySchema, { type: 4, data: { content: "x", flags: 64 } }],
      [discordInbound.replySchema, { type: 6 }],
      [qqInbound.replySchema, { code: 0 }],
      [feishuInbound.replySchema, { toast: { type: "success", content: "ok" } }],
      [feishuInbound.replySchema, {}],
    ];
    for (const [schema, reply] of replies) {
      const stored = JSON.stringify(schema.parse(reply));
      const read = readStored(schema, stored);
      expect(read).toMatchObject({ ok: true });
      expect(JSON.stringify(read.ok ? read.value : null)).toBe(stored);
    }
    expect(readStored(ruleMatchSchema, '{"on":"control","pattern":"a*"}')).toEqual({ ok: true, value: { on: "control", pattern: "a*" } });
  });
});

describe("stored fallback and rules that no longer parse (real SQLite file)", () => {
  it("the callback path skips a broken rule, uses the platform's default for a broken fallback, and warns once", async () => {
    const endpoint = await discordEndpoint();
    const rules = await db.rule.findMany({ where: { endpointId: endpoint.id }, orderBy: { position: "asc" } });
    // As if written under an older, looser schema, or by hand.
    await db.rule.update({ where: { id: rules[0]!.id }, data: { reply: '{"type":99}' } });
    await db.rule.update({ where: { id: rules[1]!.id }, data: { match: '{"on":"Control!","pattern":"second"}' } });
    await db.endpoint.update({ where: { id: endpoint.id }, data: { fallback: "{not json" } });
    forgetEndpoint(endpoint.id);
    const warn = vi.spyOn(console, "warn");
    try {
      // The broken first rule is passed over; the broken fallback becomes Discord's own default (6).
      expect(await handleCallback(endpoint.id, discordClick("first"), deps)).toEqual({ status: 200, body: { type: 6 } });
      expect(await handleCallback(endpoint.id, discordClick("second"), deps)).toEqual({ status: 200, body: { type: 6 } });
      const live = await getLiveEndpoint(db, endpoint.id);
      expect(live?.rules).toEqual([]);
      expect(live?.fallback).toBeNull();
      // Loading again (an edit elsewhere, a restart of the cache) does not repeat the warnings.
      forgetEndpoint(endpoint.id);
      await getLiveEndpoint(db, endpoint.id);
      const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(endpoint.id));
      expect(lines).toHaveLength(3);
      expect(lines.join("\n")).toMatch(/fallback: invalidJson/);
    } finally {
      warn.mockRestore();
    }
  });

  it("the API shows what is stored (parsed where it parses), so it can be seen and fixed", async () => {
    const endpoint = await discordEndpoint();
    const rules = await db.rule.findMany({ where: { endpointId: endpoint.id }, orderBy: { position: "asc" } });
    await db.rule.update({ where: { id: rules[0]!.id }, data: { reply: '{"type":99}' } });
    await db.endpoint.update({ where: { id: endpoint.id }, data: { fallback: `${"[".repeat(5000)}${"]".repeat(5000)}` } });
    const view = await getEndpoint(db, endpoint.id, "http://localhost");
    expect(view.fallback).toBeNull();
    expect(view.rules).toEqual([
      { match: { on: "control", pattern: "first" }, reply: { type: 99 } },
      { match: { on: "control", pattern: "second" }, reply: { type: 4, data: { content: "Second" } } },
    ]);
  });

  it("an unknown stored mode answers by rules (never holds a request no one watches)", async () => {
    const endpoint = await discordEndpoint();
    await db.endpoint.update({ where: { id: endpoint.id }, data: { mode: "someday" } });
    forgetEndpoint(endpoint.id);
    const warn = vi.spyOn(console, "warn");
    try {
      expect((await getLiveEndpoint(db, endpoint.id))?.mode).toBe("rules");
      expect(await handleCallback(endpoint.id, discordClick("first"), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "First" } } });
    } finally {
      warn.mockRestore();
    }
  });
});
