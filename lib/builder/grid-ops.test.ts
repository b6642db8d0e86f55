import { describe, expect, it } from "vitest";
import { discordGrid as discordLayoutGrid, discordRows, discordSelect } from "@/lib/platforms/discord/fixtures/layouts";
import { getLayout } from "@/lib/platforms/registry";
import type { GridAdapter, LayoutAdapter } from "@/lib/platforms/types";
import { qqGrid as qqLayoutGrid } from "@/lib/platforms/qq/fixtures/layouts";
import { addCell, addCellBlocked, addRow, addRowBlocked, cellOfPath, moveCell, moveRow, removeCell } from "./grid-ops";

const qq = requireGrid(getLayout("qq"));
const discord = requireGrid(getLayout("discord"));

function requireGrid(layout: LayoutAdapter): LayoutAdapter & { grid: GridAdapter } {
  if (!layout.grid) throw new Error("not a grid platform");
  return layout as LayoutAdapter & { grid: GridAdapter };
}

describe("grid operations", () => {
  it("grows a QQ keyboard to 5 × 5 and no further, saying why", () => {
    let rows = qq.grid.rows({ content: { rows: [] } });
    while (!addRowBlocked(qq.grid, rows)) rows = addRow(qq.grid, rows);
    for (let r = 0; r < rows.length; r++) while (!addCellBlocked(qq.grid, rows, r)) rows = addCell(qq.grid, rows, r);
    expect(rows.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    expect(addRowBlocked(qq.grid, rows)).toEqual({ code: "grid.rowsFull", params: { max: 5 } });
    expect(addCellBlocked(qq.grid, rows, 0)).toEqual({ code: "qq.grid.rowFull", params: { max: 5 } });
    expect(addRow(qq.grid, rows)).toBe(rows);
    const layout = qq.grid.withRows({ content: { rows: [] } }, rows);
    expect(qq.validate(layout).errors).toEqual([]);
  });

  it("a Discord select fills its row", () => {
    const rows = discord.grid.rows(discordRows([discordSelect("s")]));
    expect(addCellBlocked(discord.grid, rows, 0)).toEqual({ code: "discord.grid.selectFillsRow", params: { max: 1 } });
  });

  it("new controls get unique ids", () => {
    let rows = discord.grid.rows(discordLayoutGrid(1, 1));
    rows = addCell(discord.grid, rows, 0);
    rows = addRow(discord.grid, rows);
    expect(discord.validate(discord.grid.withRows({}, rows)).errors).toEqual([]);
  });

  it("moves within a row, across rows, and refuses a full target row", () => {
    const rows = qq.grid.rows(qqLayoutGrid(2, 2));
    const label = (r: unknown[][]) => r.map((cells) => cells.map((c) => qq.grid.cellLabel(c)));
    expect(label(moveCell(qq.grid, rows, { row: 0, cell: 0 }, { row: 0, cell: 1 }))[0]).toEqual(["Button 0-1", "Button 0-0"]);
    expect(label(moveCell(qq.grid, rows, { row: 0, cell: 0 }, { row: 1, cell: 0 }))).toEqual([["Button 0-1"], ["Button 0-0", "Button 1-0", "Button 1-1"]]);
    const full = qq.grid.rows(qqLayoutGrid(2, 5));
    expect(moveCell(qq.grid, full, { row: 0, cell: 0 }, { row: 1, cell: 0 })).toBe(full);
    expect(label(moveRow(rows, 1, 0))[0]).toEqual(["Button 1-0", "Button 1-1"]);
  });

  it("removing the last control of a row removes the row", () => {
    const rows = qq.grid.rows(qqLayoutGrid(2, 1));
    expect(removeCell(rows, { row: 0, cell: 0 })).toHaveLength(1);
  });

  it("finds the control a finding points into", () => {
    const rows = qq.grid.rows(qqLayoutGrid(2, 2));
    expect(cellOfPath(qq.grid, rows, ["content", "rows", 1, "buttons", 0, "action", "data"])).toEqual({ row: 1, cell: 0 });
    expect(cellOfPath(qq.grid, rows, ["content", "rows"])).toBeNull();
  });
});
