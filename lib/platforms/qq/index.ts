import { isRecord } from "../issues";
import type { PlatformAdapter } from "../types";
import { clickQqButton } from "./click";
import { qqGrid } from "./grid";
import { importQqMessage } from "./import";
import { qqPermission } from "./permission";
import { QQ_MAX_BUTTONS_PER_ROW, QQ_MAX_ROWS, QQ_SCENES } from "./limits";
import { toQqMessage } from "./message";
import { normalizeQqKeyboard } from "./normalize";
import { checkQqKeyboard } from "./rules";
import { qqKeyboardSchema, type QqKeyboard } from "./schema";

function starterButton() {
  return {
    id: "1",
    render_data: { label: "Button", visited_label: "Button", style: 1 as const },
    action: { type: 1 as const, permission: { type: 2 as const }, data: "button_1", unsupport_tips: "Please update QQ" },
  };
}

export const qqAdapter: PlatformAdapter<QqKeyboard> = {
  id: "qq",
  name: "QQ",
  layout: {
    schema: qqKeyboardSchema,
    limits: { rows: QQ_MAX_ROWS, buttonsPerRow: QQ_MAX_BUTTONS_PER_ROW },
    scenes: QQ_SCENES,
    emptyLayout: () => ({ content: { rows: [{ buttons: [starterButton()] }] } }),
    normalize: normalizeQqKeyboard,
    validate(input, context = {}) {
      const normalized = normalizeQqKeyboard(input);
      const found = checkQqKeyboard(normalized.layout, context);
      const errors = found.errors;
      return { ok: errors.length === 0, errors, warnings: [...normalized.warnings, ...found.warnings], layout: normalized.layout };
    },
    summarize(layout) {
      const rows = isRecord(layout) && isRecord(layout.content) && Array.isArray(layout.content.rows) ? layout.content.rows : [];
      const controls = rows.reduce((sum: number, row: unknown) => sum + (isRecord(row) && Array.isArray(row.buttons) ? row.buttons.length : 0), 0);
      return { rows: rows.length, controls };
    },
    toMessage: toQqMessage,
    importMessage: importQqMessage,
    grid: qqGrid,
    click: clickQqButton,
    permission: qqPermission,
  },
};
