import { nextFreeId } from "../grid-ids";
import { isRecord } from "../issues";
import { ENGLISH_STARTER, type GridAdapter } from "../types";
import { QQ_MAX_BUTTONS_PER_ROW, QQ_MAX_ROWS } from "./limits";

function rawRows(layout: unknown): unknown[] {
  return isRecord(layout) && isRecord(layout.content) && Array.isArray(layout.content.rows) ? layout.content.rows : [];
}

export const qqGrid: GridAdapter = {
  isGrid: (layout) => !(isRecord(layout) && layout.id !== undefined && layout.content === undefined),
  rows: (layout) => rawRows(layout).map((row) => (isRecord(row) && Array.isArray(row.buttons) ? row.buttons : [])),
  withRows(layout, rows) {
    const base = isRecord(layout) ? layout : {};
    const content = isRecord(base.content) ? base.content : {};
    return { ...base, content: { ...content, rows: rows.map((buttons) => ({ buttons })) } };
  },
  cellPath: ({ row, cell }) => ["content", "rows", row, "buttons", cell],
  maxRows: QQ_MAX_ROWS,
  rowCapacity: () => ({ max: QQ_MAX_BUTTONS_PER_ROW, fullCode: "qq.grid.rowFull" }),
  newCell(rows, text = ENGLISH_STARTER) {
    const { n, id } = nextFreeId(rows.flat().map((b) => (isRecord(b) ? b.id : undefined)), String);
    return {
      id,
      render_data: { label: text.label(n), visited_label: text.label(n), style: 1 },
      action: { type: 1, permission: { type: 2 }, data: `button_${n}`, unsupport_tips: text.phrase?.("unsupportTips") ?? "Please update QQ" },
    };
  },
  cellLabel(cell) {
    const render = isRecord(cell) && isRecord(cell.render_data) ? cell.render_data : {};
    return typeof render.label === "string" ? render.label : "";
  },
};
