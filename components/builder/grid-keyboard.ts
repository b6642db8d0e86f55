import type { KeyboardCoordinateGetter } from "@dnd-kit/core";

export type DragData = { kind: "row"; row: number } | { kind: "cell"; row: number; cell: number };

const cellId = (row: number, cell: number) => `cell-${row}-${cell}`;

/**
 * Arrow keys move a picked-up control to the neighbouring slot (left/right in its
 * row, up/down to the same position in the next row) and a picked-up row to the
 * next row. dnd-kit's generic getter would also stop on the rows that contain controls.
 */
export const gridKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const from = (context.over?.data.current ?? context.active?.data.current) as DragData | undefined;
  if (!from) return undefined;
  const rects = context.droppableRects;
  let target: string | undefined;
  if (from.kind === "row") {
    if (event.code === "ArrowUp") target = `row-${from.row - 1}`;
    if (event.code === "ArrowDown") target = `row-${from.row + 1}`;
  } else {
    const lastIn = (row: number) => {
      let c = 0;
      while (rects.has(cellId(row, c + 1))) c++;
      return c;
    };
    if (event.code === "ArrowLeft") target = cellId(from.row, from.cell - 1);
    if (event.code === "ArrowRight") target = cellId(from.row, from.cell + 1);
    if (event.code === "ArrowUp" && rects.has(cellId(from.row - 1, 0))) target = cellId(from.row - 1, Math.min(from.cell, lastIn(from.row - 1)));
    if (event.code === "ArrowDown" && rects.has(cellId(from.row + 1, 0))) target = cellId(from.row + 1, Math.min(from.cell, lastIn(from.row + 1)));
  }
  const rect = target ? rects.get(target) : undefined;
  if (!rect) return undefined;
  event.preventDefault();
  return { x: rect.left, y: rect.top };
};
