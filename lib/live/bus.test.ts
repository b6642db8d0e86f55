import { describe, expect, it } from "vitest";
import { memoryBus } from "./memory-bus";

describe("live bus resume (SQLite: in memory)", () => {
  it("returns what a client missed, nothing when current, and asks for a reset across restarts", async () => {
    const bus = memoryBus();
    const first = bus.publishNow({ type: "interaction.created", id: "a", endpointId: "e", status: "pending" });
    const second = bus.publishNow({ type: "interaction.updated", id: "a", endpointId: "e", status: "answered" });
    expect(bus.eventsSinceNow(bus.eventId(first))?.map((e) => e.id + e.status)).toEqual(["aanswered"]);
    expect(await bus.eventsSince(bus.eventId(second))).toEqual([]);
    expect(bus.eventsSinceNow(`otherboot-${second.seq}`)).toBeNull();
    expect(bus.eventsSinceNow("garbage")).toBeNull();
  });

  it("delivers to subscribers synchronously, as the callback path publishes", () => {
    const bus = memoryBus();
    const seen: string[] = [];
    const stop = bus.subscribe((event) => seen.push(event.status));
    bus.publish({ type: "interaction.created", id: "b", endpointId: "e", status: "pending" });
    stop();
    bus.publish({ type: "interaction.updated", id: "b", endpointId: "e", status: "answered" });
    expect(seen).toEqual(["pending"]);
  });
});
