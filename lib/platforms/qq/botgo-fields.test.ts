import { getLayout } from "@/lib/platforms/registry";
import { MAX_BODY_BYTES } from "@/lib/http/read-limited";
import { validateRequest } from "@/lib/templates/validate-request";
import { describe, expect, it } from "vitest";
import type { Actor, RuleIssue } from "../types";
import { QQ_BOTGO_SOURCE, qqConfirmModal } from "./botgo-fields";
import { qqButton, qqKeyboardOf } from "./fixtures/layouts";
import { answerQqConfirm, pressQqButton, qqLockedGroup } from "./press";

const qq = getLayout("qq");
const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const B = "content.rows.0.buttons.0";
const actor: Actor = { userId: "u1", isAdmin: false, roles: [], scene: "group" };
const withModal = (modal: object, action: object = {}) => qqButton("a", { action: { ...action, modal } });

describe("botgo-only keyboard fields", () => {
  it("accepts every one of them with a warning naming botgo, never an error", () => {
    const keyboard = {
      content: {
        style: { font_size: "small" },
        rows: [
          {
            buttons: [
              qqButton("a", { render_data: { style: 3 }, action: { type: 3, data: "mqqapi://card/show_pslcard?uin=1" } }),
              qqButton("b", { action: { type: 4, subscribe_data: { template_ids: [{ template_id: 1 }, { custom_template_id: "t" }] } } }),
              qqButton("c", { extra: { group_id: "g" }, action: { modal: { content: "Sure?", confirm_text: "好", cancel_text: "不" } } }),
            ],
          },
        ],
      },
    };
    const result = qq.validate(keyboard);
    expect(result.errors).toEqual([]);
    expect(at(result.warnings)).toEqual([
      "qq.botgo.field@content.style",
      `qq.botgo.field@${B}.render_data.style`,
      `qq.botgo.field@${B}.action.type`,
      "qq.botgo.field@content.rows.0.buttons.1.action.type",
      "qq.botgo.field@content.rows.0.buttons.1.action.subscribe_data",
      "qq.botgo.field@content.rows.0.buttons.2.group_id",
      "qq.botgo.field@content.rows.0.buttons.2.action.modal",
    ]);
    expect(result.warnings.every((w) => w.params?.source === QQ_BOTGO_SOURCE)).toBe(true);
    expect(result.warnings.map((w) => w.params?.field)).toContain("action.type 4");
  });

  it("a documented keyboard gets no botgo warning", () => {
    expect(qq.validate(qqKeyboardOf(qqButton("a"))).warnings).toEqual([]);
  });

  it("warns past 40 characters of modal content, not at 40, counting characters not UTF-16 units", () => {
    const forty = "确".repeat(39) + "😀";
    expect(at(qq.validate(qqKeyboardOf(withModal({ content: forty }))).warnings)).toEqual([`qq.botgo.field@${B}.action.modal`]);
    const result = qq.validate(qqKeyboardOf(withModal({ content: "a".repeat(41) })));
    expect(result.errors).toEqual([]);
    expect(at(result.warnings)).toEqual([`qq.botgo.field@${B}.action.modal`, `qq.botgo.modalTextMax@${B}.action.modal.content`]);
    expect(result.warnings[1]?.params).toEqual({ field: "modal.content", max: 40, count: 41, source: QQ_BOTGO_SOURCE });
  });

  it("warns past 4 characters of a dialog button text", () => {
    const result = qq.validate(qqKeyboardOf(withModal({ content: "Sure?", confirm_text: "确认删除", cancel_text: "Cancel" })));
    expect(result.errors).toEqual([]);
    expect(at(result.warnings)).toEqual([`qq.botgo.field@${B}.action.modal`, `qq.botgo.modalTextMax@${B}.action.modal.cancel_text`]);
    expect(result.warnings[1]?.params).toMatchObject({ field: "modal.cancel_text", max: 4, count: 6 });
    const five = qq.validate(qqKeyboardOf(withModal({ content: "Sure?", confirm_text: "12345" })));
    expect(at(five.warnings)).toContain(`qq.botgo.modalTextMax@${B}.action.modal.confirm_text`);
  });

  it("warns about a URL in the dialog text and a dialog that never shows", () => {
    expect(at(qq.validate(qqKeyboardOf(withModal({ content: "see https://q.qq.com" }))).warnings)).toContain(`qq.botgo.modalUrl@${B}.action.modal.content`);
    expect(at(qq.validate(qqKeyboardOf(withModal({ confirm_text: "好" }))).warnings)).toContain(`qq.botgo.modalNoContent@${B}.action.modal.content`);
  });

  it("looks for a URL in dialog text of any size in linear time (POST /api/validate)", () => {
    for (const content of ["a.".repeat(80_000), "a".repeat(160_000) + ".", "www".repeat(50_000)]) {
      const input = { platform: "qq", layout: qqKeyboardOf(withModal({ content })) };
      expect(JSON.stringify(input).length).toBeLessThan(MAX_BODY_BYTES);
      const started = performance.now();
      const result = validateRequest(input, "en");
      expect(performance.now() - started).toBeLessThan(500);
      expect(result.warnings.map((w) => w.code)).not.toContain("qq.botgo.modalUrl");
    }
    const found = validateRequest({ platform: "qq", layout: qqKeyboardOf(withModal({ content: `${"a.".repeat(80_000)}com` })) }, "en");
    expect(found.warnings.map((w) => w.code)).toContain("qq.botgo.modalUrl");
  });

  it("warns when group_id is on a button other than a callback", () => {
    const result = qq.validate(qqKeyboardOf(qqButton("a", { extra: { group_id: "g" }, action: { type: 2 } })));
    expect(result.errors).toEqual([]);
    expect(at(result.warnings)).toEqual([`qq.botgo.field@${B}.group_id`, `qq.botgo.groupIdCallbackOnly@${B}.group_id`]);
  });

  it("still refuses botgo fields of the wrong type (botgo declares them)", () => {
    expect(at(qq.validate(qqKeyboardOf(qqButton("a", { extra: { group_id: 7 } }))).errors)).toEqual([`field.type@${B}.group_id`]);
  });

  it("exports them unchanged", () => {
    const keyboard = qqKeyboardOf(qqButton("a", { extra: { group_id: "g" }, action: { type: 3, data: "mqqapi://x", modal: { content: "a".repeat(41), confirm_text: "12345" } } }));
    const snapshot = JSON.stringify(keyboard);
    const result = qq.validate(keyboard);
    expect(JSON.stringify(result.layout)).toBe(snapshot);
    const message = qq.toMessage(result.layout as never, "hi");
    expect(JSON.stringify(message.keyboard)).toBe(snapshot);
  });
});

