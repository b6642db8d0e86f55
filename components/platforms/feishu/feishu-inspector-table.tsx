"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { smallInput } from "@/components/ui/field";
import { FEISHU_TABLE_DATA_TYPES, FEISHU_TABLE_PAGE_SIZE_MAX } from "@/lib/platforms/feishu/limits";
import { str } from "./feishu-fields";
import type { SectionProps } from "./feishu-inspector-common";
import { addColumn, addRow, cellKind, columnName, removeColumn, removeRow, renameColumn, setCell, tableParts, type TableParts } from "./feishu-table-edit";

const removeButton = "rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600";
const addButton = "inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500";

/** A table: paging, then its columns (name, header, data type) and rows as cells under each column's name. */
export function TableSection({ kit, element }: SectionProps) {
  const t = useTranslations("editor.feishu.inspector");
  const tf = useTranslations("editor.feishu");
  const parts = tableParts(element);
  const apply = (next: TableParts) => kit.setAll({ columns: next.columns, rows: next.rows }, "table");
  const setColumn = (i: number, key: string, value: unknown) =>
    kit.set("columns", parts.columns.map((c, j) => (j === i ? { ...c, [key]: value } : c)));
  const id = (...parts: (string | number)[]) => [kit.id("table"), ...parts].join("-");

  return (
    <>
      <div className="grid grid-cols-2 gap-2">
        {kit.number("page_size", t("pageSize"), { min: 1, max: FEISHU_TABLE_PAGE_SIZE_MAX, help: t("pageSizeHelp", { max: FEISHU_TABLE_PAGE_SIZE_MAX }) })}
        {kit.text("row_height", t("rowHeight"), t("rowHeightHelp"), { mono: true })}
      </div>
      {kit.flag("freeze_first_column", t("freezeFirstColumn"))}

      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-700">{t("columns")}</legend>
        {kit.errorOn("columns") ? <p className="text-xs text-red-600">{kit.errorOn("columns")}</p> : null}
        {parts.columns.map((column, i) => (
          <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-1.5 rounded-lg border border-slate-200 p-2">
            <Labelled id={id("col", i, "name")} label={t("columnName", { n: i + 1 })}>
              <input id={id("col", i, "name")} className={`${smallInput} font-mono`} value={columnName(column)} onChange={(e) => apply(renameColumn(parts, i, e.target.value))} />
            </Labelled>
            <Labelled id={id("col", i, "display")} label={t("columnDisplayName", { n: i + 1 })}>
              <input id={id("col", i, "display")} className={smallInput} value={str(column.display_name)} onChange={(e) => setColumn(i, "display_name", e.target.value === "" ? undefined : e.target.value)} />
            </Labelled>
            <button type="button" aria-label={t("removeColumn", { n: i + 1 })} title={t("removeColumn", { n: i + 1 })} className={removeButton} onClick={() => apply(removeColumn(parts, i))}>
              <Trash2 aria-hidden className="size-4" />
            </button>
            <Labelled id={id("col", i, "type")} label={t("columnDataType", { n: i + 1 })}>
              <select id={id("col", i, "type")} className={smallInput} value={str(column.data_type)} onChange={(e) => setColumn(i, "data_type", e.target.value === "" ? undefined : e.target.value)}>
                <option value="">{tf("unset")}</option>
                {FEISHU_TABLE_DATA_TYPES.map((type) => <option key={type} value={type}>{t(`dataTypes.${type}`)}</option>)}
              </select>
            </Labelled>
            <Labelled id={id("col", i, "width")} label={t("columnWidth", { n: i + 1 })}>
              <input id={id("col", i, "width")} className={`${smallInput} font-mono`} value={str(column.width)} onChange={(e) => setColumn(i, "width", e.target.value === "" ? undefined : e.target.value)} />
            </Labelled>
            {kit.errorAt(`columns.${i}`) ? <p className="col-span-3 text-xs text-red-600">{kit.errorAt(`columns.${i}`)}</p> : null}
          </div>
        ))}
        <button type="button" className={addButton} onClick={() => apply(addColumn(parts, (n) => t("columnStarter", { n })))}>
          <Plus aria-hidden className="size-4" />
          {t("addColumn")}
        </button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-700">{t("rows")}</legend>
        {kit.errorOn("rows") ? <p className="text-xs text-red-600">{kit.errorOn("rows")}</p> : null}
        {parts.rows.map((row, r) => (
          <div key={r} className="flex items-start gap-1.5">
            <div className="grid min-w-0 flex-1 grid-cols-2 gap-1.5">
              {parts.columns.map((column, c) => {
                const name = columnName(column);
                const cellId = id("row", r, "col", c);
                const label = t("cell", { row: r + 1, column: str(column.display_name) || name || c + 1 });
                const kind = cellKind(column.data_type, row[name]);
                return (
                  <Labelled key={c} id={cellId} label={label} srOnly>
                    {kind === "json" ? (
                      <input id={cellId} className={`${smallInput} font-mono text-xs`} readOnly value={JSON.stringify(row[name])} title={t("cellInJson")} />
                    ) : (
                      <input
                        id={cellId}
                        type={kind === "number" ? "number" : "text"}
                        placeholder={label}
                        className={smallInput}
                        value={row[name] === undefined ? "" : String(row[name])}
                        onChange={(e) => apply(setCell(parts, r, name, e.target.value === "" ? undefined : kind === "number" ? Number(e.target.value) : e.target.value))}
                      />
                    )}
                  </Labelled>
                );
              })}
              {kit.errorAt(`rows.${r}`) ? <p className="col-span-2 text-xs text-red-600">{kit.errorAt(`rows.${r}`)}</p> : null}
            </div>
            <button type="button" aria-label={t("removeRow", { n: r + 1 })} title={t("removeRow", { n: r + 1 })} className={removeButton} onClick={() => apply(removeRow(parts, r))}>
              <Trash2 aria-hidden className="size-4" />
            </button>
          </div>
        ))}
        <button type="button" className={addButton} onClick={() => apply(addRow(parts))}>
          <Plus aria-hidden className="size-4" />
          {t("addRow")}
        </button>
        <p className="text-xs text-slate-500">{t("rowsHelp")}</p>
      </fieldset>
    </>
  );
}

function Labelled({ id, label, srOnly, children }: { id: string; label: string; srOnly?: boolean; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className={srOnly ? "sr-only" : "block text-xs font-medium text-slate-700"}>{label}</label>
      {children}
    </div>
  );
}
