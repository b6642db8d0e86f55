"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Blocked } from "@/lib/builder/grid-ops";
import type { GridEditorProps } from "./grid-editor";
import { GridCell } from "./grid-cell";

export function GridRow(props: GridEditorProps & { row: number; cells: unknown[]; blocked: Blocked | null }) {
  const { row, cells, blocked, onAddCell, onRemoveRow } = props;
  const t = useTranslations("editor.grid");
  const tr = useTranslations("rules");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `row-${row}`,
    data: { kind: "row", row },
  });
  const reasonId = `row-${row}-full`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`rounded-lg border border-slate-200 bg-slate-50/60 p-2 ${isDragging ? "z-10 shadow-lg" : ""}`}
      aria-label={t("rowLabel", { n: row + 1 })}
    >
      <div className="flex items-center gap-1.5">
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t("moveRow", { n: row + 1 })}
          className="cursor-grab rounded p-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <GripVertical aria-hidden className="size-4" />
        </button>
        <div className="flex min-w-0 flex-1 flex-wrap gap-1.5">
          {cells.map((cell, c) => (
            <GridCell key={c} {...props} cellIndex={c} cell={cell} />
          ))}
        </div>
        <button
          type="button"
          onClick={() => onAddCell(row)}
          disabled={blocked !== null}
          aria-label={t("addButton")}
          aria-describedby={blocked ? reasonId : undefined}
          title={blocked ? tr(blocked.code as never, blocked.params as never) : t("addButton")}
          className="rounded-md border border-dashed border-slate-300 p-1.5 text-slate-500 hover:border-indigo-400 hover:text-indigo-600 disabled:cursor-not-allowed disabled:opacity-40"
        >
          <Plus aria-hidden className="size-4" />
        </button>
        <button type="button" onClick={() => onRemoveRow(row)} aria-label={t("removeRow", { n: row + 1 })} className="rounded-md p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600">
          <Trash2 aria-hidden className="size-4" />
        </button>
      </div>
      {blocked ? (
        <p id={reasonId} className="mt-1 pl-8 text-xs text-amber-700">
          {tr(blocked.code as never, blocked.params as never)}
        </p>
      ) : null}
    </li>
  );
}
