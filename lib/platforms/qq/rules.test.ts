import { MAX_BODY_BYTES } from "@/lib/http/read-limited";
import { getLayout } from "@/lib/platforms/registry";
import { validateRequest } from "@/lib/templates/validate-request";
import { describe, expect, it } from "vitest";
import type { RuleIssue, ValidationContext } from "../types";
import { qqButton, qqGrid, qqKeyboardOf } from "./fixtures/layouts";

const validate = (layout: unknown, context: ValidationContext = {}) => getLayout("qq").validate(layout, context);
const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const B = "content.rows.0.buttons.0";

interface Row {
  rule: string;
  layout: unknown;
  context?: ValidationContext;
  /** Expected "code@path" errors; [] means valid. */
  errors: string[];
  warnings?: string[];
}

const table: Row[] = [
  // Keyboard form
  { rule: "template keyboard by id", layout: { id: "123" }, errors: [] },
  { rule: "template id must not be empty", layout: { id: "" }, errors: ["field.empty@id"] },
  { rule: "template and content never both", layout: { id: "1", ...qqGrid(1, 1) }, errors: ["qq.keyboard.both@"] },
  { rule: "template or content required", layout: {}, errors: ["qq.keyboard.none@"] },
  { rule: "keyboard must be an object", layout: [], errors: ["field.type@"] },
  // Rows and buttons: the 5 × 5 boundary
  { rule: "5 rows ok", layout: qqGrid(5, 1), errors: [] },
  { rule: "6 rows rejected", layout: qqGrid(6, 1), errors: ["qq.rows.max@content.rows.5"] },
  { rule: "5 buttons in a row ok", layout: qqGrid(1, 5), errors: [] },
  { rule: "6 buttons in a row rejected", layout: qqGrid(1, 6), errors: ["qq.buttons.max@content.rows.0.buttons.5"] },
  { rule: "full 5 × 5 ok", layout: qqGrid(5, 5), errors: [] },
  { rule: "no empty row", layout: { content: { rows: [{ buttons: [] }, qqGrid(1, 1).content.rows[0]] } }, errors: ["qq.row.empty@content.rows.0"] },
  { rule: "at least one row", layout: { content: { rows: [] } }, errors: ["qq.rows.none@content.rows"] },
  { rule: "rows must be an array", layout: { content: { rows: {} } }, errors: ["field.type@content.rows"] },
  // Required fields
  ...(["label", "visited_label", "style"] as const).map((field) => ({
    rule: `render_data.${field} required`,
    layout: qqKeyboardOf(withoutPath(qqButton("a"), ["render_data", field])),
    errors: [`field.required@${B}.render_data.${field}`],
  })),
  ...(["type", "permission", "data", "unsupport_tips"] as const).map((field) => ({
    rule: `action.${field} required`,
    layout: qqKeyboardOf(withoutPath(qqButton("a"), ["action", field])),
    errors: [`field.required@${B}.action.${field}`],
  })),
  { rule: "action.permission.type required", layout: qqKeyboardOf(withoutPath(qqButton("a"), ["action", "permission", "type"])), errors: [`field.required@${B}.action.permission.type`] },
  { rule: "label must not be empty", layout: qqKeyboardOf(qqButton("a", { render_data: { label: "" } })), errors: [`field.empty@${B}.render_data.label`] },
  // Enums
  { rule: "style 0 (grey) ok", layout: qqKeyboardOf(qqButton("a", { render_data: { style: 0 } })), errors: [] },
  { rule: "style 2 rejected", layout: qqKeyboardOf(qqButton("a", { render_data: { style: 2 } })), errors: [`field.enum@${B}.render_data.style`] },
  // botgo's types 3 and 4 and styles 3 and 4 are accepted with a warning (botgo-fields.test.ts has the rest)
  { rule: "action.type 3 (botgo) warned", layout: qqKeyboardOf(qqButton("a", { action: { type: 3, data: "mqqapi://x" } })), errors: [], warnings: [`qq.botgo.field@${B}.action.type`] },
  { rule: "action.type 3 never opens a script", layout: qqKeyboardOf(qqButton("a", { action: { type: 3, data: "javascript:alert(1)" } })), errors: [`qq.action.jumpTarget@${B}.action.data`], warnings: [`qq.botgo.field@${B}.action.type`] },
  { rule: "action.type 5 rejected", layout: qqKeyboardOf(qqButton("a", { action: { type: 5 } })), errors: [`field.enum@${B}.action.type`] },
  { rule: "style 4 (botgo) warned", layout: qqKeyboardOf(qqButton("a", { render_data: { style: 4 } })), errors: [], warnings: [`qq.botgo.field@${B}.render_data.style`] },
  { rule: "style 5 rejected", layout: qqKeyboardOf(qqButton("a", { render_data: { style: 5 } })), errors: [`field.enum@${B}.render_data.style`] },
  { rule: "permission.type 4 rejected", layout: qqKeyboardOf(qqButton("a", { permission: { type: 4 } })), errors: [`field.enum@${B}.action.permission.type`] },
  { rule: "style as string rejected", layout: qqKeyboardOf(qqButton("a", { render_data: { style: "1" } })), errors: [`field.enum@${B}.render_data.style`] },
  // Ids
  { rule: "ids unique", layout: qqKeyboardOf(qqButton("x"), qqButton("x")), errors: ["qq.button.idDuplicate@content.rows.0.buttons.1.id"] },
  { rule: "id optional", layout: qqKeyboardOf(withoutPath(qqButton("a"), ["id"])), errors: [] },
  // Permissions
  { rule: "type 0 with users ok", layout: qqKeyboardOf(qqButton("a", { permission: { type: 0, specify_user_ids: ["u1"] } })), errors: [] },
  { rule: "type 0 needs users", layout: qqKeyboardOf(qqButton("a", { permission: { type: 0 } })), errors: [`qq.permission.usersRequired@${B}.action.permission.specify_user_ids`] },
  { rule: "type 0 needs non-empty users", layout: qqKeyboardOf(qqButton("a", { permission: { type: 0, specify_user_ids: [] } })), errors: [`qq.permission.usersRequired@${B}.action.permission.specify_user_ids`] },
  { rule: "type 3 with roles ok in guild", layout: qqKeyboardOf(qqButton("a", { permission: { type: 3, specify_role_ids: ["r"] } })), context: { scene: "guild" }, errors: [] },
  { rule: "type 3 needs roles", layout: qqKeyboardOf(qqButton("a", { permission: { type: 3 } })), errors: [`qq.permission.rolesRequired@${B}.action.permission.specify_role_ids`] },
  { rule: "type 3 is guild-only: group", layout: qqKeyboardOf(qqButton("a", { permission: { type: 3, specify_role_ids: ["r"] } })), context: { scene: "group" }, errors: [`qq.permission.guildOnly@${B}.action.permission.type`] },
  { rule: "type 3 is guild-only: c2c", layout: qqKeyboardOf(qqButton("a", { permission: { type: 3, specify_role_ids: ["r"] } })), context: { scene: "c2c" }, errors: [`qq.permission.guildOnly@${B}.action.permission.type`] },
  { rule: "user ids only with type 0", layout: qqKeyboardOf(qqButton("a", { permission: { type: 2, specify_user_ids: ["u"] } })), errors: [`qq.permission.usersUnused@${B}.action.permission.specify_user_ids`] },
  { rule: "role ids only with type 3", layout: qqKeyboardOf(qqButton("a", { permission: { type: 1, specify_role_ids: ["r"] } })), errors: [`qq.permission.rolesUnused@${B}.action.permission.specify_role_ids`] },
  // Command-only fields
  { rule: "reply/enter on command ok", layout: qqKeyboardOf(qqButton("a", { action: { type: 2, reply: true, enter: true } })), errors: [] },
  ...(["reply", "enter", "anchor"] as const).map((field) => ({
    rule: `${field} only on command buttons`,
    layout: qqKeyboardOf(qqButton("a", { action: { type: 1, [field]: true } })),
    errors: [`qq.action.commandOnly@${B}.action.${field}`],
  })),
  { rule: "anchor makes enter ignored", layout: qqKeyboardOf(qqButton("a", { action: { type: 2, anchor: 1, enter: true } })), errors: [], warnings: [`qq.action.anchorIgnoresEnter@${B}.action.enter`] },
  // Deprecated fields
  { rule: "click_limit deprecated", layout: qqKeyboardOf(qqButton("a", { action: { click_limit: 10 } })), errors: [], warnings: [`qq.action.deprecated@${B}.action.click_limit`] },
  { rule: "at_bot_show_channel_list deprecated", layout: qqKeyboardOf(qqButton("a", { action: { type: 2, at_bot_show_channel_list: true } })), errors: [], warnings: [`qq.action.deprecated@${B}.action.at_bot_show_channel_list`] },
  // Jump targets
  { rule: "jump to https ok", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "https://bot.q.qq.com/wiki" } })), errors: [] },
  { rule: "jump to a scheme link ok", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "mqqapi://card/show_pslcard?uin=1" } })), errors: [] },
  { rule: "jump to plain text rejected", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "hello" } })), errors: [`qq.action.jumpTarget@${B}.action.data`] },
  { rule: "jump to javascript:// rejected", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "javascript://%0Aalert(1)" } })), errors: [`qq.action.jumpTarget@${B}.action.data`] },
  { rule: "jump to file:// rejected", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "file:///etc/passwd" } })), errors: [`qq.action.jumpTarget@${B}.action.data`] },
  { rule: "jump to javascript: rejected", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data: "javascript:alert(1)" } })), errors: [`qq.action.jumpTarget@${B}.action.data`] },
  // Tolerant import
  {
    rule: "permisson read as permission",
    layout: qqKeyboardOf(renameAction(qqButton("a"), "permission", "permisson")),
    errors: [],
    warnings: [`qq.permission.misspelt@${B}.action.permisson`],
  },
];

