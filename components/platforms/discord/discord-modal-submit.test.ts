import { describe, expect, it } from "vitest";
import { discordComponentInteraction } from "@/lib/platforms/discord/click";
import { isModalSubmit, modalOfAnswer, modalSubmitAfter } from "./discord-modal-submit";

const modal = {
  title: "Feedback",
  custom_id: "feedback",
  components: [{ type: 18, label: "Your answer", component: { type: 4, custom_id: "answer", style: 1 } }],
};
const opening = { ...discordComponentInteraction({ type: 2, custom_id: "open", style: 1 }, { userId: "42", roles: ["7"], isAdmin: false }), message: { id: "M1" } };

describe("modalOfAnswer", () => {
  it.each([
    ["a type-9 answer", JSON.stringify({ type: 9, data: modal }), modal],
    ["a message answer", JSON.stringify({ type: 4, data: { content: "hi" } }), null],
    ["type 9 without a modal", JSON.stringify({ type: 9, data: { content: "hi" } }), null],
    ["not JSON", "<html>", null],
    ["no answer yet", null, null],
  ])("%s", (_, body, expected) => expect(modalOfAnswer(body)).toEqual(expected));
});

describe("modalSubmitAfter", () => {
  const submit = modalSubmitAfter(opening, modal, { answer: "typed" })!;

  it("is a MODAL_SUBMIT with the typed value by custom_id", () => {
    expect(submit.type).toBe(5);
    expect(submit.data).toEqual({ custom_id: "feedback", components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: "answer", value: "typed" } }] });
    expect(isModalSubmit(submit)).toBe(true);
    expect(isModalSubmit(opening)).toBe(false);
  });

  it("is a new interaction: its own id and token", () => {
    expect(submit.id).not.toBe(opening.id);
    expect(submit.token).not.toBe(opening.token);
    expect(typeof submit.token).toBe("string");
  });

  it("keeps the opening's envelope: application, guild, channel, member and message", () => {
    for (const key of ["application_id", "guild_id", "channel_id", "member", "message", "version"] as const) expect(submit[key]).toEqual(opening[key]);
  });

  it("makes up no guild or member for a DM", () => {
    const { guild_id: _g, member: _m, ...dm } = { ...opening, user: { id: "9" } };
    const inDm = modalSubmitAfter(dm, modal, {})!;
    expect(inDm).not.toHaveProperty("guild_id");
    expect(inDm).not.toHaveProperty("member");
    expect(inDm.user).toEqual({ id: "9" });
  });

  it("is null for no opening or no modal", () => {
    expect(modalSubmitAfter(null, modal, {})).toBeNull();
    expect(modalSubmitAfter(opening, { title: "x" }, {})).toBeNull();
  });
});
