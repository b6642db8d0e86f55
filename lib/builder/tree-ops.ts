import type { IssuePath, StarterText, TreeAdapter } from "@/lib/platforms/types";

/** Why an element cannot be added: a catalogue code (under "rules") with its parameters. */
export interface TreeBlocked {
  code: string;
  params: Record<string, string | number>;
}

/** A node's position: [2] is the third root, [2, 0] the first child of that root. */
export type IndexPath = number[];

export interface FlatNode {
  path: IndexPath;
  node: unknown;
  depth: number;
}

const samePath = (a: IndexPath, b: IndexPath) => a.length === b.length && a.every((n, i) => n === b[i]);
export const isPrefix = (prefix: IndexPath, path: IndexPath) => prefix.length <= path.length && prefix.every((n, i) => n === path[i]);

/** The children at a parent path ([] for the roots), or null when that node holds none. */
export function childrenAt(tree: TreeAdapter, layout: unknown, parent: IndexPath): unknown[] | null {
  if (parent.length === 0) return tree.roots(layout);
  const node = nodeAt(tree, layout, parent);
  return node === undefined ? null : tree.children(node);
}

export function nodeAt(tree: TreeAdapter, layout: unknown, path: IndexPath): unknown {
  let level: unknown[] | null = tree.roots(layout);
  let node: unknown;
  for (const index of path) {
    if (!level || index < 0 || index >= level.length) return undefined;
    node = level[index];
    level = tree.children(node);
  }
  return node;
}

/** The layout with the children of `parent` replaced, rebuilding each ancestor. */
export function withChildrenAt(tree: TreeAdapter, layout: unknown, parent: IndexPath, children: unknown[]): unknown {
  if (parent.length === 0) return tree.withRoots(layout, children);
  const update = (nodes: unknown[], depth: number): unknown[] =>
    nodes.map((node, i) => {
      if (i !== parent[depth]) return node;
      if (depth === parent.length - 1) return tree.withChildren(node, children);
      return tree.withChildren(node, update(tree.children(node) ?? [], depth + 1));
    });
  return tree.withRoots(layout, update(tree.roots(layout), 0));
}

export function replaceNode(tree: TreeAdapter, layout: unknown, path: IndexPath, node: unknown): unknown {
  const parent = path.slice(0, -1);
  const index = path.at(-1)!;
  const siblings = childrenAt(tree, layout, parent);
  if (!siblings || index >= siblings.length) return layout;
  return withChildrenAt(tree, layout, parent, siblings.map((n, i) => (i === index ? node : n)));
}

/** Every node in document order with its depth, for rendering and keyboard movement. */
export function flatten(tree: TreeAdapter, layout: unknown): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: unknown[], prefix: IndexPath) =>
    nodes.forEach((node, i) => {
      const path = [...prefix, i];
      out.push({ path, node, depth: prefix.length });
      walk(tree.children(node) ?? [], path);
    });
  walk(tree.roots(layout), []);
  return out;
}

/** Why a kind cannot be inserted into a parent: not allowed there, or the card is full. Catalogue codes under "rules". */
export function insertBlocked(tree: TreeAdapter, layout: unknown, parent: IndexPath, kind?: string): TreeBlocked | null {
  if (tree.countNodes(layout) >= tree.maxNodes) return { code: "tree.full", params: { max: tree.maxNodes } };
  const host = parent.length === 0 ? null : nodeAt(tree, layout, parent);
  const kinds = tree.insertable(host, layout);
  if (kinds.length === 0 || (kind !== undefined && !kinds.includes(kind))) return { code: "tree.notHere", params: { kind: kind ?? "" } };
  // A new node may bring children of its own (a Discord section: text and an accessory): count the layout it makes.
  if (kind !== undefined) {
    const siblings = childrenAt(tree, layout, parent);
    const next = siblings ? withChildrenAt(tree, layout, parent, [...siblings, tree.newNode(kind, layout)]) : layout;
    if (tree.countNodes(next) > tree.maxNodes) return { code: "tree.full", params: { max: tree.maxNodes } };
  }
  return null;
}

/** A new node of `kind` at `index` of `parent` (default: the end); null when blocked. */
export function insertNode(tree: TreeAdapter, layout: unknown, parent: IndexPath, kind: string, text?: StarterText, index?: number): { layout: unknown; path: IndexPath } | null {
  if (insertBlocked(tree, layout, parent, kind)) return null;
  const siblings = childrenAt(tree, layout, parent);
  if (!siblings) return null;
  const host = parent.length === 0 ? null : nodeAt(tree, layout, parent);
  const at = Math.max(0, Math.min(index ?? tree.insertIndex?.(host, kind, siblings) ?? siblings.length, siblings.length));
  const node = tree.newNode(kind, layout, text);
  const next = [...siblings.slice(0, at), node, ...siblings.slice(at)];
  return { layout: withChildrenAt(tree, layout, parent, next), path: [...parent, at] };
}

