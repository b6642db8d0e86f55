import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../types";
import { feishuAdapter } from "./index";
import { FEISHU_HEADER_TEMPLATES } from "./limits";

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const plain = (content: string) => ({ tag: "plain_text", content });
const card = (elements: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: "2.0",
  header: { title: plain("Title") },
  body: { elements },
  ...extra,
});
const md = (extra: Record<string, unknown> = {}) => ({ tag: "markdown", content: "text", ...extra });
const button = (extra: Record<string, unknown> = {}) => ({
  tag: "button",
  text: plain("Go"),
  behaviors: [{ type: "callback", value: { action: "go" } }],
  ...extra,
});
const submit = (name = "submit") => ({ tag: "button", name, text: plain("Send"), form_action_type: "submit" });
const input = (name: string) => ({ tag: "input", name });
const form = (elements: unknown[]) => ({ tag: "form", name: "form_1", elements });
const pair = () => ({
  tag: "column_set",
  columns: [{ tag: "column", elements: [button()] }, { tag: "column", elements: [button()] }],
});
const mds = (n: number) => Array.from({ length: n }, () => md());
const B = "body.elements.0";

const table: { rule: string; layout: unknown; errors: string[]; warnings?: string[] }[] = [
  { rule: "an empty body ok", layout: card([]), errors: [] },
  { rule: "schema 2.0 is required", layout: { body: { elements: [] }, header: { title: plain("T") } }, errors: ["field.required@schema"] },
  // At most 200 components, nested ones included
  { rule: "200 components ok", layout: card(mds(200)), errors: [] },
  { rule: "201 components rejected", layout: card(mds(201)), errors: ["feishu.tooManyComponents@body.elements"] },
  { rule: "nested components count: 40 × (set + 2 columns + 2 buttons) = 200 ok", layout: card(Array.from({ length: 40 }, pair)), errors: [] },
  { rule: "nested components count: 200 + 1 rejected", layout: card([...Array.from({ length: 40 }, pair), md()]), errors: ["feishu.tooManyComponents@body.elements"] },
  // element_id
  { rule: "element_id of 20 ok", layout: card([md({ element_id: `a${"b".repeat(19)}` })]), errors: [] },
  { rule: "element_id of 21 rejected", layout: card([md({ element_id: `a${"b".repeat(20)}` })]), errors: [`feishu.elementIdTooLong@${B}.element_id`] },
  { rule: "element_id starting with a digit rejected", layout: card([md({ element_id: "1abc" })]), errors: [`feishu.elementIdFormat@${B}.element_id`] },
  { rule: "element_id with a dash rejected", layout: card([md({ element_id: "a-b" })]), errors: [`feishu.elementIdFormat@${B}.element_id`] },
  { rule: "element_id with digits and underscores ok", layout: card([md({ element_id: "Ab_12" })]), errors: [] },
  { rule: "element_id unique", layout: card([md({ element_id: "same" }), md({ element_id: "same" })]), errors: ["feishu.elementIdDuplicate@body.elements.1.element_id"] },
  {
    rule: "element_id unique across nesting",
    layout: card([md({ element_id: "same" }), { tag: "column_set", columns: [{ tag: "column", element_id: "same", elements: [] }] }]),
    errors: ["feishu.elementIdDuplicate@body.elements.1.columns.0.element_id"],
  },
  // Unknown attributes are errors in 2.0
  { rule: "unknown card attribute", layout: card([], { i18n_elements: {} }), errors: ["feishu.unknownAttribute@i18n_elements"] },
  { rule: "unknown button attribute", layout: card([button({ url: "https://x.dev" })]), errors: [`feishu.unknownAttribute@${B}.url`] },
  { rule: "unknown header attribute", layout: card([], { header: { title: plain("T"), color: "red" } }), errors: ["feishu.unknownAttribute@header.color"] },
  { rule: "unknown text attribute", layout: card([button({ text: { ...plain("x"), bold: true } })]), errors: [`feishu.unknownAttribute@${B}.text.bold`] },
  { rule: "unknown config attribute", layout: card([], { config: { wide_screen_mode: true } }), errors: ["feishu.unknownAttribute@config.wide_screen_mode"] },
  // Header and config
  ...FEISHU_HEADER_TEMPLATES.map((template) => ({ rule: `header template ${template} ok`, layout: card([], { header: { title: plain("T"), template } }), errors: [] })),
  { rule: "header template pink rejected", layout: card([], { header: { title: plain("T"), template: "pink" } }), errors: ["field.enum@header.template"] },
  { rule: "header needs a title", layout: card([], { header: { subtitle: plain("s") } }), errors: ["field.required@header.title"] },
  { rule: "update_multi true ok", layout: card([], { config: { update_multi: true } }), errors: [] },
  { rule: "update_multi false rejected", layout: card([], { config: { update_multi: false } }), errors: ["feishu.updateMultiTrue@config.update_multi"] },
  // Containers
  { rule: "buttons side by side in columns ok", layout: card([pair()]), errors: [] },
  { rule: "a column outside a column_set rejected", layout: card([{ tag: "column", elements: [] }]), errors: [`feishu.columnOutsideSet@${B}.tag`] },
  { rule: "a column_set holds only columns", layout: card([{ tag: "column_set", columns: [md()] }]), errors: [`feishu.columnSetChild@${B}.columns.0.tag`] },
  { rule: "the 1.0 action module is gone in 2.0", layout: card([{ tag: "action", actions: [button()] }]), errors: [`feishu.actionModule@${B}.tag`] },
  // Forms
  { rule: "form with named fields and a submit ok", layout: card([form([input("a"), submit()])]), errors: [] },
  { rule: "form needs a name", layout: card([{ tag: "form", elements: [submit()] }]), errors: [`field.required@${B}.name`] },
  { rule: "form without submit rejected", layout: card([form([input("a")])]), errors: [`feishu.formNoSubmit@${B}`] },
  { rule: "submit by form_action behavior ok", layout: card([form([input("a"), { tag: "button", name: "s", text: plain("S"), behaviors: [{ type: "form_action", behavior: "submit" }] }])]), errors: [] },
  { rule: "submit by legacy action_type ok", layout: card([form([input("a"), { tag: "button", name: "s", text: plain("S"), action_type: "form_submit" }])]), errors: [] },
  { rule: "a reset button does not submit", layout: card([form([input("a"), { tag: "button", name: "r", text: plain("R"), form_action_type: "reset" }])]), errors: [`feishu.formNoSubmit@${B}`] },
  { rule: "submit inside columns inside the form ok", layout: card([form([input("a"), { tag: "column_set", columns: [{ tag: "column", elements: [submit()] }] }])]), errors: [] },
  { rule: "duplicate field names rejected", layout: card([form([input("a"), input("a"), submit()])]), errors: [`feishu.formNameDuplicate@${B}.elements.1.name`] },
  { rule: "a field name may not repeat the submit button's", layout: card([form([input("s"), submit("s")])]), errors: [`feishu.formNameDuplicate@${B}.elements.1.name`] },
  {
    rule: "names are unique across forms in the card",
    layout: card([form([input("a"), submit("s1")]), { ...form([input("a"), submit("s2")]), name: "form_2" }]),
    errors: ["feishu.formNameDuplicate@body.elements.1.elements.0.name"],
  },
  { rule: "every form field needs a name", layout: card([form([{ tag: "input" }, submit()])]), errors: [`feishu.formNameMissing@${B}.elements.0.name`] },
  { rule: "the submit button needs a name too", layout: card([form([input("a"), { tag: "button", text: plain("S"), form_action_type: "submit" }])]), errors: [`feishu.formNameMissing@${B}.elements.1.name`] },
  { rule: "a form sits at the root only", layout: card([{ tag: "column_set", columns: [{ tag: "column", elements: [form([submit()])] }] }]), errors: [`feishu.formNotRoot@${B}.columns.0.elements.0.tag`] },
  { rule: "no form in a form", layout: card([form([submit(), { tag: "form", name: "inner", elements: [submit("s2")] }])]), errors: [`feishu.formNotRoot@${B}.elements.1.tag`] },
  { rule: "select_static needs options", layout: card([form([{ tag: "select_static", name: "s1" }, submit()])]), errors: [`field.required@${B}.elements.0.options`] },
  // Button behaviors
  { rule: "callback with a string value ok", layout: card([button({ behaviors: [{ type: "callback", value: "go" }] })]), errors: [] },
  { rule: "callback with a number value rejected", layout: card([button({ behaviors: [{ type: "callback", value: 1 }] })]), errors: [`field.invalid@${B}.behaviors.0.value`] },
  { rule: "callback needs a value", layout: card([button({ behaviors: [{ type: "callback" }] })]), errors: [`field.invalid@${B}.behaviors.0.value`] },
  {
    rule: "open_url with per-device urls ok",
    layout: card([button({ behaviors: [{ type: "open_url", default_url: "https://open.feishu.cn", pc_url: "https://a.dev", ios_url: "lark://x", android_url: "" }] })]),
    errors: [],
  },
  { rule: "open_url needs default_url", layout: card([button({ behaviors: [{ type: "open_url", pc_url: "https://a.dev" }] })]), errors: [`field.required@${B}.behaviors.0.default_url`] },
  { rule: "open_url refuses javascript:", layout: card([button({ behaviors: [{ type: "open_url", default_url: "javascript:alert(1)" }] })]), errors: [`feishu.behaviorUrl@${B}.behaviors.0.default_url`] },
  { rule: "open_url checks pc_url too", layout: card([button({ behaviors: [{ type: "open_url", default_url: "https://a.dev", pc_url: "not a url" }] })]), errors: [`feishu.behaviorUrl@${B}.behaviors.0.pc_url`] },
  { rule: "open_url unknown attribute", layout: card([button({ behaviors: [{ type: "open_url", default_url: "https://a.dev", url: "https://a.dev" }] })]), errors: [`feishu.unknownAttribute@${B}.behaviors.0.url`] },
  { rule: "unknown behavior type rejected", layout: card([button({ behaviors: [{ type: "jump", url: "x" }] })]), errors: [`feishu.behaviorType@${B}.behaviors.0.type`] },
  { rule: "one behavior of a type", layout: card([button({ behaviors: [{ type: "callback", value: "a" }, { type: "callback", value: "b" }] })]), errors: [`feishu.behaviorDuplicate@${B}.behaviors.1.type`] },
  { rule: "form_action behavior is submit or reset", layout: card([button({ behaviors: [{ type: "form_action", behavior: "send" }] })]), errors: [`field.enum@${B}.behaviors.0.behavior`], warnings: [] },
  { rule: "button type enum", layout: card([button({ type: "blue" })]), errors: [`field.enum@${B}.type`] },
  // Warnings
  { rule: "a submit outside a form warns", layout: card([submit()]), errors: [], warnings: [`feishu.submitOutsideForm@${B}`] },
  { rule: "a button that does nothing warns", layout: card([{ tag: "button", text: plain("x") }]), errors: [], warnings: [`feishu.buttonNoBehavior@${B}`] },
  // Every tag of §8.3 is checked; only tags outside card JSON 2.0 are left to Feishu.
  { rule: "a tag outside JSON 2.0 warns", layout: card([{ tag: "note", elements: [] }]), errors: [], warnings: [`feishu.tagUnchecked@${B}.tag`] },
  { rule: "a 2.0 table is checked, not left unchecked", layout: card([{ tag: "table", columns: [] }]), errors: [`field.required@${B}.rows`], warnings: [] },
  { rule: "a card near 30 KB ok", layout: card([md({ content: "x".repeat(30 * 1024 - 200) })]), errors: [], warnings: [] },
  { rule: "a card over 30 KB is refused (200860)", layout: card([md({ content: "x".repeat(30 * 1024) })]), errors: ["feishu.cardTooLarge@"], warnings: [] },
];

