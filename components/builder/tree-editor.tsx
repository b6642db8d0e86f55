"use client";

import {
  closestCenter,
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { isPrefix, nodeAt, type IndexPath } from "@/lib/builder/tree-ops";
import type { TreeAdapter } from "@/lib/platforms/types";
import { TreeAddMenu } from "./tree-add-menu";
import { handleId, targetOf, type TreeDragData } from "./tree-dnd";
import { TreeDropZone, TreeNode } from "./tree-node";
import { useNodeName } from "./use-node-name";

export interface TreeEditorProps {
  tree: TreeAdapter;
  layout: unknown;
  selected: IndexPath | null;
  /** Index paths ("1.0.2") of nodes with errors, to mark them. */
  invalid: Set<string>;
  onSelect: (path: IndexPath) => void;
  onInsert: (parent: IndexPath, kind: string) => void;
  onRemove: (path: IndexPath) => void;
  /** Moves a node before position `before` of `parent`; the node's new path, or null when refused. */
  onMove: (from: IndexPath, parent: IndexPath, before: number) => IndexPath | null;
  /** One keyboard step to the previous or next place that takes the node. */
  onStep: (from: IndexPath, direction: -1 | 1) => IndexPath | null;
  onCancelMove: (original: unknown) => void;
}

/**
 * The layout as a nested list. Drag a node by its handle, or focus the handle, press
 * Space, move it with the arrow keys (through every place that takes it) and press
 * Space again; Escape puts it back. Delete removes the focused node.
 */
export function TreeEditor(props: TreeEditorProps) {
  const { tree, layout, onMove, onStep, onCancelMove } = props;
  const t = useTranslations("editor.tree");
  const name = useNodeName(tree);
  const [dragging, setDragging] = useState<IndexPath | null>(null);
  const [moving, setMoving] = useState<{ path: IndexPath; from: IndexPath; original: unknown } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<IndexPath | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  // A moved node renders at a new index path: its handle takes the focus there.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(handleId(focusAfter.current))?.focus();
    focusAfter.current = null;
  });

  const describe = useCallback((path: IndexPath) => name(nodeAt(tree, layout, path), path), [layout, name, tree]);
  const where = useCallback((path: IndexPath) => {
    const parent = path.slice(0, -1);
    return parent.length ? t("dnd.inside", { n: path.at(-1)! + 1, parent: describe(parent) }) : t("dnd.atRoot", { n: path.at(-1)! + 1 });
  }, [describe, t]);

  // Only places whose parent takes the dragged kind collide; the innermost one under the pointer wins.
  const collision: CollisionDetection = useCallback((args) => {
    const from = (args.active.data.current as TreeDragData | undefined);
    if (!from || from.kind !== "node") return [];
    const kind = tree.nodeKind(nodeAt(tree, layout, from.path));
    const droppableContainers = args.droppableContainers.filter((c) => {
      const data = c.data.current as TreeDragData | undefined;
      if (!data) return false;
      const { parent } = targetOf(data);
      if (isPrefix(from.path, parent) || (data.kind === "node" && isPrefix(from.path, data.path))) return false;
      const host = parent.length ? nodeAt(tree, layout, parent) : null;
      return tree.insertable(host).includes(kind);
    });
    const under = pointerWithin({ ...args, droppableContainers });
    if (under.length) {
      const area = (id: string | number) => {
        const rect = args.droppableRects.get(id);
        return rect ? rect.width * rect.height : Infinity;
      };
      return [...under].sort((a, b) => area(a.id) - area(b.id)).slice(0, 1);
    }
    return closestCenter({ ...args, droppableContainers });
  }, [layout, tree]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const data = active.data.current as TreeDragData | undefined;
    if (data?.kind === "node") setDragging(data.path);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const from = active.data.current as TreeDragData | undefined;
    const to = over?.data.current as TreeDragData | undefined;
    if (!from || from.kind !== "node" || !to) return;
    const { parent, before } = targetOf(to);
    const moved = onMove(from.path, parent, before);
    if (moved) setAnnouncement(t("dnd.dropped", { item: describe(from.path), place: where(moved) }));
  };

  const keyboard = {
    moving: moving?.path ?? null,
    onKey: (path: IndexPath, event: React.KeyboardEvent) => {
      const isMoving = moving !== null;
      if (event.key === " " || (isMoving && event.key === "Enter")) {
        event.preventDefault();
        if (isMoving) {
          setMoving(null);
          setAnnouncement(t("dnd.droppedKeyboard", { place: where(path) }));
        } else {
          setMoving({ path, from: path, original: layout });
          setAnnouncement(t("dnd.pickedUp", { item: describe(path), place: where(path) }));
        }
        return;
      }
      if (isMoving && event.key === "Escape") {
        event.preventDefault();
        onCancelMove(moving.original);
        focusAfter.current = moving.from;
        setMoving(null);
        setAnnouncement(t("dnd.cancelled"));
        return;
      }
      if (isMoving && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
        event.preventDefault();
        const next = onStep(path, event.key === "ArrowUp" ? -1 : 1);
        if (!next) return setAnnouncement(t("dnd.noFurther"));
        focusAfter.current = next;
        setMoving({ ...moving, path: next });
        setAnnouncement(t("dnd.over", { place: where(next) }));
        return;
      }
      if (!isMoving && (event.key === "Delete" || event.key === "Backspace")) {
        event.preventDefault();
        props.onRemove(path);
        setAnnouncement(t("dnd.removed", { item: describe(path) }));
      }
    },
    onBlur: () => {
      // Leaving the handle drops the node where it is, as a pointer drag would.
      if (moving && !focusAfter.current) setMoving(null);
    },
  };

  const roots = tree.roots(layout);
  return (
    <div>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          screenReaderInstructions: { draggable: t("dnd.instructions") },
          announcements: {
            onDragStart: () => "",
            onDragOver: () => "",
            onDragEnd: () => "",
            onDragCancel: () => t("dnd.cancelled"),
          },
        }}
      >
        <ol className="space-y-1.5" aria-label={t("rootsLabel")}>
          {roots.map((node, i) => (
            <TreeNode key={i} {...props} node={node} path={[i]} name={name} keyboard={keyboard} dragging={dragging} />
          ))}
          <TreeDropZone parent={[]} count={roots.length} />
        </ol>
        <DragOverlay dropAnimation={null}>
          {dragging ? <div className="rounded-md border border-indigo-400 bg-white px-3 py-1.5 text-sm shadow-lg">{describe(dragging)}</div> : null}
        </DragOverlay>
      </DndContext>
      {roots.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("empty")}</p> : null}
      <div className="mt-3">
        <TreeAddMenu tree={tree} layout={layout} parent={[]} label={t("addElement")} onInsert={props.onInsert} />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("keyboardHelp")}</p>
      <p aria-live="assertive" className="sr-only">{announcement}</p>
    </div>
  );
}
