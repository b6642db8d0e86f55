import { describe, expect, it } from "vitest";
import type { ParsedEvent } from "../inbound";
import type { Actor, ClickInput } from "../types";
import { clickFeishuElement } from "./click";
import { FEISHU_INTERACTIVE_TAGS } from "./limits";
import { feishuInbound } from "./inbound";
import type { FeishuSecrets } from "./reply";

// What a click in the preview sends, our own endpoint accepts: clickFeishuElement → sign (as the simulator
// does) → receive, for every interactive component, encrypted and plain, with each tag's own rule fields.

const plain: FeishuSecrets = { appId: "cli_rt", appSecret: "s", verificationToken: "v-token-rt" };
const encrypted: FeishuSecrets = { ...plain, encryptKey: "rt-encrypt-key" };
const actor: Actor = { userId: "ou_rt", roles: [], isAdmin: false };
const cb = { behaviors: [{ type: "callback", value: { k: "v" } }] };
const opts = [{ text: { tag: "plain_text", content: "A" }, value: "a" }, { text: { tag: "plain_text", content: "B" }, value: "b" }];
const formValue = { note: "飞书", tags: ["a", "b"], none: [], day: "2024-04-01 +0800", at: "00:00 +0800", done: true, off: false };

type Case = [string, Record<string, unknown>, ClickInput, Record<string, string>, string | undefined];
const cases: Case[] = [
  ["button", { tag: "button", name: "ok", ...cb }, {}, { tag: "button", name: "ok", value: '{"k":"v"}' }, '{"k":"v"}'],
  ["button, string value", { tag: "button", behaviors: [{ type: "callback", value: "go" }] }, {}, { tag: "button", value: "go" }, "go"],
  ["form submit", { tag: "button", name: "send", form_action_type: "submit" }, { formValue }, { tag: "button", name: "send", form: JSON.stringify(formValue) }, undefined],
  ["input", { tag: "input", name: "i", ...cb }, { value: "hello" }, { tag: "input", name: "i", input: "hello", value: '{"k":"v"}' }, '{"k":"v"}'],
  ["input, empty", { tag: "input" }, { value: "" }, { tag: "input", input: "" }, ""],
  ["overflow", { tag: "overflow", options: opts }, { value: "b" }, { tag: "overflow", option: "b" }, "b"],
  ["select_static", { tag: "select_static", options: opts, ...cb }, { value: "a" }, { tag: "select_static", option: "a", value: '{"k":"v"}' }, '{"k":"v"}'],
  ["multi_select_static", { tag: "multi_select_static", options: opts }, { value: ["a", "b"] }, { tag: "multi_select_static", options: '["a","b"]' }, '["a","b"]'],
  ["multi_select_static, none", { tag: "multi_select_static", options: opts }, { value: [] }, { tag: "multi_select_static", options: "[]" }, "[]"],
  ["select_person", { tag: "select_person" }, { value: "ou_b96" }, { tag: "select_person", option: "ou_b96" }, "ou_b96"],
  ["multi_select_person", { tag: "multi_select_person" }, { value: ["ou_1", "ou_2"] }, { tag: "multi_select_person", options: '["ou_1","ou_2"]' }, '["ou_1","ou_2"]'],
  ["date_picker", { tag: "date_picker" }, { value: "2025-06-10" }, { tag: "date_picker", option: "2025-06-10 +0800" }, "2025-06-10 +0800"],
  ["picker_time", { tag: "picker_time" }, { value: "19:19" }, { tag: "picker_time", option: "19:19 +0800" }, "19:19 +0800"],
  ["picker_datetime", { tag: "picker_datetime" }, { value: "2025-06-10T19:19" }, { tag: "picker_datetime", option: "2025-06-10 19:19 +0800" }, "2025-06-10 19:19 +0800"],
  ["select_img", { tag: "select_img", options: [{ img_key: "k", value: "picture1" }] }, { value: ["picture1"] }, { tag: "select_img", options: '["picture1"]' }, '["picture1"]'],
  ["checker, ticked", { tag: "checker", name: "c", ...cb }, { value: true }, { tag: "checker", name: "c", checked: "true", value: '{"k":"v"}' }, '{"k":"v"}'],
  ["checker, cleared", { tag: "checker", behaviors: [{ type: "callback", value: "t" }] }, { value: false }, { tag: "checker", checked: "false", value: "t" }, "t"],
  ["interactive_container", { tag: "interactive_container", elements: [], ...cb }, {}, { tag: "interactive_container", value: '{"k":"v"}' }, '{"k":"v"}'],
];

function onlyEvent(outcome: Awaited<ReturnType<typeof feishuInbound.receive>>): ParsedEvent {
  if (outcome.type !== "events") throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0]!;
}

describe("a Feishu click from the preview is accepted by our own receive", () => {
  it("covers every interactive component", () => {
    const tags = new Set(cases.map(([, node]) => node.tag));
    expect(FEISHU_INTERACTIVE_TAGS.filter((tag) => !tags.has(tag))).toEqual([]);
  });

  it.each(cases)("%s, encrypted and plain", async (_name, node, input, fields, data) => {
    const outcome = clickFeishuElement(node, actor, input);
    if (outcome.kind !== "request") throw new Error(`expected a request, got ${JSON.stringify(outcome)}`);
    for (const secrets of [encrypted, plain]) {
      const signed = feishuInbound.sign(JSON.stringify(outcome.payload), "1700000000", secrets, Buffer.alloc(32));
      const event = onlyEvent(await feishuInbound.receive({ headers: new Headers(signed.headers), body: Buffer.from(signed.body) }, secrets, { requireSignature: true }));
      expect(event).toMatchObject({ kind: "button", interactive: true, actor: "ou_rt" });
      expect(event.fields).toEqual(fields);
      expect(event.data).toBe(data);
      expect(event.control).toBe(fields.name ?? fields.tag);
      // The inspector reads the same fields back from the stored plaintext.
      expect(feishuInbound.fieldsOf?.(outcome.payload)).toEqual(fields);
    }
  });
});
