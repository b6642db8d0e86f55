import { describe, expect, it } from "vitest";
import { DISCORD_COMPONENT_CLICK, DISCORD_PING, DISCORD_PUBLIC_KEY, DISCORD_SEED, DISCORD_TIMESTAMP } from "./fixtures/vectors";
import { discordInbound } from "./inbound";
import { signDiscord } from "./signature";

const secrets = { publicKey: DISCORD_PUBLIC_KEY };
const request = (body: string, signature: string, timestamp = DISCORD_TIMESTAMP) => ({
  headers: new Headers({ "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }),
  body: Buffer.from(body),
});

describe("Discord interactions endpoint", () => {
  it("answers the signed PING vector with PONG", async () => {
    expect(await discordInbound.receive(request(DISCORD_PING.body, DISCORD_PING.signature), secrets)).toEqual({ type: "handshake", status: 200, body: { type: 1 } });
  });

  it("parses the signed MESSAGE_COMPONENT vector", async () => {
    expect(await discordInbound.receive(request(DISCORD_COMPONENT_CLICK.body, DISCORD_COMPONENT_CLICK.signature), secrets)).toMatchObject({
      type: "events",
      events: [{ eventId: "787053080478613555", kind: "button", control: "test", fields: { control: "test" }, context: { token: "ThisIsATokenFromDiscordThatIsVeryLong" } }],
    });
  });

  it("parses a command with its scope", async () => {
    const body = JSON.stringify({ id: "9", type: 2, token: "t", application_id: "a", guild_id: "g", member: { user: { id: "u" } }, data: { name: "ping", guild_id: "g" } });
    expect(await discordInbound.receive(request(body, signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, body)), secrets)).toMatchObject({
      type: "events",
      events: [{ kind: "command", control: "ping", actor: "u", fields: { command: "ping" }, context: { scope: "guild" } }],
    });
  });

  it.each([
    ["a tampered timestamp", request(DISCORD_PING.body, DISCORD_PING.signature, "1700000001")],
    ["missing headers", { headers: new Headers(), body: Buffer.from(DISCORD_PING.body) }],
    ["another body's signature", request(DISCORD_PING.body, DISCORD_COMPONENT_CLICK.signature)],
  ])("refuses %s with 401 (Discord probes this)", async (_name, req) => {
    expect(await discordInbound.receive(req, secrets)).toMatchObject({ type: "rejected", status: 401 });
  });

  it("refuses a signed body that is not an interaction with 400", async () => {
    const body = '{"hello":true}';
    expect(await discordInbound.receive(request(body, signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, body)), secrets)).toMatchObject({ status: 400 });
  });

  it("answers autocomplete with no choices, and keeps 6/7 for components", async () => {
    const body = JSON.stringify({ id: "a", type: 4, data: { name: "x" } });
    expect(await discordInbound.receive(request(body, signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, body)), secrets)).toEqual({ type: "handshake", status: 200, body: { type: 8, data: { choices: [] } } });
    expect(discordInbound.replyFits("command", { type: 6 })).toBe(false);
    expect(discordInbound.replyFits("command", { type: 4 })).toBe(true);
    expect(discordInbound.replyFits("button", { type: 7 })).toBe(true);
  });

  it("falls back to deferred replies that promise nothing visible", async () => {
    const base = { eventId: "1", interactive: true, fields: {}, context: {} };
    expect(discordInbound.defaultFallback({ ...base, kind: "button" })).toEqual({ type: 6 });
    expect(discordInbound.defaultFallback({ ...base, kind: "command" })).toEqual({ type: 5 });
  });
});

describe("Discord replies after a deferred answer", () => {
  const stored = JSON.stringify({ id: "1", application_id: "app", token: "tok", type: 3 });
  it.each([
    ["a new message is a follow-up", { type: 4 as const, data: { content: "hi" } }, { method: "POST", path: "/webhooks/app/tok", body: { content: "hi" } }],
    ["an update edits the original", { type: 7 as const, data: { content: "hi" } }, { method: "PATCH", path: "/webhooks/app/tok/messages/@original", body: { content: "hi" } }],
  ])("%s", (_name, reply, expected) => {
    expect(discordInbound.deliverLate(stored, reply)).toEqual({ via: "api", auth: "none", ...expected });
  });
  it("cannot defer again", () => {
    expect(discordInbound.deliverLate(stored, { type: 6 })).toBeNull();
  });
});

describe("Discord bodies that could not be stored or answered late (issue 12)", () => {
  const signedBody = (body: string) => request(body, signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, body));
  const click = { id: "1", application_id: "app", type: 3, token: "tok", member: { user: { id: "u" } }, data: { custom_id: "c", component_type: 2 } };

  it("refuses a correctly signed click whose token holds a lone surrogate", async () => {
    expect(await discordInbound.receive(signedBody(JSON.stringify({ ...click, token: "\ud800" })), secrets)).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
  });

  it("refuses nesting deeper than 64 with 400 once the signature holds", async () => {
    const deep = JSON.stringify({ ...click, data: { ...click.data, extra: 0 } }).replace('"extra":0', `"extra":${"[".repeat(4500)}${"]".repeat(4500)}`);
    expect(await discordInbound.receive(signedBody(deep), secrets)).toEqual({ type: "rejected", status: 400, code: "too_deep" });
    // Unsigned, the same body is a 401: the signature is still checked first (Discord probes endpoints).
    expect(await discordInbound.receive(request(deep, "00".repeat(64)), secrets)).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it.each([
    ["a lone surrogate in the token", JSON.stringify({ ...click, token: "\ud800" })],
    ["a lone surrogate in the application id", JSON.stringify({ ...click, application_id: "a\udc00" })],
    ["a body that is not JSON", "{\"id\":"],
    ["a token that is a number", JSON.stringify({ ...click, token: 5 })],
    ["an empty token", JSON.stringify({ ...click, token: "" })],
  ])("gives no follow-up (null, never a throw) for a stored body with %s", (_name, stored) => {
    expect(discordInbound.deliverLate(stored, { type: 4, data: { content: "late" } })).toBeNull();
  });

  it("still follows up on a stored body nested deep elsewhere (rows stored before the fix)", () => {
    const stored = JSON.stringify({ ...click, data: { extra: 0 } }).replace('"extra":0', `"extra":${"[".repeat(4500)}${"]".repeat(4500)}`);
    expect(discordInbound.deliverLate(stored, { type: 4, data: { content: "late" } })).toMatchObject({ method: "POST", path: "/webhooks/app/tok" });
  });
});
