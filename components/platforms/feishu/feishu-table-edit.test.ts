import { describe, expect, it } from "vitest";
import { addColumn, addRow, cellKind, removeColumn, removeRow, renameColumn, setCell, tableParts } from "./feishu-table-edit";

const table = tableParts({
  columns: [{ name: "city", display_name: "City", data_type: "text" }, { name: "qty", data_type: "number" }],
  rows: [{ city: "Beijing", qty: 12 }, { city: "Shanghai", qty: 8 }],
});

describe("Feishu table edits", () => {
  it("renaming a column moves its cells", () => {
    const next = renameColumn(table, 0, "town");
    expect(next.columns[0]).toEqual({ name: "town", display_name: "City", data_type: "text" });
    expect(next.rows).toEqual([{ town: "Beijing", qty: 12 }, { town: "Shanghai", qty: 8 }]);
  });

  it("removing a column drops its cells", () => {
    const next = removeColumn(table, 1);
    expect(next.columns.map((c) => c.name)).toEqual(["city"]);
    expect(next.rows).toEqual([{ city: "Beijing" }, { city: "Shanghai" }]);
  });

  it("adds a column with a free name, and rows", () => {
    const next = addRow(addColumn(addColumn(table, (n) => `Column ${n}`), (n) => `Column ${n}`));
    expect(next.columns.map((c) => c.name)).toEqual(["city", "qty", "column_3", "column_4"]);
    expect(next.rows).toHaveLength(3);
    expect(removeRow(next, 0).rows[0]).toEqual({ city: "Shanghai", qty: 8 });
  });

  it("sets and clears a cell", () => {
    expect(setCell(table, 1, "city", "Hangzhou").rows[1]).toEqual({ city: "Hangzhou", qty: 8 });
    expect(setCell(table, 1, "qty", undefined).rows[1]).toEqual({ city: "Shanghai" });
  });

  it("types cells by the column's data_type", () => {
    expect(cellKind("number", 3)).toBe("number");
    expect(cellKind("date", 1699341315000)).toBe("number");
    expect(cellKind("text", "a")).toBe("text");
    expect(cellKind("persons", "ou_x")).toBe("text");
    expect(cellKind("persons", ["ou_a", "ou_b"])).toBe("json");
    expect(cellKind("options", [{ text: "S2", color: "blue" }])).toBe("json");
  });
});
