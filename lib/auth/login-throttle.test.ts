import { describe, expect, it } from "vitest";
import { loginWaitMs, recordLoginResult } from "./login-throttle";

describe("login throttle", () => {
  it("lets five failures through, then makes each try wait longer; success resets", () => {
    const client = `test-${Math.random()}`;
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) recordLoginResult(client, false, now);
    expect(loginWaitMs(client, now)).toBe(0);
    recordLoginResult(client, false, now);
    expect(loginWaitMs(client, now)).toBe(1000);
    recordLoginResult(client, false, now);
    expect(loginWaitMs(client, now)).toBe(2000);
    recordLoginResult(client, true, now);
    expect(loginWaitMs(client, now)).toBe(0);
  });

  it("remembers at most 10,000 clients, forgetting the stalest first", () => {
    const now = 2_000_000;
    const first = `first-${Math.random()}`;
    for (let i = 0; i < 6; i++) recordLoginResult(first, false, now);
    expect(loginWaitMs(first, now)).toBe(1000);
    for (let i = 0; i < 10_000; i++) recordLoginResult(`flood-${i}-${Math.random()}`, false, now);
    expect(loginWaitMs(first, now)).toBe(0);
  });
});