describe("Feishu card rules", () => {
  it.each(table)("$rule", ({ layout, errors, warnings }) => {
    const result = feishuAdapter.layout!.validate(layout);
    expect(at(result.errors)).toEqual(errors);
    expect(result.ok).toBe(errors.length === 0);
    if (warnings) expect(at(result.warnings)).toEqual(warnings);
  });

  it("names the unknown attribute in the finding", () => {
    const result = feishuAdapter.layout!.validate(card([button({ value: { a: 1 } })]));
    expect(result.errors).toEqual([{ code: "feishu.unknownAttribute", path: ["body", "elements", 0, "value"], params: { attribute: "value" } }]);
  });

  it("reports the component count and the body size", () => {
    expect(feishuAdapter.layout!.validate(card(mds(201))).errors[0]!.params).toEqual({ max: 200, count: 201 });
    const big = feishuAdapter.layout!.validate(card([md({ content: "飞".repeat(11 * 1024) })])).errors[0]!;
    expect(big.code).toBe("feishu.cardTooLarge");
    expect(big.params!.size).toBeGreaterThan(33 * 1024);
  });

  it("starts new templates from a valid card", () => {
    const layout = feishuAdapter.layout!.emptyLayout();
    expect(feishuAdapter.layout!.validate(layout)).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(feishuAdapter.layout!.schema.safeParse(layout).success).toBe(true);
  });

  it("the deep schema accepts a valid nested card and refuses an unknown attribute deep inside", () => {
    const schema = feishuAdapter.layout!.schema;
    const good = card([pair(), form([input("a"), { tag: "column_set", columns: [{ tag: "column", elements: [submit()] }] }])]);
    expect(schema.safeParse(good).success).toBe(true);
    const bad = card([{ tag: "column_set", columns: [{ tag: "column", elements: [button({ color: "red" })] }] }]);
    expect(schema.safeParse(bad).success).toBe(false);
  });

  it("exports the send-message body and the callback response", () => {
    const layout = card([md()]);
    expect(feishuAdapter.layout!.toMessage(layout as never, "")).toEqual({ msg_type: "interactive", content: JSON.stringify(layout) });
    expect(feishuAdapter.layout!.extraExports!(layout as never)).toEqual({ callbackResponse: { card: { type: "raw", data: layout } } });
    expect(feishuAdapter.layout!.checkText("anything")).toEqual({ errors: [], warnings: [] });
    expect(feishuAdapter.layout!.hasText).toBe(false);
  });
});
