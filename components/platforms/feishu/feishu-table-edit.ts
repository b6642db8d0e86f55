import { isRecord } from "@/lib/platforms/issues";

// Table edits that keep columns and rows in step: rows hold their cells under the column's
// name ({"city": "北京"}), so renaming or removing a column also moves or drops that key.

type Row = Record<string, unknown>;
type Column = Record<string, unknown>;
export interface TableParts {
  columns: Column[];
  rows: Row[];
}

export function tableParts(table: Record<string, unknown>): TableParts {
  const records = (value: unknown) => (Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : {})) : []);
  return { columns: records(table.columns), rows: records(table.rows) };
}

export const columnName = (column: Column) => (typeof column.name === "string" ? column.name : "");

export function renameColumn({ columns, rows }: TableParts, index: number, name: string): TableParts {
  const old = columnName(columns[index] ?? {});
  return {
    columns: columns.map((c, i) => (i === index ? { ...c, name } : c)),
    rows: old === name || old === "" ? rows : rows.map((row) => {
      if (!(old in row)) return row;
      const { [old]: cell, ...rest } = row;
      return { ...rest, [name]: cell };
    }),
  };
}

export function removeColumn({ columns, rows }: TableParts, index: number): TableParts {
  const old = columnName(columns[index] ?? {});
  // Another column with the same name still reads the cells.
  const shared = columns.some((c, i) => i !== index && columnName(c) === old);
  return {
    columns: columns.filter((_, i) => i !== index),
    rows: shared ? rows : rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== old))),
  };
}

/** A new text column named column_n with n free. */
export function addColumn({ columns, rows }: TableParts, displayName: (n: number) => string): TableParts {
  const taken = new Set(columns.map(columnName));
  let n = columns.length + 1;
  while (taken.has(`column_${n}`)) n++;
  return { columns: [...columns, { name: `column_${n}`, display_name: displayName(n), data_type: "text" }], rows };
}

export function setCell({ columns, rows }: TableParts, row: number, name: string, value: unknown): TableParts {
  return {
    columns,
    rows: rows.map((r, i) => {
      if (i !== row) return r;
      if (value !== undefined) return { ...r, [name]: value };
      return Object.fromEntries(Object.entries(r).filter(([key]) => key !== name));
    }),
  };
}

export const addRow = ({ columns, rows }: TableParts): TableParts => ({ columns, rows: [...rows, {}] });
export const removeRow = ({ columns, rows }: TableParts, index: number): TableParts => ({ columns, rows: rows.filter((_, i) => i !== index) });

/** How a cell is typed in: numbers (number, and date as a millisecond timestamp), text, or only in the JSON (options lists). */
export function cellKind(dataType: unknown, value: unknown): "number" | "text" | "json" {
  if (dataType === "number" || dataType === "date") return typeof value === "number" || value === undefined ? "number" : "json";
  if (dataType === "options") return "json";
  return typeof value === "string" || value === undefined ? "text" : "json";
}
