import { describe, expect, it } from "vitest";
import { qqInteractionDispatch } from "./click";
import { QQ_VALIDATION_EXAMPLE } from "./fixtures/vectors";
import { qqInbound } from "./inbound";
import { signQq } from "./signature";

const secrets = { appId: "11111111", secret: QQ_VALIDATION_EXAMPLE.secret };
const signed = (body: string, timestamp = "1725442341", secret = secrets.secret) => ({
  headers: new Headers({ "x-signature-ed25519": signQq(secret, timestamp, body), "x-signature-timestamp": timestamp }),
  body: Buffer.from(body),
});

describe("QQ callbacks", () => {
  it("answers the official op 13 example (unsigned, as the docs show it)", async () => {
    const outcome = await qqInbound.receive({ headers: new Headers({ "x-bot-appid": "11111111" }), body: Buffer.from(QQ_VALIDATION_EXAMPLE.body) }, secrets);
    expect(outcome).toEqual({ type: "handshake", status: 200, body: QQ_VALIDATION_EXAMPLE.response });
  });

  it("checks op 13 when it is signed, and refuses a bad signature", async () => {
    expect((await qqInbound.receive(signed(QQ_VALIDATION_EXAMPLE.body), secrets)).type).toBe("handshake");
    expect(await qqInbound.receive(signed(QQ_VALIDATION_EXAMPLE.body, "1725442341", "another-secret"), secrets)).toMatchObject({ status: 401 });
  });

  it("refuses to sign anything shaped like a body (no signing oracle through op 13)", async () => {
    const forged = JSON.stringify({ op: 0, t: "INTERACTION_CREATE", d: { id: "x" } });
    const body = JSON.stringify({ op: 13, d: { plain_token: forged, event_ts: "1700000000" } });
    expect(await qqInbound.receive({ headers: new Headers(), body: Buffer.from(body) }, secrets)).toMatchObject({ type: "rejected", status: 400 });
    const letters = JSON.stringify({ op: 13, d: { plain_token: "abc", event_ts: "17x" } });
    expect(await qqInbound.receive({ headers: new Headers(), body: Buffer.from(letters) }, secrets)).toMatchObject({ type: "rejected", status: 400 });
  });

  it("parses a signed INTERACTION_CREATE into a button event", async () => {
    const dispatch = qqInteractionDispatch({ id: "21", data: "回调按钮" }, { userId: "u1", roles: [], isAdmin: false, scene: "group" });
    const outcome = await qqInbound.receive(signed(JSON.stringify(dispatch)), secrets);
    expect(outcome).toEqual({
      type: "events",
      events: [{ eventId: dispatch.d.id, kind: "button", interactive: true, scene: "group", actor: "u1", control: "21", data: "回调按钮", fields: { control: "21", data: "回调按钮" }, context: {} }],
    });
    expect(qqInbound.acknowledge(outcome.type === "events" ? outcome.events[0]! : (undefined as never))).toEqual({ status: 200, body: { op: 12, d: 0 } });
  });

  it("takes other dispatches as events to log and acknowledge", async () => {
    const outcome = await qqInbound.receive(signed('{"id":"ev1","op":0,"t":"GROUP_AT_MESSAGE_CREATE","d":{"id":"m1"}}'), secrets);
    expect(outcome).toMatchObject({ type: "events", events: [{ eventId: "ev1", kind: "event", interactive: false }] });
  });

  it.each([
    ["an unsigned dispatch", { headers: new Headers(), body: Buffer.from('{"op":0,"t":"INTERACTION_CREATE","d":{"id":"x"}}') }, 401],
    ["a tampered body", { ...signed('{"op":0,"t":"INTERACTION_CREATE","d":{"id":"x"}}'), body: Buffer.from('{"op":0,"t":"INTERACTION_CREATE","d":{"id":"y"}}') }, 401],
    ["a body that is not JSON", signed("not json"), 400],
    ["an interaction without id", signed('{"op":0,"t":"INTERACTION_CREATE","d":{}}'), 400],
  ])("refuses %s", async (_name, request, status) => {
    expect(await qqInbound.receive(request, secrets)).toMatchObject({ type: "rejected", status });
  });

  it("replies to a click with PUT /interactions/{id} {code}", async () => {
    const event = { eventId: "abc", kind: "button" as const, interactive: true, fields: {}, context: {} };
    expect(qqInbound.deliver(event, { code: 0 })).toEqual({ via: "api", method: "PUT", path: "/interactions/abc", body: { code: 0 }, auth: "app-token" });
    expect(qqInbound.deliverLate("{}", { code: 0 })).toBeNull();
  });
});

describe("QQ bodies that could not be stored or sent back (issue 12)", () => {
  const click = (id: string) => JSON.stringify({ op: 0, id: "e1", t: "INTERACTION_CREATE", d: { id, scene: "group", data: { resolved: { button_id: "b" } } } });

  it("refuses a correctly signed INTERACTION_CREATE whose d.id holds a lone surrogate", async () => {
    expect(await qqInbound.receive(signed(click("\ud800x1")), secrets)).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
    // Escaped in the JSON text, as a hostile client sends it.
    expect(await qqInbound.receive(signed(click("x").replace('"id":"x"', '"id":"\\ud800x1"')), secrets)).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
  });

  it("refuses nesting deeper than 64 and invalid JSON, without throwing", async () => {
    const deep = `{"op":0,"t":"X","d":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(await qqInbound.receive(signed(deep), secrets)).toEqual({ type: "rejected", status: 400, code: "too_deep" });
    expect(await qqInbound.receive(signed("{\"op\":"), secrets)).toEqual({ type: "rejected", status: 400, code: "invalid_payload" });
  });

  it("still addresses a stored id with a lone surrogate without throwing (rows stored before the fix)", () => {
    const event = { eventId: "\ud800x1", kind: "button" as const, interactive: true, fields: {}, context: {} };
    expect(qqInbound.deliver(event, { code: 0 })).toMatchObject({ via: "api", method: "PUT", path: "/interactions/%EF%BF%BDx1" });
  });
});
