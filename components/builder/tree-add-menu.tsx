"use client";

import { clsx } from "clsx";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { insertBlocked, nodeAt, type IndexPath } from "@/lib/builder/tree-ops";
import type { TreeAdapter } from "@/lib/platforms/types";

interface Props {
  tree: TreeAdapter;
  layout: unknown;
  parent: IndexPath;
  /** Accessible name of the menu button, naming the container. */
  label: string;
  compact?: boolean;
  onInsert: (parent: IndexPath, kind: string) => void;
}

/** "Add element" for one container: only the kinds it takes, disabled with the reason when it takes none now. */
export function TreeAddMenu({ tree, layout, parent, label, compact, onInsert }: Props) {
  const t = useTranslations("editor.tree");
  const tr = useTranslations("rules");
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const reasonId = useId();
  const list = useRef<HTMLDivElement>(null);
  const kinds = tree.insertable(parent.length ? nodeAt(tree, layout, parent) : null, layout);
  const blocked = insertBlocked(tree, layout, parent);
  const kindName = (kind: string) => (t.has(`kinds.${kind}`) ? t(`kinds.${kind}` as never) : kind);

  useEffect(() => {
    if (open) list.current?.querySelector("button")?.focus();
  }, [open]);

  if (kinds.length === 0) return null;
  return (
    <div
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-label={label}
          aria-expanded={open}
          aria-controls={menuId}
          aria-describedby={blocked ? reasonId : undefined}
          disabled={blocked !== null}
          onClick={() => setOpen((o) => !o)}
          className={clsx(
            "inline-flex items-center gap-1.5 rounded-md border border-dashed border-slate-300 text-slate-600 hover:border-indigo-400 hover:text-indigo-600 disabled:cursor-not-allowed disabled:opacity-50",
            compact ? "px-2 py-0.5 text-xs" : "px-3 py-1.5 text-sm",
          )}
        >
          <Plus aria-hidden className={compact ? "size-3.5" : "size-4"} />
          {t("add")}
        </button>
        {blocked ? (
          <span id={reasonId} className="text-xs text-amber-700">
            {tr(blocked.code as never, blocked.params as never)}
          </span>
        ) : null}
      </div>
      {open ? (
        <div ref={list} id={menuId} role="group" aria-label={label} className="mt-1 flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1.5">
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              onClick={() => {
                setOpen(false);
                onInsert(parent, kind);
              }}
              className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 shadow-sm hover:border-indigo-400 hover:text-indigo-700"
            >
              {kindName(kind)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
