import { describe, expect, it } from "vitest";
import type { Actor, ClickInput } from "../types";
import { clickFeishuElement } from "./click";
import { feishuFormFields, feishuFormValue, feishuInitialState, feishuMissingRequired } from "./control-values";
import { feishuTree } from "./tree";

const actor: Actor = { userId: "867abc", roles: [], isAdmin: false };
const plain = (content: string) => ({ tag: "plain_text", content });
const cb = (value: unknown) => ({ behaviors: [{ type: "callback", value }] });
const callback = (value: unknown, extra: Record<string, unknown> = {}) => ({
  tag: "button", name: "Button_ok", text: plain("OK"), ...cb(value), ...extra,
});
const options = (...values: string[]) => values.map((value) => ({ text: plain(value.toUpperCase()), value }));

function request(outcome: ReturnType<typeof clickFeishuElement>) {
  if (outcome.kind !== "request") throw new Error(`expected a request, got ${JSON.stringify(outcome)}`);
  return outcome.payload as {
    schema: string;
    header: Record<string, string>;
    event: { operator: Record<string, string>; token: string; action: Record<string, unknown>; host: string; context: Record<string, string> };
  };
}
const actionOf = (node: unknown, input?: ClickInput) => request(clickFeishuElement(node, actor, input)).event.action;

