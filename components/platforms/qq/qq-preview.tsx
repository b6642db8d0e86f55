"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { getIn } from "@/lib/builder/set-in";
import type { QqConfirmModal } from "@/lib/platforms/qq/botgo-fields";
import { answerQqConfirm, pressQqButton, qqLockedGroup } from "@/lib/platforms/qq/press";
import type { CellRef } from "@/lib/platforms/types";
import type { PreviewProps } from "../types";
import { QqConfirmDialog } from "./qq-confirm-dialog";
import { SimpleMarkdown } from "./simple-markdown";

const label = (cell: unknown, visited: boolean) => {
  const value = getIn(cell, ["render_data", visited ? "visited_label" : "label"]);
  return typeof value === "string" ? value : "";
};

/** 0 grey outline, 1 blue outline; botgo-only 3 white with red text, 4 filled blue with white text. */
const STYLE_CLASS: Record<number, string> = {
  1: "border-[#0099ff] bg-white text-[#0099ff] hover:bg-sky-50",
  3: "border-[#c9ccd1] bg-white text-[#f74c30] hover:bg-red-50",
  4: "border-[#0099ff] bg-[#0099ff] text-white hover:bg-[#0088ee]",
};
const GREY = "border-[#c9ccd1] bg-white text-[#4d4d4d] hover:bg-slate-50";

/**
 * A QQ chat bubble: markdown, then the keyboard; visited_label after a click. A button with a confirm
 * dialog (botgo action.modal) asks first; a callback button whose group_id was used elsewhere is grey.
 */
export function QqPreview({ text, rows, onClick, visited }: PreviewProps) {
  const t = useTranslations("editor.preview");
  const tq = useTranslations("editor.qq.botgo");
  const [pending, setPending] = useState<{ ref: CellRef; modal: QqConfirmModal } | null>(null);
  const press = (ref: CellRef) => {
    const outcome = pressQqButton(rows, ref, visited);
    if (outcome.kind === "click") onClick(ref);
    else if (outcome.kind === "confirm") setPending({ ref, modal: outcome.modal });
  };
  const answer = (confirmed: boolean) => {
    const ref = answerQqConfirm(pending?.ref ?? null, confirmed);
    setPending(null);
    if (ref) onClick(ref);
  };
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
                  const locked = qqLockedGroup(rows, { row: r, cell: c }, visited);
                  return (
                    <button
                      key={key}
                      type="button"
                      aria-disabled={locked !== null ? true : undefined}
                      title={locked !== null ? tq("groupDone", { group: locked }) : undefined}
                      onClick={() => press({ row: r, cell: c })}
                      className={clsx(
                        "min-w-0 flex-1 truncate rounded-md border px-2 py-1.5 text-[13px] transition-colors",
                        locked !== null ? "cursor-not-allowed border-[#e5e6eb] bg-[#f5f6f7] text-[#b8bcc2]" : (typeof style === "number" && STYLE_CLASS[style]) || GREY,
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
      <QqConfirmDialog modal={pending?.modal ?? null} onAnswer={answer} />
    </div>
  );
}
