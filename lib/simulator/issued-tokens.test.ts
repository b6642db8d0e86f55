import { describe, expect, it } from "vitest";
import { credentialOf, IssuedTokens } from "./issued-tokens";

describe("IssuedTokens", () => {
  it("issues signed tokens, reuses a fresh one, renews near expiry; each lapses at its own expiry", () => {
    let now = 0;
    const tokens = new IssuedTokens("test", { limit: 10, lifetimeMs: 120_000, prefix: "t-", now: () => now });
    const first = tokens.issue("app");
    expect(first).toEqual({ token: expect.stringMatching(/^t-[A-Za-z0-9_-]{32}$/), expiresInSec: 120 });
    expect(tokens.issue("other").token).not.toBe(first.token);
    now = 30_000;
    expect(tokens.issue("app")).toEqual({ token: first.token, expiresInSec: 90 });
    now = 70_000; // under a minute left: a new token, the old one still valid until it lapses
    const second = tokens.issue("app");
    expect(second.token).not.toBe(first.token);
    expect(tokens.valid(first.token)).toBe(true);
    now = 120_000;
    expect(tokens.valid(first.token)).toBe(false);
    expect(tokens.valid(second.token)).toBe(true);
    expect(tokens.valid("t-never-issued")).toBe(false);
  });

  it("is verified by another instance (same secret key, nothing shared) and by no other purpose", () => {
    const issuer = new IssuedTokens("qq", { limit: 10, lifetimeMs: 60_000 });
    const { token } = issuer.issue("app");
    expect(new IssuedTokens("qq", { limit: 10, lifetimeMs: 60_000 }).valid(token)).toBe(true);
    expect(new IssuedTokens("feishu", { limit: 10, lifetimeMs: 60_000 }).valid(token)).toBe(false);
    expect(new IssuedTokens("qq", { limit: 10, lifetimeMs: 60_000, prefix: "t-" }).valid(token)).toBe(false);
  });

  it("refuses a token whose expiry, tag or MAC was changed, or that is spelled otherwise", () => {
    const tokens = new IssuedTokens("qq", { limit: 10, lifetimeMs: 60_000 });
    const { token } = tokens.issue("app");
    const bytes = Buffer.from(token, "base64url");
    for (const index of [0, 5, 7, 12, 23]) {
      const forged = Buffer.from(bytes);
      forged[index]! ^= 1;
      expect(tokens.valid(forged.toString("base64url"))).toBe(false);
    }
    expect(tokens.valid(`${token}A`)).toBe(false);
    expect(tokens.valid(token.slice(1))).toBe(false);
    expect(tokens.valid(`${token.slice(0, -1)}=`)).toBe(false);
    expect(tokens.valid("")).toBe(false);
  });

  it("stays bounded: past the limit the oldest owner's newest token is forgotten here, and stays valid", () => {
    const tokens = new IssuedTokens("qq", { limit: 3, lifetimeMs: 600_000 });
    const issued = ["a", "b", "c", "d", "e"].map((owner) => tokens.issue(owner).token);
    expect(tokens.size).toBe(3);
    expect(issued.every((t) => tokens.valid(t))).toBe(true);
    // "e" is remembered: the same token again; "a" is not, and asking for it keeps the bound.
    expect(tokens.issue("e").token).toBe(issued[4]);
    expect(tokens.valid(tokens.issue("a").token)).toBe(true);
    expect(tokens.size).toBe(3);
  });

  it("reads the credential of one scheme only", () => {
    expect(credentialOf("QQBot abc", "QQBot")).toBe("abc");
    expect(credentialOf("bearer t-1", "Bearer")).toBe("t-1");
    expect(credentialOf("Bearer t-1", "QQBot")).toBeNull();
    expect(credentialOf("Bearer ", "Bearer")).toBeNull();
    expect(credentialOf(null, "Bearer")).toBeNull();
  });
});
