import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHolds, type Holds } from "@/lib/interactions/holds";
import { ACK_WAIT_MS, createHoldRelay, type HoldRelay } from "./hold-relay";
import { twoInstances } from "./two-instances";

let cluster: Awaited<ReturnType<typeof twoInstances>>;
let holdsA: Holds;
let relayA: HoldRelay;
let relayB: HoldRelay;

beforeAll(async () => {
  cluster = await twoInstances();
  holdsA = createHolds();
  relayA = createHoldRelay(cluster.a, holdsA);
  relayB = createHoldRelay(cluster.b, createHolds());
  await Promise.all([relayA.start(), relayB.start()]);
});
afterAll(async () => {
  await Promise.all([relayA.close(), relayB.close()]);
  await cluster.close();
});

describe("held requests across two instances on one PostgreSQL", () => {
  it("a request held on A gets the reply sent through B, and B learns it was held", async () => {
    const held = holdsA.holdFor("i-1", 2_000);
    expect(await relayB.probe("i-1")).toBe(true);
    // A probe leaves the hold as it was.
    expect(holdsA.isHeld("i-1")).toBe(true);
    const started = performance.now();
    expect(await relayB.release("i-1", { type: 4, data: { content: "from B" } })).toBe(true);
    console.log(`[held request] released across instances and acknowledged in ${(performance.now() - started).toFixed(2)} ms`);
    expect(await held).toEqual({ type: 4, data: { content: "from B" } });
    expect(holdsA.isHeld("i-1")).toBe(false);
  });

  it("answers false within the wait when nobody holds the request (its holder died or its deadline passed)", async () => {
    const started = performance.now();
    expect(await relayB.release("nobody", { type: 4 })).toBe(false);
    expect(await relayB.probe("nobody")).toBe(false);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(2 * ACK_WAIT_MS - 5);
    expect(waited).toBeLessThan(2 * ACK_WAIT_MS + 1_000);
  });

  it("a reply too large for a NOTIFY reaches the holder through the row the winning answer wrote", async () => {
    const reply = { type: 4, data: { content: "x".repeat(1_900), embeds: Array.from({ length: 5 }, (_, i) => ({ description: `${i}`.repeat(1_900) })) } };
    await cluster.b.query(`INSERT INTO "Endpoint" ("id", "platform", "name", "fallback", "secrets", "updatedAt") VALUES ('ep-1', 'discord', 'd', 'null', 'x', now())`);
    await cluster.b.query(
      `INSERT INTO "Interaction" ("id", "endpointId", "platform", "eventId", "kind", "status", "headers", "body", "reply", "receivedAt") VALUES ('i-big', 'ep-1', 'discord', 'e', 'button', 'answered', '{}', '{}', $1, now())`,
      [JSON.stringify(reply)],
    );
    const held = holdsA.holdFor("i-big", 2_000);
    expect(await relayB.release("i-big", reply)).toBe(true);
    expect(await held).toEqual(reply);
  });
});
