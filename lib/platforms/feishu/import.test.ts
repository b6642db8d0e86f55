import { describe, expect, it } from "vitest";
import { importLayout } from "@/lib/builder/import-layout";

const plain = (content: string) => ({ tag: "plain_text", content });
const qqButton = {
  id: "1",
  render_data: { label: "OK", visited_label: "OK", style: 1 },
  action: { type: 1, permission: { type: 2 }, data: "ok", unsupport_tips: "Please update QQ" },
};
const qqKeyboard = { content: { rows: [{ buttons: [qqButton] }] } };

describe("pasting JSON with Feishu chosen, and Feishu JSON with another platform chosen", () => {
  it.each([
    ["a QQ send-message body", { msg_type: 2, markdown: { content: "# Hi" }, keyboard: qqKeyboard }, "qq"],
    ["a QQ keyboard", qqKeyboard, "qq"],
    ["a Discord message body", { content: "Pick", components: [{ type: 1, components: [] }] }, "discord"],
    ["bare Discord rows", [{ type: 1, components: [] }], "discord"],
  ])("%s stays with its platform", (_name, json, platform) => {
    expect(importLayout(JSON.stringify(json), "feishu")).toMatchObject({ ok: true, platform });
  });

  it.each(["qq", "discord"] as const)("a Feishu 1.0 card is recognised with %s chosen, converted with warnings", (preferred) => {
    const v1 = { elements: [{ tag: "action", actions: [{ tag: "button", text: plain("Go"), value: "go" }] }] };
    const result = importLayout(JSON.stringify(v1), preferred);
    expect(result).toMatchObject({ ok: true, platform: "feishu", text: "", warnings: 3 });
    expect(result.ok && result.layout).toEqual({
      schema: "2.0",
      body: { elements: [{ tag: "button", text: plain("Go"), behaviors: [{ type: "callback", value: "go" }] }] },
    });
  });

  it("reads a Feishu send-message body whatever platform is chosen", () => {
    const card = { schema: "2.0", body: { elements: [{ tag: "markdown", content: "hi" }] } };
    const body = { msg_type: "interactive", content: JSON.stringify(card) };
    expect(importLayout(JSON.stringify(body), "discord")).toMatchObject({ ok: true, platform: "feishu", layout: card, warnings: 0 });
  });
});