describe("clicking a Feishu card button", () => {
  it("sends the card.action.trigger 2.0 request with the button's value", () => {
    const before = Date.now() * 1000;
    const payload = request(clickFeishuElement(callback({ action: "approve", id: "42" }), actor));
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
    const first = request(clickFeishuElement(callback("ok"), actor));
    const second = request(clickFeishuElement(callback("ok"), actor));
    expect(first.event.action.value).toBe("ok");
    expect(first.header.event_id).not.toBe(second.header.event_id);
    expect(first.event.token).not.toBe(second.event.token);
  });

  it("submits a form with what was typed, in the official field order", () => {
    const button = { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit" };
    const action = actionOf(button, { formValue: { reason: "sick", days: "2" } });
    expect(action).toEqual({ tag: "button", timezone: "Asia/Shanghai", form_value: { reason: "sick", days: "2" }, name: "submit" });
    expect(Object.keys(actionOf({ ...button, ...cb("go") }, { formValue: {} }))).toEqual(["value", "tag", "timezone", "form_value", "name"]);
    const legacy = actionOf({ ...button, form_action_type: undefined, action_type: "form_submit" }, { formValue: {} });
    expect(legacy.form_value).toEqual({});
  });

  it("opens the link of an open_url behavior, the desktop one first", () => {
    const link = (urls: Record<string, string>) => ({ tag: "button", text: plain("Docs"), behaviors: [{ type: "open_url", ...urls }] });
    expect(clickFeishuElement(link({ default_url: "https://open.feishu.cn" }), actor)).toEqual({ kind: "link", url: "https://open.feishu.cn" });
    expect(clickFeishuElement(link({ default_url: "https://a.dev", pc_url: "https://pc.dev" }), actor)).toEqual({ kind: "link", url: "https://pc.dev" });
  });

  it("does nothing for disabled, reset, inert or non-interactive components", () => {
    expect(clickFeishuElement(callback("x", { disabled: true }), actor)).toEqual({ kind: "none", code: "feishu.click.disabled" });
    expect(clickFeishuElement({ tag: "button", text: plain("R"), form_action_type: "reset" }, actor)).toEqual({ kind: "none", code: "feishu.click.reset" });
    expect(clickFeishuElement({ tag: "button", text: plain("R") }, actor)).toEqual({ kind: "none", code: "feishu.click.noBehavior" });
    expect(clickFeishuElement({ tag: "markdown", content: "x" }, actor)).toEqual({ kind: "none", code: "feishu.click.invalid" });
    expect(clickFeishuElement("button", actor)).toEqual({ kind: "none", code: "feishu.click.invalid" });
  });
});

// Each row: a control outside a form, the state it was put in, and exactly the event.action Feishu
// sends (official component pages, "回调示例"; card callback page, action table).
const V = { k: "v" };
const lone: [string, Record<string, unknown>, unknown, Record<string, unknown>][] = [
  ["input", { tag: "input", name: "reason", ...cb(V) }, "Zhang Min", { value: V, tag: "input", name: "reason", input_value: "Zhang Min" }],
  ["multi-line input, empty", { tag: "input", input_type: "multiline_text", name: "note" }, "", { tag: "input", name: "note", input_value: "" }],
  ["select_static", { tag: "select_static", name: "s", options: options("1", "2"), ...cb(V) }, "1", { value: V, tag: "select_static", name: "s", option: "1" }],
  ["select_static, legacy value, no name", { tag: "select_static", value: "old", options: options("a") }, "a", { value: "old", tag: "select_static", option: "a" }],
  ["select_person", { tag: "select_person", name: "p", options: [{ value: "ou_b96" }], ...cb(V) }, "ou_b96", { value: V, tag: "select_person", name: "p", option: "ou_b96" }],
  ["multi_select_static", { tag: "multi_select_static", name: "m", options: options("a", "b"), ...cb(V) }, ["a", "b"], { value: V, tag: "multi_select_static", name: "m", options: ["a", "b"] }],
  ["multi_select_person", { tag: "multi_select_person", name: "mp" }, ["ou_1"], { tag: "multi_select_person", name: "mp", options: ["ou_1"] }],
  ["date_picker", { tag: "date_picker", name: "d", ...cb(V) }, "2025-06-10", { value: V, tag: "date_picker", name: "d", timezone: "Asia/Shanghai", option: "2025-06-10 +0800" }],
  ["picker_time", { tag: "picker_time" }, "05:05", { tag: "picker_time", timezone: "Asia/Shanghai", option: "05:05 +0800" }],
  ["picker_datetime", { tag: "picker_datetime" }, "2025-06-10T19:19", { tag: "picker_datetime", timezone: "Asia/Shanghai", option: "2025-06-10 19:19 +0800" }],
  ["select_img (single, picks and submits)", { tag: "select_img", options: [{ img_key: "k", value: "picture1" }] }, ["picture1"], { tag: "select_img", options: "picture1" }],
  ["checker ticked", { tag: "checker", name: "c", ...cb(V) }, true, { value: V, tag: "checker", name: "c", checked: true }],
  ["checker unticked", { tag: "checker", ...cb(V) }, false, { value: V, tag: "checker", checked: false }],
  ["overflow by value", { tag: "overflow", options: options("button_1", "b2"), ...cb(V) }, "button_1", { value: V, tag: "overflow", option: "button_1" }],
  ["overflow by position", { tag: "overflow", options: options("x", "y") }, 1, { tag: "overflow", option: "y" }],
];

describe("a control outside a form reports its own state", () => {
  it.each(lone)("%s", (_name, node, value, expected) => {
    const action = actionOf(node, { value });
    expect(action).toEqual(expected);
    // Exact: no stray field such as form_value or an empty options array.
    expect(Object.keys(action).sort()).toEqual(Object.keys(expected).sort());
  });

  it("an interactive container fires its callback with its own tag, else opens its link", () => {
    expect(actionOf({ tag: "interactive_container", elements: [], ...cb(V) })).toEqual({ value: V, tag: "interactive_container" });
    const link = { tag: "interactive_container", behaviors: [{ type: "open_url", default_url: "https://a.dev" }] };
    expect(clickFeishuElement(link, actor)).toEqual({ kind: "link", url: "https://a.dev" });
  });

  it("an overflow option without a value opens its multi_url", () => {
    const node = { tag: "overflow", options: [{ text: plain("Docs"), multi_url: { url: "https://d.dev", pc_url: "" } }] };
    expect(clickFeishuElement(node, actor, { value: 0 })).toEqual({ kind: "link", url: "https://d.dev" });
    expect(clickFeishuElement(node, actor, { value: 5 })).toEqual({ kind: "none", code: "feishu.click.invalid" });
  });

  it("a checker without a callback ticks locally only; disabled controls and empty picks send nothing", () => {
    expect(clickFeishuElement({ tag: "checker" }, actor, { value: true })).toEqual({ kind: "none", code: "feishu.click.noBehavior" });
    expect(clickFeishuElement({ tag: "select_static", disabled: true, options: options("a") }, actor, { value: "a" })).toEqual({ kind: "none", code: "feishu.click.disabled" });
    expect(clickFeishuElement({ tag: "date_picker" }, actor, { value: "" })).toEqual({ kind: "none", code: "feishu.click.invalid" });
    expect(clickFeishuElement({ tag: "select_img", options: [] }, actor, { value: [] })).toEqual({ kind: "none", code: "feishu.click.invalid" });
  });
});

describe("a form's submit sends every field by name in Feishu's value types", () => {
  const form = {
    tag: "form", name: "f", elements: [
      { tag: "input", name: "Input_1", default_value: "1234" },
      { tag: "input", name: "Input_2", input_type: "multiline_text" },
      { tag: "select_static", name: "Select_1", options: options("1", "2"), initial_index: 2 },
      { tag: "select_person", name: "PersonSelect_1", initial_option: "ou_3c" },
      { tag: "multi_select_static", name: "Multi_1", options: options("a", "b"), selected_values: ["a"] },
      { tag: "multi_select_person", name: "MultiPerson_1" },
      { tag: "date_picker", name: "DatePicker_1", initial_date: "2024-04-01" },
      { tag: "picker_time", name: "TimePicker_1", initial_time: "00:00" },
      { tag: "picker_datetime", name: "DateTimePicker_1", initial_datetime: "2024-04-29 07:07" },
      { tag: "select_img", name: "Img_1", multi_select: true, options: [{ img_key: "k", value: "p1" }] },
      { tag: "checker", name: "Check_1", checked: true },
      { tag: "column_set", columns: [{ tag: "column", elements: [{ tag: "select_static", name: "Nested", options: options("z") }] }] },
      { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit", ...cb("form_callback") },
    ],
  };
  const fields = feishuFormFields(form, [0], (node) => feishuTree.children(node));

  it("untouched: the defaults, with pickers in Feishu's strings and empty selects left out", () => {
    expect(fields.map((f) => f.path)).toEqual([[0, 0], [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 9], [0, 10], [0, 11, 0, 0]]);
    const formValue = feishuFormValue(fields.map(({ node }) => ({ node, state: feishuInitialState(node) })));
    expect(formValue).toEqual({
      Input_1: "1234", Input_2: "", Select_1: "2", PersonSelect_1: "ou_3c", Multi_1: ["a"], MultiPerson_1: [],
      DatePicker_1: "2024-04-01 +0800", TimePicker_1: "00:00 +0800", DateTimePicker_1: "2024-04-29 07:07 +0800",
      Img_1: [], Check_1: true,
    });
    expect(actionOf(form.elements.at(-1), { formValue })).toEqual({ value: "form_callback", tag: "button", timezone: "Asia/Shanghai", form_value: formValue, name: "submit" });
  });

  it("operated: what each field was set to", () => {
    const set: Record<string, unknown> = { Input_2: "two\nlines", Multi_1: ["a", "b"], Img_1: ["p1"], Check_1: false, Nested: "z", DatePicker_1: "2025-01-02" };
    const formValue = feishuFormValue(fields.map(({ node }) => ({ node, state: (set[node.name as string] ?? feishuInitialState(node)) as never })));
    expect(formValue).toMatchObject({ Input_2: "two\nlines", Multi_1: ["a", "b"], Img_1: ["p1"], Check_1: false, Nested: "z", DatePicker_1: "2025-01-02 +0800" });
  });

  it("names the required fields left empty, which the client refuses to submit", () => {
    const required = [{ tag: "input", name: "a", required: true }, { tag: "select_static", name: "b", required: true }, { tag: "input", name: "c", required: true }];
    expect(feishuMissingRequired(required.map((node, i) => ({ node, state: i === 2 ? "x" : feishuInitialState(node) })))).toEqual(["a", "b"]);
  });
});
