"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import { horizontalListSortingStrategy, SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button-classes";
import { addCellBlocked, addRowBlocked, type Rows } from "@/lib/builder/grid-ops";
import type { CellRef, GridAdapter } from "@/lib/platforms/types";
import { gridKeyboardCoordinates, type DragData } from "./grid-keyboard";
import { GridRow } from "./grid-row";

export interface GridEditorProps {
  grid: GridAdapter;
  rows: Rows;
  selected: CellRef | null;
  /** "row:cell" keys of controls with errors, to mark them. */
  invalid: Set<string>;
  onSelect: (ref: CellRef) => void;
  onAddRow: () => void;
  onAddCell: (row: number) => void;
  onRemoveRow: (row: number) => void;
  onMoveRow: (from: number, to: number) => void;
  onMoveCell: (from: CellRef, to: CellRef) => void;
}

// Rows only collide with rows, controls with controls (and rows, to drop at a row's end).
const collision: CollisionDetection = (args) => {
  const kind = (args.active.data.current as DragData | undefined)?.kind;
  return closestCenter({
    ...args,
    droppableContainers: args.droppableContainers.filter((c) => {
      const target = (c.data.current as DragData | undefined)?.kind;
      return kind === "row" ? target === "row" : target === "cell";
    }),
  });
};

export function GridEditor(props: GridEditorProps) {
  const { grid, rows, onAddRow, onMoveRow, onMoveCell } = props;
  const t = useTranslations("editor.grid");
  const tr = useTranslations("rules");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Space picks up and drops; Enter stays free for selecting a control.
    useSensor(KeyboardSensor, { coordinateGetter: gridKeyboardCoordinates, keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space"] } }),
  );
  const rowsBlocked = addRowBlocked(grid, rows);
  const td = useTranslations("editor.grid.dnd");
  const describe = (data: DragData | undefined) =>
    !data ? "" : data.kind === "row" ? td("row", { row: data.row + 1 }) : td("cell", { label: grid.cellLabel(rows[data.row]?.[data.cell]) || "?", row: data.row + 1, n: data.cell + 1 });
  const slot = (data: DragData | undefined) => (!data ? "" : data.kind === "row" ? td("row", { row: data.row + 1 }) : td("slot", { row: data.row + 1, n: data.cell + 1 }));
  const accessibility = {
    screenReaderInstructions: { draggable: td("instructions") },
    announcements: {
      onDragStart: ({ active }: { active: { data: { current?: unknown } } }) => td("pickedUp", { item: describe(active.data.current as DragData) }),
      onDragOver: ({ over }: { over: { data: { current?: unknown } } | null }) => (over ? td("over", { slot: slot(over.data.current as DragData) }) : td("nowhere")),
      onDragEnd: ({ over }: { over: { data: { current?: unknown } } | null }) => (over ? td("dropped", { slot: slot(over.data.current as DragData) }) : td("cancelled")),
      onDragCancel: () => td("cancelled"),
    },
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = active.data.current as DragData | undefined;
    const to = over?.data.current as DragData | undefined;
    if (!from || !to) return;
    if (from.kind === "row") onMoveRow(from.row, to.row);
    else if (to.kind === "cell") onMoveCell({ row: from.row, cell: from.cell }, { row: to.row, cell: to.cell });
  };

  return (
    <div>
      <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd} accessibility={accessibility}>
        <SortableContext items={rows.map((_, r) => `row-${r}`)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" aria-label={t("rowsLabel")}>
            {rows.map((cells, r) => (
              <SortableContext key={r} items={cells.map((_, c) => `cell-${r}-${c}`)} strategy={horizontalListSortingStrategy}>
                <GridRow {...props} row={r} cells={cells} blocked={addCellBlocked(grid, rows, r)} />
              </SortableContext>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {rows.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("empty")}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClasses("secondary")} onClick={onAddRow} disabled={rowsBlocked !== null} aria-describedby={rowsBlocked ? "add-row-reason" : undefined}>
          <Plus aria-hidden className="size-4" />
          {t("addRow")}
        </button>
        {rowsBlocked ? (
          <span id="add-row-reason" className="text-xs text-amber-700">
            {tr(rowsBlocked.code as never, rowsBlocked.params as never)}
          </span>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("keyboardHelp")}</p>
    </div>
  );
}
