import { describe, expect, it } from "vitest";
import type { Actor } from "../types";
import { clickFeishuButton } from "./click";

const actor: Actor = { userId: "867abc", roles: [], isAdmin: false };
const plain = (content: string) => ({ tag: "plain_text", content });
const callback = (value: unknown, extra: Record<string, unknown> = {}) => ({
  tag: "button", name: "Button_ok", text: plain("OK"), behaviors: [{ type: "callback", value }], ...extra,
});

function request(outcome: ReturnType<typeof clickFeishuButton>) {
  if (outcome.kind !== "request") throw new Error(`expected a request, got ${outcome.kind}`);
  return outcome.payload as {
    schema: string;
    header: Record<string, string>;
    event: { operator: Record<string, string>; token: string; action: Record<string, unknown>; host: string; context: Record<string, string> };
  };
}

describe("clicking a Feishu card button", () => {
  it("sends the card.action.trigger 2.0 request with the button's value", () => {
    const before = Date.now() * 1000;
    const payload = request(clickFeishuButton(callback({ action: "approve", id: "42" }), actor));
    const after = Date.now() * 1000;
    expect(payload.schema).toBe("2.0");
    expect(payload.header).toMatchObject({ event_type: "card.action.trigger", token: "", app_id: "" });
    expect(payload.header.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(payload.header.create_time).toMatch(/^\d{16}$/);
    expect(Number(payload.header.create_time)).toBeGreaterThanOrEqual(before);
    expect(Number(payload.header.create_time)).toBeLessThanOrEqual(after);
    expect(payload.event.operator).toMatchObject({ open_id: "ou_867abc", user_id: "867abc" });
    expect(payload.event.token).toMatch(/^c-[0-9a-f]{40}$/);
    expect(payload.event.action).toEqual({ value: { action: "approve", id: "42" }, tag: "button", timezone: "Asia/Shanghai", name: "Button_ok" });
    expect(payload.event.host).toBe("im_message");
    expect(payload.event.context.open_message_id).toMatch(/^om_simulated/);
    expect(payload.event.context.open_chat_id).toMatch(/^oc_simulated/);
  });

  it("sends a string value as it is and fresh ids every click", () => {
    const first = request(clickFeishuButton(callback("ok"), actor));
    const second = request(clickFeishuButton(callback("ok"), actor));
    expect(first.event.action.value).toBe("ok");
    expect(first.header.event_id).not.toBe(second.header.event_id);
    expect(first.event.token).not.toBe(second.event.token);
  });

  it("submits a form with what was typed", () => {
    const button = { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit" };
    const payload = request(clickFeishuButton(button, actor, { formValue: { reason: "sick", days: "2" } }));
    expect(payload.event.action).toEqual({ tag: "button", timezone: "Asia/Shanghai", form_value: { reason: "sick", days: "2" }, name: "submit" });
    const legacy = request(clickFeishuButton({ ...button, form_action_type: undefined, action_type: "form_submit" }, actor, { formValue: {} }));
    expect(legacy.event.action.form_value).toEqual({});
  });

  it("opens the link of an open_url behavior, the desktop one first", () => {
    const link = (urls: Record<string, string>) => ({ tag: "button", text: plain("Docs"), behaviors: [{ type: "open_url", ...urls }] });
    expect(clickFeishuButton(link({ default_url: "https://open.feishu.cn" }), actor)).toEqual({ kind: "link", url: "https://open.feishu.cn" });
    expect(clickFeishuButton(link({ default_url: "https://a.dev", pc_url: "https://pc.dev" }), actor)).toEqual({ kind: "link", url: "https://pc.dev" });
  });

  it("does nothing for disabled, reset, inert or non-buttons", () => {
    expect(clickFeishuButton(callback("x", { disabled: true }), actor)).toEqual({ kind: "none", code: "feishu.click.disabled" });
    expect(clickFeishuButton({ tag: "button", text: plain("R"), form_action_type: "reset" }, actor)).toEqual({ kind: "none", code: "feishu.click.reset" });
    expect(clickFeishuButton({ tag: "button", text: plain("R") }, actor)).toEqual({ kind: "none", code: "feishu.click.noBehavior" });
    expect(clickFeishuButton({ tag: "markdown", content: "x" }, actor)).toEqual({ kind: "none", code: "feishu.click.invalid" });
  });
});
