import { isRecord } from "../issues";
import type { RuleIssue } from "../types";
import { botgoFieldWarnings } from "./botgo-fields";

/**
 * Tolerant import. The official field table spells `permisson` while the API
 * reads `permission`; layouts copied from the table get the misspelling fixed,
 * with a warning, instead of failing later at QQ with a parse error.
 * Fields only botgo knows are read as they are, each with a warning naming botgo, so import shows
 * them as well as validation. The input is never mutated.
 */
export function normalizeQqKeyboard(input: unknown): { layout: unknown; warnings: RuleIssue[] } {
  const warnings: RuleIssue[] = [];
  if (!isRecord(input) || !isRecord(input.content) || !Array.isArray(input.content.rows)) {
    return { layout: input, warnings };
  }
  const rows = input.content.rows.map((row: unknown, r) => {
    if (!isRecord(row) || !Array.isArray(row.buttons)) return row;
    const buttons = row.buttons.map((button: unknown, b) => {
      if (!isRecord(button) || !isRecord(button.action) || !("permisson" in button.action)) return button;
      const { permisson, ...action } = button.action;
      const path = ["content", "rows", r, "buttons", b, "action", "permisson"];
      if (action.permission === undefined) {
        warnings.push({ code: "qq.permission.misspelt", path });
        return { ...button, action: { ...action, permission: permisson } };
      }
      warnings.push({ code: "qq.permission.misspeltIgnored", path });
      return { ...button, action };
    });
    return { ...row, buttons };
  });
  const layout = { ...input, content: { ...input.content, rows } };
  return { layout, warnings: [...warnings, ...botgoFieldWarnings(layout)] };
}
