import { describe, expect, it } from "vitest";
import { EASEMOB_SECRETS, EASEMOB_SIGNED_REACTION } from "./fixtures/vectors";
import { easemobInbound } from "./inbound";
import { easemobReactions } from "./reactions";

const request = (body: string) => ({ headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(body) });

describe("Easemob reaction model", () => {
  it("reads what receive() stores as a snapshot, and nothing from a state of another shape", async () => {
    const outcome = await easemobInbound.receive(request(JSON.stringify(EASEMOB_SIGNED_REACTION)), EASEMOB_SECRETS, { requireSignature: true });
    const snapshot = outcome.type === "events" ? outcome.events[0]?.snapshot : undefined;
    expect(easemobReactions.readState(snapshot?.state)).toEqual([
      { reaction: "test", count: 1, users: ["user2"] },
      { reaction: "test-1", count: 1, users: ["user2"] },
    ]);
    expect(easemobReactions.readState({ reaction: "x" })).toEqual([]);
    expect(easemobReactions.readState([{ reaction: "x", count: -1 }])).toEqual([]);
  });

  it("finds an operation's own time by the record index in its event id", () => {
    const body = { payload: { data: [{ ts: 5 }, { ts: 9 }] } };
    expect(easemobReactions.operationTime(body, "call#1")).toBe(9);
    expect(easemobReactions.operationTime(body, "call#0")).toBe(5);
    expect(easemobReactions.operationTime(body, "call#7")).toBeNull();
    expect(easemobReactions.operationTime(body, "call#-1")).toBeNull();
    expect(easemobReactions.operationTime({ payload: "x" }, "call#0")).toBeNull();
  });

  it("names ops in the app's terms", () => {
    expect(["create", "delete", "other", null].map((op) => easemobReactions.opOf(op))).toEqual(["add", "remove", "other", "other"]);
  });

  it("simulates the callback Easemob sends: signed, it is received as the operation with the message's whole state", async () => {
    const change = {
      user: "u2",
      reaction: "👍",
      op: "remove" as const,
      messageId: "m-1",
      conversation: { from: "u1", to: "g1", channelType: "groupchat" },
      reactions: [{ reaction: "❤️", count: 1, users: ["u1"] }, { reaction: "👍", count: 0, users: [] }],
    };
    const body = easemobReactions.simulator.callback(change, easemobInbound.describeSecrets(EASEMOB_SECRETS), 1_700_000_000_000);
    const signed = easemobInbound.sign(JSON.stringify(body), "0", EASEMOB_SECRETS, Buffer.alloc(32));
    const outcome = await easemobInbound.receive(request(signed.body), EASEMOB_SECRETS, { requireSignature: true });
    expect(outcome).toMatchObject({
      type: "events",
      events: [{ kind: "reaction", actor: "u2", control: "👍", data: "delete", subject: "m-1", scene: "groupchat", snapshot: { at: 1_700_000_000_000, conversation: change.conversation } }],
    });
    const event = outcome.type === "events" ? outcome.events[0]! : undefined;
    expect(easemobReactions.opOf(event?.data ?? null)).toBe("remove");
    expect(easemobReactions.readState(event?.snapshot?.state)).toEqual([{ reaction: "❤️", count: 1, users: ["u1"] }]);
    expect(easemobReactions.operationTime(JSON.parse(signed.body), event!.eventId)).toBe(1_700_000_000_000);
    expect(easemobReactions.channelTypes).toContain(change.conversation.channelType);
  });
});
