import { describe, expect, it } from "vitest";
import { isValidSessionToken, issueSessionToken, SESSION_TTL_MS } from "./session";

describe("session tokens", () => {
  const now = 1_800_000_000_000;
  const token = issueSessionToken(now);

  it("accepts a fresh token", () => expect(isValidSessionToken(token, now + 1000)).toBe(true));
  it("rejects an expired token", () => expect(isValidSessionToken(token, now + SESSION_TTL_MS + 1)).toBe(false));
  it("rejects a token with a forged expiry", () => {
    const [v, , nonce, mac] = token.split(".");
    expect(isValidSessionToken(`${v}.${now * 2}.${nonce}.${mac}`, now)).toBe(false);
  });
  it("rejects a tampered signature", () => expect(isValidSessionToken(`${token.slice(0, -2)}xx`, now)).toBe(false));
  it.each(["", "abc", "v1.1.2", undefined])("rejects %j", (value) => expect(isValidSessionToken(value, now)).toBe(false));
});
