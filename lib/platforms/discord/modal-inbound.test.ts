import { describe, expect, it } from "vitest";
import { compileRule } from "@/lib/interactions/rules";
import { issuesFromZod, WITH_INPUT } from "../issues";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED, DISCORD_TIMESTAMP } from "./fixtures/vectors";
import { discordInbound } from "./inbound";
import { choices, label, modal, textInput } from "./modal/fixtures";
import { discordModalLayout } from "./modal/index";
import { discordReplySchema } from "./reply";
import { signDiscord } from "./signature";

const secrets = { publicKey: DISCORD_PUBLIC_KEY };
const signed = (body: string) => ({
  headers: new Headers({ "x-signature-ed25519": signDiscord(DISCORD_SEED, DISCORD_TIMESTAMP, body), "x-signature-timestamp": DISCORD_TIMESTAMP }),
  body: Buffer.from(body),
});
const actor = { userId: "u1", roles: [], isAdmin: false };
const form = modal([label(textInput("name")), label({ type: 21, custom_id: "colour", options: choices(2) }), label({ type: 22, custom_id: "days", options: choices(3) }), label({ type: 23, custom_id: "agree" })]);

/** The MODAL_SUBMIT the preview sends for `form`, as bytes Discord would sign. */
function submitBody(extra: Record<string, unknown> = {}) {
  const outcome = discordModalLayout.click(form, actor, { formValue: { name: "Ann", colour: "v1", days: ["v0", "v2"], agree: true } });
  if (outcome.kind !== "request") throw new Error("no request");
  return JSON.stringify({ ...(outcome.payload as object), ...extra });
}

describe("MODAL_SUBMIT (interaction type 5)", () => {
  it("is parsed into a submit event: the modal's custom_id and each value by custom_id", async () => {
    const outcome = await discordInbound.receive(signed(submitBody()), secrets);
    const values = '{"name":"Ann","colour":"v1","days":["v0","v2"],"agree":true}';
    expect(outcome).toMatchObject({
      type: "events",
      events: [{ kind: "submit", interactive: true, actor: "u1", control: "feedback", data: values, fields: { control: "feedback", modal: "feedback", data: values } }],
    });
  });

  it("reads the docs' File Upload example and a deprecated Action Row; skips what does not read", async () => {
    const body = JSON.stringify({
      id: "5", application_id: "a", type: 5, token: "t", user: { id: "u2" },
      data: {
        custom_id: "bug_submit_modal",
        components: [
          { component: { custom_id: "file_upload", id: 2, type: 19, values: ["111111111111111111111"] }, id: 1, type: 18 },
          { type: 1, id: 3, components: [{ type: 4, id: 4, custom_id: "old", value: "row" }] },
          { type: 10, id: 5 },
          "odd",
          { type: 18, id: 6, component: { type: 4, value: "no custom_id" } },
        ],
      },
    });
    const outcome = await discordInbound.receive(signed(body), secrets);
    expect(outcome).toMatchObject({ events: [{ kind: "submit", actor: "u2", data: '{"file_upload":["111111111111111111111"],"old":"row"}' }] });
  });

  it("falls back to 6 for a modal opened from a message, to 5 for one opened by a command", async () => {
    const fromMessage = await discordInbound.receive(signed(submitBody({ message: { id: "m1" } })), secrets);
    const fromCommand = await discordInbound.receive(signed(submitBody()), secrets);
    if (fromMessage.type !== "events" || fromCommand.type !== "events") throw new Error("no events");
    expect(discordInbound.defaultFallback(fromMessage.events[0]!)).toEqual({ type: 6 });
    expect(discordInbound.defaultFallback(fromCommand.events[0]!)).toEqual({ type: 5 });
  });

  it("lets rules match the modal's custom_id and a submitted value", async () => {
    const outcome = await discordInbound.receive(signed(submitBody()), secrets);
    if (outcome.type !== "events") throw new Error("no events");
    const event = outcome.events[0]!;
    const test = (on: string, pattern: string) => compileRule("r", { on, pattern }, { type: 4 }).test(event);
    expect(test("modal", "feed*")).toBe(true);
    expect(test("modal", "other")).toBe(false);
    expect(test("data", '{"colour":"v1"}')).toBe(true);
    expect(test("data", '{"colour":"v0"}')).toBe(false);
    expect(test("data", "name=A*")).toBe(true);
    expect(test("data", '{"agree":true,"days":["v0","v2"]}')).toBe(true);
  });
});

describe("Reply type 9: open a modal", () => {
  const reply = { type: 9 as const, data: modal([label(textInput("a"))]) };

  it("answers a button or a command, never a MODAL_SUBMIT (Discord: not for MODAL_SUBMIT and PING)", () => {
    expect(discordInbound.replyFits("button", reply)).toBe(true);
    expect(discordInbound.replyFits("command", reply)).toBe(true);
    expect(discordInbound.replyFits("submit", reply)).toBe(false);
    expect(discordInbound.replyFits("event", reply)).toBe(false);
  });

  it.each([4, 5, 6, 7] as const)("a person answers a MODAL_SUBMIT with %i", (type) => {
    expect(discordInbound.replyFits("submit", { type })).toBe(true);
  });

  it("is validated with the modal rules, each finding under data with its own code", () => {
    expect(discordReplySchema.safeParse(reply).success).toBe(true);
    const bad = discordReplySchema.safeParse({ type: 9, data: modal([label(textInput("a"))], { title: "t".repeat(46) }) }, WITH_INPUT);
    expect(bad.success ? [] : issuesFromZod(bad.error)).toEqual([{ code: "discord.modal.title.length", path: ["data", "title"], params: { min: 1, max: 45, count: 46 } }]);
    const none = discordReplySchema.safeParse({ type: 9 }, WITH_INPUT);
    expect(none.success ? [] : issuesFromZod(none.error).map((i) => i.code)).toEqual(["field.type"]);
  });

  it("goes out as the HTTP answer, and never as a late follow-up (the webhook cannot open a modal)", () => {
    const event = { eventId: "1", kind: "button" as const, interactive: true, fields: {}, context: {} };
    expect(discordInbound.deliver(event, reply)).toEqual({ via: "response", answer: { status: 200, body: reply } });
    expect(discordInbound.deliverLate(JSON.stringify({ id: "1", application_id: "app", token: "tok", type: 3 }), reply)).toBeNull();
  });
});
