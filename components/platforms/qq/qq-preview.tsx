"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { getIn } from "@/lib/builder/set-in";
import type { PreviewProps } from "../types";
import { SimpleMarkdown } from "./simple-markdown";

const label = (cell: unknown, visited: boolean) => {
  const value = getIn(cell, ["render_data", visited ? "visited_label" : "label"]);
  return typeof value === "string" ? value : "";
};

/** A QQ chat bubble: markdown, then the keyboard; 0 grey outline, 1 blue outline; visited_label after a click. */
export function QqPreview({ text, rows, onClick, visited }: PreviewProps) {
  const t = useTranslations("editor.preview");
  return (
    <div className="rounded-xl bg-[#f2f3f5] p-4" data-testid="qq-preview">
      <div className="flex gap-2.5">
        <div aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-sky-400 to-blue-600 text-sm font-semibold text-white">
          B
        </div>
        <div className="min-w-0 flex-1">
          <div className="mb-1 text-xs text-slate-500">{t("botName")}</div>
          <div className="rounded-2xl rounded-tl-sm bg-white px-3.5 py-2.5 text-sm leading-relaxed text-[#1a1a1a] shadow-sm">
            {text.trim() ? <SimpleMarkdown source={text} /> : <span className="text-slate-400 italic">{t("noText")}</span>}
          </div>
          <div className="mt-1.5 space-y-1.5">
            {rows.map((cells, r) => (
              <div key={r} className="flex gap-1.5">
                {cells.map((cell, c) => {
                  const key = `${r}:${c}`;
                  const style = getIn(cell, ["render_data", "style"]);
                  return (
                    <button
                      key={key}
                      type="button"
                      onClick={() => onClick({ row: r, cell: c })}
                      className={clsx(
                        "min-w-0 flex-1 truncate rounded-md border bg-white px-2 py-1.5 text-[13px] transition-colors",
                        style === 1 ? "border-[#0099ff] text-[#0099ff] hover:bg-sky-50" : "border-[#c9ccd1] text-[#4d4d4d] hover:bg-slate-50",
                      )}
                    >
                      {label(cell, visited.has(key))}
                    </button>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
