import type { IndexPath } from "@/lib/builder/tree-ops";

/** What a draggable or droppable in the tree stands for: a node (drop before it) or a container's end. */
export type TreeDragData = { kind: "node"; path: IndexPath } | { kind: "zone"; parent: IndexPath; count: number };

/** Where a dragged node would land. */
export const targetOf = (data: TreeDragData): { parent: IndexPath; before: number } =>
  data.kind === "zone" ? { parent: data.parent, before: data.count } : { parent: data.path.slice(0, -1), before: data.path.at(-1)! };

/** The id of a node's drag handle, so focus can follow a node that moved. */
export const handleId = (path: IndexPath) => `tree-handle-${path.join("-")}`;
