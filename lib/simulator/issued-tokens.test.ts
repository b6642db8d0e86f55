import { describe, expect, it } from "vitest";
import { credentialOf, IssuedTokens } from "./issued-tokens";

describe("IssuedTokens", () => {
  it("issues random tokens, reuses a fresh one, renews near expiry and forgets expired ones", () => {
    let now = 0;
    const tokens = new IssuedTokens(10, 120_000, () => now);
    const first = tokens.issue("app", "t-");
    expect(first.token).toMatch(/^t-[A-Za-z0-9_-]{32}$/);
    expect(new IssuedTokens(10, 120_000).issue("app", "t-").token).not.toBe(first.token);
    now = 30_000;
    expect(tokens.issue("app", "t-")).toEqual({ token: first.token, expiresInSec: 90 });
    now = 70_000; // under a minute left: a new token, the old one still valid until it lapses
    const second = tokens.issue("app", "t-");
    expect(second.token).not.toBe(first.token);
    expect(tokens.owner(first.token)).toBe("app");
    now = 120_000;
    expect(tokens.owner(first.token)).toBeNull();
    expect(tokens.owner(second.token)).toBe("app");
    expect(tokens.owner("t-never-issued")).toBeNull();
  });

  it("stays bounded: past the limit the oldest token is forgotten first", () => {
    const tokens = new IssuedTokens(3, 60_000);
    const issued = ["a", "b", "c", "d", "e"].map((owner) => tokens.issue(owner).token);
    expect(tokens.size).toBe(3);
    expect(issued.map((t) => tokens.owner(t))).toEqual([null, null, "c", "d", "e"]);
  });

  it("reads the credential of one scheme only", () => {
    expect(credentialOf("QQBot abc", "QQBot")).toBe("abc");
    expect(credentialOf("bearer t-1", "Bearer")).toBe("t-1");
    expect(credentialOf("Bearer t-1", "QQBot")).toBeNull();
    expect(credentialOf("Bearer ", "Bearer")).toBeNull();
    expect(credentialOf(null, "Bearer")).toBeNull();
  });
});