export function removeNode(tree: TreeAdapter, layout: unknown, path: IndexPath): unknown {
  const parent = path.slice(0, -1);
  const siblings = childrenAt(tree, layout, parent);
  if (!siblings || path.length === 0) return layout;
  return withChildrenAt(tree, layout, parent, siblings.filter((_, i) => i !== path.at(-1)));
}

/** Whether a node of `kind` may sit among the children of `parent`. */
function accepts(tree: TreeAdapter, layout: unknown, parent: IndexPath, kind: string): boolean {
  if (parent.length > 0 && nodeAt(tree, layout, parent) === undefined) return false;
  // Without the layout: a move changes no count, so a full container still takes its own children back in order.
  return tree.insertable(parent.length === 0 ? null : nodeAt(tree, layout, parent)).includes(kind);
}

/**
 * Moves a node before position `before` of `target` (both in the coordinates of the
 * layout as it is now), within its parent or across parents. Null when refused: into
 * itself, or into a parent that does not take its kind.
 */
export function moveNode(tree: TreeAdapter, layout: unknown, from: IndexPath, target: IndexPath, before: number): { layout: unknown; path: IndexPath } | null {
  const node = nodeAt(tree, layout, from);
  if (node === undefined || from.length === 0 || isPrefix(from, target)) return null;
  if (!accepts(tree, layout, target, tree.nodeKind(node))) return null;
  // Removing the node shifts later siblings (and everything under them) one place up.
  const slot = [...target, before];
  const parent = from.slice(0, -1);
  const index = from.at(-1)!;
  if (isPrefix(parent, slot) && slot.length > parent.length && slot[parent.length]! > index) slot[parent.length] = slot[parent.length]! - 1;
  const detached = removeNode(tree, layout, from);
  const newParent = slot.slice(0, -1);
  const siblings = childrenAt(tree, detached, newParent);
  if (!siblings) return null;
  const at = Math.max(0, Math.min(slot.at(-1)!, siblings.length));
  const next = [...siblings.slice(0, at), node, ...siblings.slice(at)];
  const path = [...newParent, at];
  if (samePath(path, from)) return null;
  return { layout: withChildrenAt(tree, detached, newParent, next), path };
}

/**
 * Every place a node could be inserted, in reading order: before the first child of a
 * container, inside that child, before the second child, …, after the last child.
 */
function slots(tree: TreeAdapter, layout: unknown, kind: string): { parent: IndexPath; index: number }[] {
  const out: { parent: IndexPath; index: number }[] = [];
  const walk = (parent: IndexPath, nodes: unknown[]) => {
    const here = accepts(tree, layout, parent, kind);
    nodes.forEach((node, i) => {
      if (here) out.push({ parent, index: i });
      const children = tree.children(node);
      if (children) walk([...parent, i], children);
    });
    if (here) out.push({ parent, index: nodes.length });
  };
  walk([], tree.roots(layout));
  return out;
}

/** One keyboard step: the node moves to the previous or next place that takes its kind, in reading order. */
export function stepNode(tree: TreeAdapter, layout: unknown, from: IndexPath, direction: -1 | 1): { layout: unknown; path: IndexPath } | null {
  const node = nodeAt(tree, layout, from);
  if (node === undefined) return null;
  const detached = removeNode(tree, layout, from);
  const places = slots(tree, detached, tree.nodeKind(node));
  const current = places.findIndex((p) => samePath(p.parent, from.slice(0, -1)) && p.index === from.at(-1));
  const next = places[current + direction];
  if (current < 0 || !next) return null;
  const siblings = childrenAt(tree, detached, next.parent) ?? [];
  const moved = [...siblings.slice(0, next.index), node, ...siblings.slice(next.index)];
  return { layout: withChildrenAt(tree, detached, next.parent, moved), path: [...next.parent, next.index] };
}

/**
 * JSON path of the node at an index path. Where a node keeps its children can depend on its
 * tag (Feishu: a column_set's columns, a form's elements), so adapters may read the layout too.
 */
export function jsonPathOf(tree: TreeAdapter, layout: unknown, path: IndexPath): IssuePath {
  return tree.nodePath(path, layout);
}

/** The deepest node a finding points into: the longest node path that prefixes the finding's path. */
export function nodeOfPath(tree: TreeAdapter, layout: unknown, path: IssuePath): IndexPath | null {
  const matches = (prefix: IssuePath) => prefix.length <= path.length && prefix.every((part, i) => String(path[i]) === String(part));
  let found: IndexPath | null = null;
  let level: unknown[] | null = tree.roots(layout);
  let prefix: IndexPath = [];
  while (level) {
    const hit: number = level.findIndex((_, i) => matches(jsonPathOf(tree, layout, [...prefix, i])));
    if (hit < 0) break;
    prefix = [...prefix, hit];
    found = prefix;
    level = tree.children(level[hit]);
  }
  return found;
}
