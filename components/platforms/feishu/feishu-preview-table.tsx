"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { FeishuMarkdown } from "./feishu-markdown";
import { Person } from "./feishu-preview-display";
import { records, str, type PartProps, type PreviewContext } from "./feishu-preview-shared";
import { BACKGROUND_COLOURS, TAG_COLOURS } from "./feishu-styles";

/** A number column's format: currency symbol before, fixed decimals, thousands separators. */
export function formatNumber(value: number, format: Record<string, unknown>): string {
  const precision = typeof format.precision === "number" ? format.precision : undefined;
  const fixed = precision === undefined ? String(value) : value.toFixed(precision);
  const [whole = "", fraction] = fixed.split(".");
  const grouped = format.separator === true ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  return `${str(format.symbol)}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** A date column: a millisecond timestamp shown in the viewer's zone, in `date_format` (YYYY MM DD HH mm ss tokens). */
export function formatDate(ms: number, pattern: string): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  const tokens: Record<string, string> = {
    YYYY: String(d.getFullYear()), MM: pad(d.getMonth() + 1), DD: pad(d.getDate()), HH: pad(d.getHours()), mm: pad(d.getMinutes()), ss: pad(d.getSeconds()),
  };
  return (pattern || "YYYY/MM/DD HH:mm").replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => tokens[token]!);
}

function Cell({ column, value, ctx }: { column: Record<string, unknown>; value: unknown; ctx: PreviewContext }) {
  switch (str(column.data_type) || "text") {
    case "number":
      return <>{typeof value === "number" ? formatNumber(value, isRecord(column.format) ? column.format : {}) : str(value)}</>;
    case "options":
      return (
        <span className="flex flex-wrap gap-1">
          {(Array.isArray(value) ? value : [value]).filter(isRecord).map((tag, i) => {
            const colour = TAG_COLOURS[str(tag.color)] ?? TAG_COLOURS.neutral!;
            return <span key={i} className="rounded px-1.5 text-xs leading-5" style={colour}>{str(tag.text)}</span>;
          })}
        </span>
      );
    case "persons":
      return (
        <span className="flex flex-wrap gap-x-2 gap-y-1">
          {(Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === "string").map((id, i) => (
            <Person key={i} id={id} size={18} showName showAvatar ctx={ctx} />
          ))}
        </span>
      );
    case "date":
      return <>{typeof value === "number" ? formatDate(value, str(column.date_format)) : str(value)}</>;
    case "lark_md":
    case "markdown":
      return <FeishuMarkdown source={str(value)} labels={ctx.labels} />;
    default:
      return <>{typeof value === "number" ? String(value) : str(value)}</>;
  }
}

/** A real table: the columns' display names, then `page_size` rows a page (1–10, 5 by default). */
export function TableView({ node, ctx }: PartProps) {
  const [page, setPage] = useState(0);
  const columns = records(node.columns);
  const rows = records(node.rows);
  const size = Math.min(10, Math.max(1, typeof node.page_size === "number" ? Math.floor(node.page_size) : 5));
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  const header = isRecord(node.header_style) ? node.header_style : {};
  const showHeader = columns.some((c) => str(c.display_name));
  return (
    <div className="space-y-1">
      <div className="overflow-x-auto rounded-md border border-[#dee0e3]">
        <table className="w-full border-collapse text-left text-sm">
          {showHeader ? (
            <thead style={{ background: BACKGROUND_COLOURS[str(header.background_style)] ?? "#f2f3f5" }}>
              <tr>
                {columns.map((column, i) => (
                  <th
                    key={i}
                    scope="col"
                    className="border-b border-[#dee0e3] px-2 py-1.5 whitespace-nowrap"
                    style={{ fontWeight: header.bold === false ? 400 : 600, color: str(header.text_color) === "grey" ? "#646a73" : "#1f2329", width: str(column.width) !== "auto" ? str(column.width) || undefined : undefined }}
                  >
                    {str(column.display_name)}
                  </th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {rows.slice(current * size, current * size + size).map((row, r) => (
              <tr key={r} className="border-b border-[#dee0e3] last:border-b-0">
                {columns.map((column, c) => (
                  <td
                    key={c}
                    className="px-2 py-1.5 align-middle"
                    style={{ textAlign: (str(column.horizontal_align) || (column.data_type === "number" ? "right" : "left")) as "left" | "right" | "center", verticalAlign: str(column.vertical_align) || undefined }}
                  >
                    <Cell column={column} value={row[str(column.name)]} ctx={ctx} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className="flex items-center justify-end gap-1 text-xs text-[#646a73]">
          <button type="button" aria-label={ctx.t("previousPage")} disabled={current === 0} onClick={() => setPage(current - 1)} className="rounded p-0.5 hover:bg-[#f2f3f5] disabled:opacity-40">
            <ChevronLeft aria-hidden className="size-4" />
          </button>
          <span>{ctx.t("pageOf", { page: current + 1, pages })}</span>
          <button type="button" aria-label={ctx.t("nextPage")} disabled={current >= pages - 1} onClick={() => setPage(current + 1)} className="rounded p-0.5 hover:bg-[#f2f3f5] disabled:opacity-40">
            <ChevronRight aria-hidden className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
