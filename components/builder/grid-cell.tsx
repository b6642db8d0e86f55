"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { GridEditorProps } from "./grid-editor";

/** A control in the grid: click or Enter selects it, Space picks it up to move with the arrow keys. */
export function GridCell({ grid, row, cellIndex, cell, selected, invalid, onSelect }: GridEditorProps & { row: number; cellIndex: number; cell: unknown }) {
  const t = useTranslations("editor.grid");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: `cell-${row}-${cellIndex}`,
    data: { kind: "cell", row, cell: cellIndex },
  });
  const isSelected = selected?.row === row && selected.cell === cellIndex;
  const hasError = invalid.has(`${row}:${cellIndex}`);
  const label = grid.cellLabel(cell) || t("untitled");
  return (
    <button
      type="button"
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      aria-pressed={isSelected}
      aria-label={t("cellLabel", { label, row: row + 1, n: cellIndex + 1 })}
      onClick={() => onSelect({ row, cell: cellIndex })}
      onKeyDown={(event) => {
        if (event.key === "Enter") onSelect({ row, cell: cellIndex });
        listeners?.onKeyDown?.(event);
      }}
      className={clsx(
        "relative max-w-[10rem] min-w-[3.5rem] flex-1 basis-0 truncate rounded-md border bg-white px-1.5 py-1.5 text-[13px] shadow-sm transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
        isSelected ? "border-indigo-500 ring-2 ring-indigo-500/30" : "border-slate-300 hover:border-slate-400",
        hasError && "border-red-400 text-red-700",
        isDragging && "z-10 shadow-lg",
      )}
    >
      {hasError ? <span aria-hidden className="absolute top-1 right-1 size-1.5 rounded-full bg-red-500" /> : null}
      {label}
    </button>
  );
}
