import type { PlatformAdapter } from "../types";
import { clickQqButton } from "./click";
import { qqGrid } from "./grid";
import { importQqMessage } from "./import";
import { qqPermission } from "./permission";
import { QQ_MAX_BUTTONS_PER_ROW, QQ_MAX_ROWS, QQ_SCENES } from "./limits";
import { checkQqText, toQqMessage } from "./message";
import { normalizeQqKeyboard } from "./normalize";
import { checkQqKeyboard } from "./rules";
import { qqKeyboardSchema, type QqKeyboard } from "./schema";

export const qqAdapter: PlatformAdapter<QqKeyboard> = {
  id: "qq",
  name: "QQ",
  ruleFields: ["control", "data"],
  manualReplies: true,
  layout: {
    schema: qqKeyboardSchema,
    limits: { rows: QQ_MAX_ROWS, buttonsPerRow: QQ_MAX_BUTTONS_PER_ROW },
    limitNotes: () => [{ key: "gridRows", params: { rows: QQ_MAX_ROWS, buttons: QQ_MAX_BUTTONS_PER_ROW } }],
    hasText: true,
    scenes: QQ_SCENES,
    emptyLayout: (text) => qqGrid.withRows({}, [[qqGrid.newCell([], text)]]) as QqKeyboard,
    normalize: normalizeQqKeyboard,
    validate(input, context = {}) {
      const normalized = normalizeQqKeyboard(input);
      const found = checkQqKeyboard(normalized.layout, context);
      const errors = found.errors;
      return { ok: errors.length === 0, errors, warnings: [...normalized.warnings, ...found.warnings], layout: normalized.layout };
    },
    toMessage: toQqMessage,
    checkText: checkQqText,
    importMessage: importQqMessage,
    grid: qqGrid,
    click: clickQqButton,
    permission: qqPermission,
  },
};
