import { describe, expect, it } from "vitest";
import { DISCORD_COMPONENT_CLICK, DISCORD_PING, DISCORD_PUBLIC_KEY, DISCORD_SEED, DISCORD_TIMESTAMP } from "./fixtures/vectors";
import { signDiscord, verifyDiscord } from "./signature";

describe("Discord signatures (protocols.md §2.6 vectors)", () => {
  it.each([["PING", DISCORD_PING], ["MESSAGE_COMPONENT", DISCORD_COMPONENT_CLICK]])("verifies the signed %s", (_name, vector) => {
    expect(verifyDiscord(DISCORD_PUBLIC_KEY, DISCORD_TIMESTAMP, Buffer.from(vector.body), vector.signature)).toBe(true);
    expect(signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, vector.body)).toBe(vector.signature);
  });

  it.each([
    ["a tampered timestamp", { timestamp: "1700000001" }],
    ["a tampered body", { body: DISCORD_PING.body.replace('"type":1', '"type":2') }],
    ["the other body's signature", { signature: DISCORD_COMPONENT_CLICK.signature }],
    ["a malformed public key", { key: "abc" }],
    ["missing headers", { timestamp: null, signature: null }],
  ])("rejects %s", (_name, change: { timestamp?: string | null; body?: string; signature?: string | null; key?: string }) => {
    const v = { timestamp: DISCORD_TIMESTAMP, body: DISCORD_PING.body, signature: DISCORD_PING.signature, key: DISCORD_PUBLIC_KEY, ...change };
    expect(verifyDiscord(v.key, v.timestamp, Buffer.from(v.body), v.signature)).toBe(false);
  });
});
