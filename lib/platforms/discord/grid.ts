import { nextFreeId } from "../grid-ids";
import { isRecord } from "../issues";
import { ENGLISH_STARTER, type GridAdapter } from "../types";
import { DISCORD_MAX_BUTTONS_PER_ROW, DISCORD_MAX_ROWS, DISCORD_SELECT_TYPES } from "./limits";

const SELECT_TYPES: readonly number[] = DISCORD_SELECT_TYPES;

export function isDiscordSelect(component: unknown): boolean {
  return isRecord(component) && SELECT_TYPES.includes(Number(component.type));
}

export const discordGrid: GridAdapter = {
  isGrid: () => true,
  rows(layout) {
    const rows = isRecord(layout) && Array.isArray(layout.components) ? layout.components : [];
    return rows.map((row) => (isRecord(row) && Array.isArray(row.components) ? row.components : []));
  },
  withRows(layout, rows) {
    const base = isRecord(layout) ? layout : {};
    return { ...base, components: rows.map((components) => ({ type: 1, components })) };
  },
  cellPath: ({ row, cell }) => ["components", row, "components", cell],
  maxRows: DISCORD_MAX_ROWS,
  rowCapacity: (row) =>
    row.some(isDiscordSelect)
      ? { max: 1, fullCode: "discord.grid.selectFillsRow" }
      : { max: DISCORD_MAX_BUTTONS_PER_ROW, fullCode: "discord.grid.rowFull" },
  newCell(rows, text = ENGLISH_STARTER) {
    const { n, id } = nextFreeId(rows.flat().map((c) => (isRecord(c) ? c.custom_id : undefined)), (i) => `button_${i}`);
    return { type: 2, style: 1, label: text.label(n), custom_id: id };
  },
  cellLabel(cell) {
    if (!isRecord(cell)) return "";
    if (typeof cell.label === "string" && cell.label) return cell.label;
    if (typeof cell.placeholder === "string") return cell.placeholder;
    return isRecord(cell.emoji) && typeof cell.emoji.name === "string" ? cell.emoji.name : "";
  },
};
