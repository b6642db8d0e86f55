import { describe, expect, it } from "vitest";
import { createHolds, heldAnywhere, holdFor, isHeld, releaseAnywhere } from "./holds";

describe("held requests (SQLite: one process)", () => {
  it("a hold resolves with the reply it is released with, or null at its deadline", async () => {
    const holds = createHolds();
    const released = holds.holdFor("a", 1_000);
    const timedOut = holds.holdFor("b", 5);
    expect(holds.heldCount()).toBe(2);
    expect(holds.release("a", { ok: 1 })).toBe(true);
    expect(holds.release("a", { ok: 2 })).toBe(false);
    expect(await released).toEqual({ ok: 1 });
    expect(await timedOut).toBeNull();
    expect(holds.heldCount()).toBe(0);
  });

  it("releaseAnywhere and heldAnywhere are this process's hold alone, answered at once", async () => {
    const held = holdFor("c", 1_000);
    expect(await heldAnywhere("c")).toBe(true);
    expect(await releaseAnywhere("c", "reply")).toBe(true);
    expect(await held).toBe("reply");
    expect(isHeld("c")).toBe(false);
    const started = performance.now();
    expect(await releaseAnywhere("c", "again")).toBe(false);
    expect(await heldAnywhere("c")).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