describe("QQ keyboard rules", () => {
  it.each(table)("$rule", ({ layout, context, errors, warnings }) => {
    const result = validate(layout, context);
    expect(at(result.errors)).toEqual(errors);
    expect(at(result.warnings)).toEqual(warnings ?? []);
    expect(result.ok).toBe(errors.length === 0);
  });

  it("guild-only rule does not fire without a scene", () => {
    const layout = qqKeyboardOf(qqButton("a", { permission: { type: 3, specify_role_ids: ["r"] } }));
    expect(validate(layout).ok).toBe(true);
  });

  it("normalizes permisson without mutating the input", () => {
    const input = qqKeyboardOf(renameAction(qqButton("a"), "permission", "permisson"));
    const snapshot = JSON.stringify(input);
    const { layout } = getLayout("qq").normalize(input);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(getLayout("qq").schema.safeParse(layout).success).toBe(true);
    expect(JSON.stringify(layout)).toContain('"permission":{"type":2}');
  });

  it("keeps unknown fields so export matches what was designed", () => {
    const button = qqButton("a", { extra: { group_id: "g1", later_field: { x: 1 } } });
    const result = validate(qqKeyboardOf(button));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.layout)).toContain('"group_id":"g1"');
    expect(JSON.stringify(result.layout)).toContain('"later_field":{"x":1}');
  });

  it("starts new templates from a valid layout", () => {
    expect(validate(getLayout("qq").emptyLayout()).ok).toBe(true);
  });
});

function withoutPath(value: object, path: string[]): object {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[path.at(-1) as string];
  return copy;
}

function renameAction(button: object, from: string, to: string): object {
  const copy = structuredClone(button) as { action: Record<string, unknown> };
  copy.action[to] = copy.action[from];
  delete copy.action[from];
  return copy;
}

describe("QQ jump targets on hostile input", () => {
  it("checks a long jump data in linear time (POST /api/validate)", () => {
    const data = `https://${"a".repeat(100_000)} x`;
    const input = { platform: "qq", layout: qqKeyboardOf(qqButton("a", { action: { type: 0, data } })) };
    expect(JSON.stringify(input).length).toBeLessThan(MAX_BODY_BYTES);
    const started = performance.now();
    const result = validateRequest(input, "en");
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.errors.map((e) => e.code)).toContain("qq.action.jumpTarget");
  });
});
