import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../types";
import { convertV1Card, isV1Card } from "./convert-v1";
import { importFeishuMessage } from "./import";
import { feishuAdapter } from "./index";

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const plain = (content: string) => ({ tag: "plain_text", content });

/** A 1.0 card as the old docs show it: top-level elements, an action module, value/url buttons. */
const v1 = {
  config: { wide_screen_mode: true, update_multi: false },
  header: { title: { tag: "plain_text", content: "审批", i18n: { en_us: "Approval" } }, template: "blue" },
  elements: [
    { tag: "div", text: { tag: "lark_md", content: "**Leave request**" } },
    {
      tag: "action",
      layout: "bisected",
      actions: [
        { tag: "button", text: plain("Approve"), type: "primary", value: { action: "approve" } },
        { tag: "button", text: plain("Docs"), type: "default", multi_url: { url: "https://open.feishu.cn", pc_url: "https://pc.dev", ios_url: "", android_url: "" } },
      ],
    },
    { tag: "hr" },
    { tag: "note", elements: [plain("Sent by"), { tag: "lark_md", content: "**bot**" }] },
  ],
};

describe("JSON 1.0 → 2.0", () => {
  it("recognises 1.0 cards only", () => {
    expect(isV1Card(v1)).toBe(true);
    expect(isV1Card({ schema: "2.0", body: { elements: [] } })).toBe(false);
    expect(isV1Card({ components: [] })).toBe(false);
  });

  it("converts the whole card and reports each change at the converted path", () => {
    const { layout, warnings } = convertV1Card(v1);
    expect(layout).toEqual({
      schema: "2.0",
      config: { update_multi: true },
      header: { title: { tag: "plain_text", content: "审批", i18n_content: { en_us: "Approval" } }, template: "blue" },
      body: {
        elements: [
          { tag: "div", text: { tag: "lark_md", content: "**Leave request**" } },
          {
            tag: "column_set",
            flex_mode: "flow",
            columns: [
              { tag: "column", width: "auto", elements: [{ tag: "button", text: plain("Approve"), type: "primary", behaviors: [{ type: "callback", value: { action: "approve" } }] }] },
              { tag: "column", width: "auto", elements: [{ tag: "button", text: plain("Docs"), type: "default", behaviors: [{ type: "open_url", default_url: "https://open.feishu.cn", pc_url: "https://pc.dev" }] }] },
            ],
          },
          { tag: "hr" },
          { tag: "markdown", content: "Sent by **bot**", text_size: "notation" },
        ],
      },
    });
    expect(at(warnings)).toEqual([
      "feishu.legacy.converted@schema",
      "feishu.legacy.dropped@config",
      "feishu.legacy.updateMulti@config.update_multi",
      "feishu.legacy.renamed@header.title.i18n_content",
      "feishu.legacy.actionModule@body.elements.1",
      "feishu.legacy.value@body.elements.1.columns.0.elements.0.behaviors",
      "feishu.legacy.url@body.elements.1.columns.1.elements.0.behaviors",
      "feishu.legacy.note@body.elements.3",
    ]);
    expect(warnings[1]!.params).toEqual({ attribute: "config.wide_screen_mode" });
    expect(feishuAdapter.layout!.validate(layout).errors).toEqual([]);
  });

  it("keeps a lone action as the element itself and never mutates the input", () => {
    const input = { elements: [{ tag: "action", actions: [{ tag: "button", text: plain("Go"), url: "https://x.dev" }] }] };
    const before = JSON.stringify(input);
    const { layout } = convertV1Card(input);
    expect(layout.body).toEqual({ elements: [{ tag: "button", text: plain("Go"), behaviors: [{ type: "open_url", default_url: "https://x.dev" }] }] });
    expect(JSON.stringify(input)).toBe(before);
  });

  it("turns 1.0 form buttons into form_action_type and keeps the form valid", () => {
    const input = {
      elements: [{ tag: "form", name: "f", elements: [{ tag: "input", name: "reason" }, { tag: "button", name: "s", text: plain("Send"), action_type: "form_submit" }] }],
    };
    const result = feishuAdapter.layout!.validate(input);
    expect(result.errors).toEqual([]);
    expect(at(result.warnings)).toContain("feishu.legacy.actionType@body.elements.0.elements.1.form_action_type");
    expect(result.layout).toMatchObject({ body: { elements: [{ elements: [{}, { form_action_type: "submit" }] }] } });
  });

  it("moves a div's extra after it, and picks zh_cn from i18n_elements", () => {
    const extra = { tag: "button", text: plain("More"), value: "more" };
    const { layout, warnings } = convertV1Card({ i18n_elements: { en_us: [{ tag: "hr" }], zh_cn: [{ tag: "div", text: plain("x"), extra }, { tag: "hr" }] } });
    expect((layout.body as { elements: unknown[] }).elements).toEqual([
      { tag: "div", text: plain("x") },
      { tag: "button", text: plain("More"), behaviors: [{ type: "callback", value: "more" }] },
      { tag: "hr" },
    ]);
    expect(at(warnings)).toEqual([
      "feishu.legacy.converted@schema",
      "feishu.legacy.i18nElements@body.elements",
      "feishu.legacy.divExtra@body.elements.1",
      "feishu.legacy.value@body.elements.1.behaviors",
    ]);
  });

  it("validate converts and reports warnings, leaving 2.0 cards alone", () => {
    const result = feishuAdapter.layout!.validate(v1);
    expect(result.ok).toBe(true);
    expect(result.warnings.length).toBe(8);
    const v2 = { schema: "2.0", body: { elements: [] } };
    expect(feishuAdapter.layout!.normalize(v2)).toEqual({ layout: v2, warnings: [] });
  });
});

describe("importing Feishu JSON", () => {
  const card = { schema: "2.0", header: { title: plain("T") }, body: { elements: [{ tag: "markdown", content: "hi" }] } };

  it.each([
    ["a bare 2.0 card", card, card],
    ["a 1.0 card", v1, v1],
    ["a send-message body", { receive_id: "oc_1", msg_type: "interactive", content: JSON.stringify(card) }, card],
    ["a webhook body with card", { msg_type: "interactive", card }, card],
    ["a callback response", { toast: { type: "info", content: "ok" }, card: { type: "raw", data: card } }, card],
  ])("reads %s", (_name, json, layout) => {
    expect(importFeishuMessage(json)).toEqual({ layout, text: "" });
  });

  it.each([
    ["a QQ send-message body", { msg_type: 2, markdown: { content: "# Hi" }, keyboard: { content: { rows: [] } } }],
    ["a QQ keyboard", { content: { rows: [{ buttons: [] }] } }],
    ["bare QQ rows", { rows: [] }],
    ["a Discord message body", { content: "Pick", components: [{ type: 1, components: [] }] }],
    ["bare Discord rows", [{ type: 1, components: [] }]],
    ["a template card body", { msg_type: "interactive", content: JSON.stringify({ type: "template", data: { template_id: "x" } }) }],
    ["unparsable content", { msg_type: "interactive", content: "{" }],
    ["untagged elements", { elements: [{ type: 1 }] }],
  ])("leaves alone %s", (_name, json) => {
    expect(importFeishuMessage(json)).toBeNull();
  });
});
