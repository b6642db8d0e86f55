import type { CellRef, GridAdapter, StarterText } from "@/lib/platforms/types";

export type Rows = unknown[][];

/** Why a grid control is disabled: a catalogue code (under "rules") with its parameters. */
export interface Blocked {
  code: string;
  params: { max: number };
}

export function addRowBlocked(grid: GridAdapter, rows: Rows): Blocked | null {
  return rows.length >= grid.maxRows ? { code: "grid.rowsFull", params: { max: grid.maxRows } } : null;
}

export function addCellBlocked(grid: GridAdapter, rows: Rows, row: number): Blocked | null {
  const cells = rows[row] ?? [];
  const capacity = grid.rowCapacity(cells);
  return cells.length >= capacity.max ? { code: capacity.fullCode, params: { max: capacity.max } } : null;
}

/** A new row holding one new control, so the layout stays valid (no empty rows). */
export function addRow(grid: GridAdapter, rows: Rows, text?: StarterText): Rows {
  if (addRowBlocked(grid, rows)) return rows;
  return [...rows, [grid.newCell(rows, text)]];
}

export function addCell(grid: GridAdapter, rows: Rows, row: number, text?: StarterText): Rows {
  if (addCellBlocked(grid, rows, row)) return rows;
  return rows.map((cells, r) => (r === row ? [...cells, grid.newCell(rows, text)] : cells));
}

/** Removes a control; a row left empty goes with it. */
export function removeCell(rows: Rows, { row, cell }: CellRef): Rows {
  return rows
    .map((cells, r) => (r === row ? cells.filter((_, c) => c !== cell) : cells))
    .filter((cells, r) => r !== row || cells.length > 0);
}

export function removeRow(rows: Rows, row: number): Rows {
  return rows.filter((_, r) => r !== row);
}

export function replaceCell(rows: Rows, { row, cell }: CellRef, value: unknown): Rows {
  return rows.map((cells, r) => (r === row ? cells.map((c, i) => (i === cell ? value : c)) : cells));
}

export function moveRow(rows: Rows, from: number, to: number): Rows {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return rows;
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/**
 * Moves a control within or across rows. Into a full row it is refused (the
 * grid shows why); a source row left empty is removed.
 */
export function moveCell(grid: GridAdapter, rows: Rows, from: CellRef, to: CellRef): Rows {
  const moving = rows[from.row]?.[from.cell];
  if (moving === undefined || !rows[to.row]) return rows;
  if (from.row === to.row) {
    const cells = [...rows[from.row]!];
    cells.splice(from.cell, 1);
    cells.splice(Math.min(to.cell, cells.length), 0, moving);
    return rows.map((c, r) => (r === from.row ? cells : c));
  }
  const target = rows[to.row]!;
  if (target.length >= grid.rowCapacity([...target, moving]).max) return rows;
  const next = rows.map((cells, r) => {
    if (r === from.row) return cells.filter((_, c) => c !== from.cell);
    if (r === to.row) return [...cells.slice(0, to.cell), moving, ...cells.slice(to.cell)];
    return cells;
  });
  return next.filter((cells, r) => r !== from.row || cells.length > 0);
}

/** The control a finding points into, if any: its path starts with the control's path. */
export function cellOfPath(grid: GridAdapter, rows: Rows, path: (string | number)[]): CellRef | null {
  for (let row = 0; row < rows.length; row++) {
    for (let cell = 0; cell < (rows[row]?.length ?? 0); cell++) {
      const prefix = grid.cellPath({ row, cell });
      if (prefix.every((part, i) => String(path[i]) === String(part))) return { row, cell };
    }
  }
  return null;
}
