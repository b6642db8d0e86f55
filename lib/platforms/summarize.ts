import type { LayoutAdapter } from "./types";

/** Rows and controls of any stored layout, for lists and version summaries. */
export function summarizeLayout(adapter: LayoutAdapter, layout: unknown): { rows: number; controls: number } {
  const rows = adapter.grid.rows(layout);
  return { rows: rows.length, controls: rows.reduce((sum, cells) => sum + cells.length, 0) };
}