describe("clicking botgo buttons", () => {
  it("type 3 opens its client link, type 4 sends nothing", () => {
    expect(qq.click(qqButton("a", { action: { type: 3, data: "mqqapi://x" } }), actor)).toEqual({ kind: "link", url: "mqqapi://x" });
    expect(qq.click(qqButton("a", { action: { type: 4 } }), actor)).toEqual({ kind: "none", code: "qq.click.subscribe" });
  });

  it("a modal asks first; confirm performs the click, cancel does nothing", () => {
    const rows = [[withModal({ content: "Delete?", cancel_text: "算了" })]];
    const ref = { row: 0, cell: 0 };
    const press = pressQqButton(rows, ref, new Set());
    expect(press).toEqual({ kind: "confirm", modal: { content: "Delete?", confirmText: "确认", cancelText: "算了" } });
    expect(answerQqConfirm(ref, false)).toBeNull();
    const confirmed = answerQqConfirm(ref, true);
    expect(confirmed).toEqual(ref);
    const outcome = qq.click(rows[confirmed!.row]![confirmed!.cell], actor);
    expect(outcome.kind).toBe("request");
    expect(JSON.stringify(outcome)).toContain('"button_data":"data_a"');
  });

  it("a modal with empty content clicks at once", () => {
    expect(qqConfirmModal(withModal({ content: "" }))).toBeNull();
    expect(pressQqButton([[withModal({ content: "" })]], { row: 0, cell: 0 }, new Set())).toEqual({ kind: "click" });
  });

  it("group_id greys out the other callback buttons of the group once one was clicked", () => {
    const grouped = (id: string, type = 1) => qqButton(id, { extra: { group_id: "g" }, action: { type } });
    const rows = [[grouped("a"), grouped("b"), grouped("c", 2), qqButton("d")]];
    const visited = new Set(["0:0"]);
    expect(qqLockedGroup(rows, { row: 0, cell: 1 }, new Set())).toBeNull();
    expect(pressQqButton(rows, { row: 0, cell: 1 }, visited)).toEqual({ kind: "locked", group: "g" });
    expect(pressQqButton(rows, { row: 0, cell: 0 }, visited)).toEqual({ kind: "click" });
    // group_id only works on callback buttons, and buttons outside the group are untouched.
    expect(pressQqButton(rows, { row: 0, cell: 2 }, visited)).toEqual({ kind: "click" });
    expect(pressQqButton(rows, { row: 0, cell: 3 }, visited)).toEqual({ kind: "click" });
  });
});
