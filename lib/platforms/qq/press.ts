import { isRecord } from "../issues";
import type { CellRef } from "../types";
import { qqConfirmModal, type QqConfirmModal } from "./botgo-fields";
import { QQ_ACTION_CALLBACK } from "./limits";

/**
 * What the QQ client does when a button is pressed, before any click is sent:
 * - `locked`: botgo group_id — once one callback button of a group was used, the others are grey and inert;
 * - `confirm`: botgo action.modal — a dialog asks first, and only its confirm button performs the click;
 * - `click`: the click goes through at once.
 * `visited` holds "row:cell" keys of buttons already clicked in this preview.
 */
export type QqPress = { kind: "click" } | { kind: "confirm"; modal: QqConfirmModal } | { kind: "locked"; group: string };

const groupOf = (cell: unknown) =>
  isRecord(cell) && typeof cell.group_id === "string" && cell.group_id !== "" && isRecord(cell.action) && cell.action.type === QQ_ACTION_CALLBACK
    ? cell.group_id
    : null;

/** The group a button is greyed out by, or null while it may still be pressed. */
export function qqLockedGroup(rows: unknown[][], ref: CellRef, visited: ReadonlySet<string>): string | null {
  const group = groupOf(rows[ref.row]?.[ref.cell]);
  if (group === null) return null;
  const usedByAnother = rows.some((cells, r) => cells.some((cell, c) => (r !== ref.row || c !== ref.cell) && visited.has(`${r}:${c}`) && groupOf(cell) === group));
  return usedByAnother ? group : null;
}

export function pressQqButton(rows: unknown[][], ref: CellRef, visited: ReadonlySet<string>): QqPress {
  const group = qqLockedGroup(rows, ref, visited);
  if (group !== null) return { kind: "locked", group };
  const modal = qqConfirmModal(rows[ref.row]?.[ref.cell]);
  return modal ? { kind: "confirm", modal } : { kind: "click" };
}

/** The answer to an open confirm dialog: the button to click on confirm, nothing on cancel or dismissal. */
export function answerQqConfirm(pending: CellRef | null, confirmed: boolean): CellRef | null {
  return confirmed ? pending : null;
}
