import { describe, expect, it } from "vitest";
import { eventId, eventsSince, publish } from "./bus";

describe("live bus resume", () => {
  it("returns what a client missed, nothing when current, and asks for a reset across restarts", () => {
    const first = publish({ type: "interaction.created", id: "a", endpointId: "e", status: "pending" });
    const second = publish({ type: "interaction.updated", id: "a", endpointId: "e", status: "answered" });
    expect(eventsSince(eventId(first))?.map((e) => e.id + e.status)).toEqual(["aanswered"]);
    expect(eventsSince(eventId(second))).toEqual([]);
    expect(eventsSince(`otherboot-${second.seq}`)).toBeNull();
    expect(eventsSince("garbage")).toBeNull();
  });
});
