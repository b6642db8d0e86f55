"use client";

import { useDraggable, useDroppable } from "@dnd-kit/core";
import { clsx } from "clsx";
import { GripVertical, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import type { IndexPath } from "@/lib/builder/tree-ops";
import { TreeAddMenu } from "./tree-add-menu";
import { handleId, type TreeDragData } from "./tree-dnd";
import type { TreeEditorProps } from "./tree-editor";

interface NodeProps extends TreeEditorProps {
  node: unknown;
  path: IndexPath;
  name: (node: unknown, path: IndexPath) => string;
  dragging: IndexPath | null;
  keyboard: { moving: IndexPath | null; onKey: (path: IndexPath, event: KeyboardEvent) => void; onBlur: () => void };
}

const key = (path: IndexPath) => path.join("-");
const same = (a: IndexPath | null, b: IndexPath) => a !== null && key(a) === key(b);

/** One element: its handle, its name (click selects), remove, and for containers its children and an add menu. */
export function TreeNode(props: NodeProps) {
  const { tree, layout, node, path, name, selected, invalid, onSelect, onInsert, onRemove, keyboard, dragging } = props;
  const t = useTranslations("editor.tree");
  const id = key(path);
  const data: TreeDragData = { kind: "node", path };
  const { attributes, listeners, setNodeRef: setDragRef, setActivatorNodeRef } = useDraggable({ id: `node-${id}`, data });
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: `before-${id}`, data });
  const children = tree.children(node);
  const label = name(node, path);
  const isSelected = same(selected, path);
  const hasError = invalid.has(path.join("."));
  const isMoving = same(keyboard.moving, path);
  const isDragged = dragging !== null && key(dragging) === id;

  return (
    <li ref={setDropRef} aria-label={label} className={clsx("relative", isOver && "before:absolute before:-top-1 before:right-0 before:left-0 before:h-0.5 before:rounded before:bg-indigo-500")}>
      <div
        ref={setDragRef}
        className={clsx(
          "flex items-center gap-1 rounded-md border bg-white px-1 py-1 shadow-sm",
          isSelected ? "border-indigo-500 ring-2 ring-indigo-500/30" : "border-slate-200",
          hasError && !isSelected && "border-red-400",
          isMoving && "ring-2 ring-amber-400",
          isDragged && "opacity-40",
        )}
      >
        <button
          type="button"
          id={handleId(path)}
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t("move", { item: label })}
          aria-pressed={isMoving}
          onKeyDown={(event) => keyboard.onKey(path, event)}
          onBlur={keyboard.onBlur}
          className="cursor-grab rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <GripVertical aria-hidden className="size-4" />
        </button>
        <button
          type="button"
          aria-pressed={isSelected}
          aria-label={hasError ? t("withErrors", { item: label }) : label}
          onClick={() => onSelect(path)}
          onKeyDown={(event) => {
            if (event.key === "Delete") {
              event.preventDefault();
              onRemove(path);
            }
          }}
          className="flex min-w-0 flex-1 items-center gap-2 rounded px-1.5 py-0.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className={clsx("shrink-0 rounded px-1.5 py-0.5 font-mono text-[11px]", hasError ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-600")}>{tree.nodeKind(node)}</span>
          <span className={clsx("min-w-0 truncate", hasError ? "text-red-700" : "text-slate-800")}>{tree.nodeLabel(node) || t("untitled")}</span>
        </button>
        <button type="button" onClick={() => onRemove(path)} aria-label={t("removeItem", { item: label })} title={t("removeItem", { item: label })} className="rounded-md p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600">
          <Trash2 aria-hidden className="size-4" />
        </button>
      </div>
      {children ? (
        <div className="mt-1.5 ml-3 border-l-2 border-slate-100 pl-3">
          <ol className="space-y-1.5" aria-label={t("childrenOf", { item: label })}>
            {children.map((child, i) => (
              <TreeNode key={i} {...props} node={child} path={[...path, i]} />
            ))}
            <TreeDropZone parent={path} count={children.length} />
          </ol>
          <div className="mt-1">
            <TreeAddMenu tree={tree} layout={layout} parent={path} label={t("addTo", { item: label })} compact onInsert={onInsert} />
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** The place after a container's last child (or in an empty one), so drags can land there. */
export function TreeDropZone({ parent, count }: { parent: IndexPath; count: number }) {
  const data: TreeDragData = { kind: "zone", parent, count };
  const { setNodeRef, isOver } = useDroppable({ id: `end-${key(parent) || "root"}`, data });
  return <li ref={setNodeRef} aria-hidden className={clsx("h-2 rounded transition-colors", isOver && "h-6 border-2 border-dashed border-indigo-400 bg-indigo-50")} />;
}
