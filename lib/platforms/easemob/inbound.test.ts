import { describe, expect, it } from "vitest";
import { EASEMOB_REACTION_SAMPLE, EASEMOB_SECRETS, EASEMOB_SIGNED_REACTION } from "./fixtures/vectors";
import { easemobInbound } from "./inbound";
import { easemobSecretsSchema } from "./reply";

const request = (body: unknown) => ({
  headers: new Headers({ "content-type": "application/json" }),
  body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
});
const strict = { requireSignature: true };
const lenient = { requireSignature: false };

describe("Easemob post-send callbacks", () => {
  it("parses the signed reaction sample into one reaction event with the message's whole state", async () => {
    expect(await easemobInbound.receive(request(EASEMOB_SIGNED_REACTION), EASEMOB_SECRETS, strict)).toEqual({
      type: "events",
      events: [
        {
          eventId: "XXXX#XXXX_uuid#0",
          kind: "reaction",
          actor: "user2",
          scene: "chat",
          control: "test-1",
          data: "create",
          subject: "99XXXX32",
          interactive: false,
          fields: { reaction: "test-1", op: "create", operator: "user2" },
          context: {},
          summary: "user2 +test-1",
          snapshot: {
            at: 1648722783700,
            state: [
              { reaction: "test", count: 1, userList: ["user2"] },
              { reaction: "test-1", count: 1, userList: ["user2"] },
            ],
            conversation: { from: "user2", to: "user3", channelType: "chat" },
          },
        },
      ],
    });
  });

  it("refuses a one-character change in security with 401", async () => {
    const security = `${EASEMOB_SIGNED_REACTION.security.slice(0, -1)}4`;
    expect(await easemobInbound.receive(request({ ...EASEMOB_SIGNED_REACTION, security }), EASEMOB_SECRETS, lenient)).toEqual({ type: "rejected", status: 401, code: "bad_signature" });
  });

  it("refuses a signature over another timestamp, or one with no callId", async () => {
    expect(await easemobInbound.receive(request({ ...EASEMOB_SIGNED_REACTION, timestamp: 1648722784820 }), EASEMOB_SECRETS, strict)).toMatchObject({ status: 401, code: "bad_signature" });
    const { callId: _callId, ...noCallId } = EASEMOB_SIGNED_REACTION;
    expect(await easemobInbound.receive(request(noCallId), EASEMOB_SECRETS, strict)).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("refuses a missing security when the endpoint requires signatures, and accepts it (deduplicating on msg_id + timestamp) when not", async () => {
    expect(await easemobInbound.receive(request(EASEMOB_REACTION_SAMPLE), EASEMOB_SECRETS, strict)).toEqual({ type: "rejected", status: 401, code: "signature_missing" });
    expect(await easemobInbound.receive(request(EASEMOB_REACTION_SAMPLE), EASEMOB_SECRETS)).toMatchObject({ status: 401, code: "signature_missing" });
    const outcome = await easemobInbound.receive(request(EASEMOB_REACTION_SAMPLE), EASEMOB_SECRETS, lenient);
    expect(outcome).toMatchObject({ type: "events", events: [{ eventId: "99XXXX56:1648722784819#0", summary: "user2 +test-1" }] });
  });

  it("gives one event per reaction record, each id carrying the delivery and its index", async () => {
    const second = { messageId: "m2", from: "a", to: "g1", channel_type: "groupchat", ts: 5, reactions: [{ reaction: "👍", count: 0, userList: [], op: [{ reactionType: "delete", operator: "a" }] }] };
    const body = { ...EASEMOB_REACTION_SAMPLE, payload: { ...EASEMOB_REACTION_SAMPLE.payload, data: [...EASEMOB_REACTION_SAMPLE.payload.data, second] } };
    const outcome = await easemobInbound.receive(request(body), EASEMOB_SECRETS, lenient);
    expect(outcome.type === "events" && outcome.events.map((e) => [e.eventId, e.summary, e.data, e.snapshot?.state])).toEqual([
      ["99XXXX56:1648722784819#0", "user2 +test-1", "create", [{ reaction: "test", count: 1, userList: ["user2"] }, { reaction: "test-1", count: 1, userList: ["user2"] }]],
      ["99XXXX56:1648722784819#1", "a -👍", "delete", []],
    ]);
  });

  it("stores other callbacks with a short summary instead of refusing them", async () => {
    const message = { callId: "XXXX#XXXX_1", timestamp: 1600060847294, chat_type: "chat", from: "u1", to: "u2", msg_id: "89", payload: { ext: {}, bodies: [{ msg: "rr", type: "txt" }] } };
    const thread = { chat_type: "notify", from: "admin", to: "user2", msg_id: "10XXXX24", timestamp: 1651029973480, payload: { type: "thread", data: { id: "17XXXX93", name: "test", operation: "update_msg" } } };
    const signed = JSON.parse(easemobInbound.sign(JSON.stringify(message), "0", EASEMOB_SECRETS, Buffer.alloc(32)).body) as unknown;
    expect(await easemobInbound.receive(request(signed), EASEMOB_SECRETS, strict)).toMatchObject({
      type: "events",
      events: [{ eventId: "XXXX#XXXX_1#0", kind: "event", subject: "89", summary: "txt message from u1 to u2", interactive: false }],
    });
    expect(await easemobInbound.receive(request(thread), EASEMOB_SECRETS, lenient)).toMatchObject({ type: "events", events: [{ kind: "event", summary: "thread test update_msg" }] });
  });

  it.each([
    ["a body that is not JSON", "callId=1&security=x"],
    ["JSON that is not an object", "[1,2]"],
    ["a body without payload", { chat_type: "notify", msg_id: "1", timestamp: 1 }],
    ["reaction data that is not a list", { ...EASEMOB_REACTION_SAMPLE, payload: { ...EASEMOB_REACTION_SAMPLE.payload, data: { messageId: "1" } } }],
    ["a reaction record without its message id", { ...EASEMOB_REACTION_SAMPLE, payload: { ...EASEMOB_REACTION_SAMPLE.payload, data: [{ reactions: [] }] } }],
  ])("refuses %s with 400, never a throw", async (_name, body) => {
    expect(await easemobInbound.receive(request(body), EASEMOB_SECRETS, lenient)).toEqual({ type: "rejected", status: 400, code: "invalid_payload" });
  });

  it("signs as Easemob: security over the body's callId and millisecond timestamp, and receive accepts it", async () => {
    const signed = easemobInbound.sign(JSON.stringify(EASEMOB_REACTION_SAMPLE), "0", EASEMOB_SECRETS, Buffer.alloc(32));
    const body = JSON.parse(signed.body) as { callId: string; timestamp: number; security: string };
    expect(body.callId).toMatch(/^XXXX#XXXX_[0-9a-f-]{36}$/);
    expect(body.timestamp).toBe(1648722784819);
    expect(signed.headers["content-type"]).toBe("application/json");
    const withVectorCallId = JSON.parse(easemobInbound.sign(JSON.stringify({ ...EASEMOB_REACTION_SAMPLE, callId: "XXXX#XXXX_uuid" }), "0", EASEMOB_SECRETS, Buffer.alloc(32)).body) as { security: string };
    expect(withVectorCallId.security).toBe("41ed4f586caef6743fc22bd2f6abcfe3");
    expect(await easemobInbound.receive(request(signed.body), EASEMOB_SECRETS, strict)).toMatchObject({ type: "events" });
  });

  it("answers with a tiny 200 and takes no reply", () => {
    const event = { eventId: "1", kind: "reaction" as const, interactive: false, fields: {}, context: {} };
    const ack = easemobInbound.acknowledge(event);
    expect(ack).toEqual({ status: 200, body: {} });
    expect(JSON.stringify(ack?.body).length).toBeLessThan(1000);
    expect(easemobInbound.deliver(event, {})).toEqual({ via: "response", answer: { status: 200, body: {} } });
    expect(easemobInbound.deliverLate("{}", {})).toBeNull();
    expect(easemobInbound.replySchema.safeParse({ code: 0 }).success).toBe(false);
  });

  it.each([
    [{ appKey: "org#app", secret: "s" }, true],
    [{ appKey: "orgapp", secret: "s" }, false],
    [{ appKey: "org#app#x", secret: "s" }, false],
    [{ appKey: "org#app", secret: "" }, false],
  ])("checks the secrets %j", (secrets, ok) => {
    expect(easemobSecretsSchema.safeParse(secrets).success).toBe(ok);
  });

  it("shows only the app key", () => {
    expect(easemobInbound.describeSecrets(EASEMOB_SECRETS)).toEqual({ appKey: "XXXX#XXXX" });
  });
});

describe("Easemob bodies that could not be stored (issue 12)", () => {
  it("refuses lone surrogates and deep nesting with 400 before anything else, and never throws on non-JSON", async () => {
    const surrogate = JSON.stringify({ ...EASEMOB_SIGNED_REACTION, from: "\udfff" });
    expect(await easemobInbound.receive(request(surrogate), EASEMOB_SECRETS, strict)).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
    const deep = JSON.stringify({ ...EASEMOB_SIGNED_REACTION, extra: 0 }).replace('"extra":0', `"extra":${"{\"a\":".repeat(5000)}1${"}".repeat(5000)}`);
    expect(await easemobInbound.receive(request(deep), EASEMOB_SECRETS, lenient)).toEqual({ type: "rejected", status: 400, code: "too_deep" });
    expect(await easemobInbound.receive(request("\u00ff{"), EASEMOB_SECRETS, lenient)).toEqual({ type: "rejected", status: 400, code: "invalid_payload" });
  });

  it("signs (as the simulator) only what it can serialize: a deep body goes as it is", () => {
    const deep = `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(easemobInbound.sign(deep, "1", EASEMOB_SECRETS, Buffer.alloc(32)).body).toBe(deep);
  });
});
