import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-db";
import { simulatorStore } from "@/lib/simulator/store";
import { CardUpdateTokens } from "./simulator-api";
import { feishuInbound } from "./inbound";

const MINUTE = 60_000;
// The adapter's own budget (延时更新消息卡片: 30 minutes, 2 uses), the one the stand-in is given.
const budget = feishuInbound.lateBudget!;

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

let kinds = 0;
/** Tokens of their own kind in the simulator's store (memory on SQLite, rows on PostgreSQL). */
const cardTokens = (limit: number, now: () => number) => new CardUpdateTokens(limit, now, simulatorStore, `test.cardTokens.${++kinds}`);

describeEachDatabase("Feishu card update tokens in the simulator (延时更新消息卡片)", () => {
  it("takes the adapter's budget: 2 uses within 30 minutes", () => {
    expect(budget).toMatchObject({ max: 2, windowMs: 30 * MINUTE });
  });

  it("counts 30 minutes from the callback that handed the token out, whatever uses are left", async () => {
    const time = clock();
    const tokens = cardTokens(10, time.now);
    expect(await tokens.see("c-1")).toBe(true);
    time.advance(29 * MINUTE);
    expect(await tokens.spend("c-1", budget)).toBe("ok");
    // Seen again (the same callback sent twice) keeps the first date.
    expect(await tokens.see("c-1")).toBe(true);
    time.advance(MINUTE - 1);
    expect(await tokens.spend("c-1", budget)).toBe("ok");
    expect(await tokens.spend("c-1", budget)).toBe("exhausted");
    const fresh = cardTokens(10, time.now);
    await fresh.see("c-2");
    time.advance(30 * MINUTE);
    expect(await fresh.spend("c-2", budget)).toBe("expired");
  });

  it("dates a token it never sent from its first update", async () => {
    const time = clock();
    const tokens = cardTokens(10, time.now);
    time.advance(45 * MINUTE);
    expect(await tokens.spend("c-unknown", budget)).toBe("ok");
    time.advance(30 * MINUTE - 1);
    expect(await tokens.spend("c-unknown", budget)).toBe("ok");
    time.advance(1);
    expect(await tokens.spend("c-unknown", budget)).toBe("expired");
  });

  it("never forgets a live token's count: full of live tokens, a new one is refused", async () => {
    const time = clock();
    const tokens = cardTokens(3, time.now);
    expect(await tokens.spend("a", budget)).toBe("ok");
    expect(await tokens.spend("a", budget)).toBe("ok");
    await tokens.see("b");
    await tokens.see("c");
    time.advance(10 * MINUTE);
    expect(await tokens.spend("d", budget)).toBe("full");
    expect(await tokens.see("e")).toBe(false);
    expect(await tokens.size()).toBe(3);
    // The spent token stays spent however many new tokens knock.
    for (let i = 0; i < 100; i++) await tokens.spend(`x${i}`, budget);
    expect(await tokens.spend("a", budget)).toBe("exhausted");
  });

  it("makes room from expired tokens only, oldest first, and keeps expired ones refused while there is room", async () => {
    const time = clock();
    const tokens = cardTokens(3, time.now);
    await tokens.see("old-1");
    time.advance(MINUTE);
    await tokens.see("old-2");
    time.advance(20 * MINUTE);
    await tokens.see("live");
    time.advance(10 * MINUTE);
    // old-1 (31 min) and old-2 (30 min) have expired; live (10 min) has not.
    expect(await tokens.spend("new-1", budget)).toBe("ok");
    expect(await tokens.size()).toBe(3);
    // old-2 was not needed for room, so it is still known, and still refused.
    expect(await tokens.spend("old-2", budget)).toBe("expired");
    expect(await tokens.spend("new-2", budget)).toBe("ok");
    expect(await tokens.spend("live", budget)).toBe("ok");
    // Now only live tokens remain: live (10 minutes old), new-1, new-2.
    expect(await tokens.spend("new-3", budget)).toBe("full");
    time.advance(20 * MINUTE);
    // live has had its 30 minutes and gives its place up; the newer ones keep theirs, and their counts.
    expect(await tokens.spend("new-3", budget)).toBe("ok");
    expect(await tokens.spend("new-1", budget)).toBe("ok");
    expect(await tokens.spend("new-1", budget)).toBe("exhausted");
  });

  it("without a budget counts nothing and never expires a token", async () => {
    const time = clock();
    const tokens = cardTokens(2, time.now);
    for (let i = 0; i < 5; i++) expect(await tokens.spend("t", undefined)).toBe("ok");
    time.advance(24 * 60 * MINUTE);
    expect(await tokens.spend("t", undefined)).toBe("ok");
  });
});
