import type { LayoutAdapter } from "./types";

/** Rows (or top-level elements) and controls (or all elements) of any stored layout, for lists and version summaries. */
export function summarizeLayout(adapter: LayoutAdapter, layout: unknown): { rows: number; controls: number } {
  if (adapter.tree) return { rows: adapter.tree.roots(layout).length, controls: adapter.tree.countNodes(layout) };
  const rows = adapter.grid?.rows(layout) ?? [];
  return { rows: rows.length, controls: rows.reduce((sum, cells) => sum + cells.length, 0) };
}
