"use client";

import { clsx } from "clsx";
import { ArrowRight } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Snapshot } from "@/lib/builder/editor-state";
import type { LayoutAdapter, PlatformId } from "@/lib/platforms/types";
import dynamic from "next/dynamic";

// CodeMirror and the diff engine are most of the editor's weight: they load when their tab opens.
const JsonEditor = dynamic(() => import("./json-editor").then((m) => m.JsonEditor), { ssr: false, loading: () => <PanelLoading /> });
const VersionsPanel = dynamic(() => import("./versions-panel").then((m) => m.VersionsPanel), { ssr: false, loading: () => <PanelLoading /> });

function PanelLoading() {
  return <div className="h-40 animate-pulse rounded-lg bg-slate-100" />;
}

export const SIDE_TABS = ["inspector", "preview", "json", "history"] as const;
export type SideTab = (typeof SIDE_TABS)[number];

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  templateId: string;
  historyKey: number;
  adapter: LayoutAdapter;
  platform: PlatformId;
  layout: unknown;
  onLayout: (layout: unknown) => void;
  inspector: ReactNode | null;
  /** The preview with what goes around it: the simulator target, the click outcome, permissions. */
  preview: ReactNode;
  onRestore: (snapshot: Snapshot) => void;
}

/**
 * The tabs and what they open. Below 1,280 px it is one card: the tabs over the chosen panel, the preview among them.
 * From 1,280 px (xl) the card dissolves (display: contents) into the frame's grid (EditorFrame): the tabs and their
 * panel join the editor column, under the canvas, text and checks, and the preview takes a column of its own beside
 * it, sticky, so editing never hides it. The preview is mounted once and only hidden below xl when another tab is chosen: its state (a
 * form typed into, a dialog open, the endpoint list) survives a tab switch and a resize across the breakpoint.
 */
export function EditorSidePanel(props: Props) {
  const t = useTranslations("editor.tabs");
  const te = useTranslations("editor");
  const tc = useTranslations("editor.click");
  const previewTab = props.tab === "preview";
  return (
    <section className="min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm xl:contents">
      <div className="min-w-0 xl:col-start-1 xl:row-start-2 xl:rounded-xl xl:border xl:border-slate-200 xl:bg-white xl:shadow-sm">
        <div role="tablist" aria-label={t("label")} className="flex border-b border-slate-200 px-2">
          {SIDE_TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={props.tab === tab}
              aria-controls={`panel-${tab}`}
              onClick={() => props.onTab(tab)}
              className={clsx(
                "-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                props.tab === tab ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {t(tab)}
            </button>
          ))}
        </div>
        {previewTab ? (
          // The Preview tab stays at xl (the same tabs at every width; it is where people and tests look for it):
          // chosen there, it points at the column beside, which it marks.
          <p className="hidden items-center gap-2 p-4 text-sm text-slate-500 xl:flex">
            {tc("hint")}
            <ArrowRight aria-hidden className="size-4 shrink-0" />
          </p>
        ) : (
          <div role="tabpanel" id={`panel-${props.tab}`} aria-labelledby={`tab-${props.tab}`} className="p-4">
            {props.tab === "inspector" ? (props.inspector ?? <p className="text-sm text-slate-500">{te("inspectorEmpty")}</p>) : null}
            {props.tab === "json" ? <JsonEditor value={props.layout} onChange={props.onLayout} label={te("json.label")} /> : null}
            {props.tab === "history" ? <VersionsPanel key={props.historyKey} templateId={props.templateId} platform={props.platform} onRestore={props.onRestore} /> : null}
          </div>
        )}
      </div>
      {/* The Preview tab's panel while it is chosen; at xl, while another tab is, a region of its own beside it. */}
      <div
        role={previewTab ? "tabpanel" : "region"}
        id="panel-preview"
        aria-labelledby="tab-preview"
        className={clsx(
          "min-w-0 p-4",
          !previewTab && "hidden xl:block",
          // Sticky beside the editor, scrolling on its own when taller than the window.
          "xl:sticky xl:top-4 xl:col-start-2 xl:row-[1/span_2] xl:max-h-[calc(100dvh-2rem)] xl:overflow-y-auto",
          "xl:rounded-xl xl:border xl:border-slate-200 xl:bg-white xl:shadow-sm",
          previewTab && "xl:ring-2 xl:ring-indigo-500/40",
        )}
      >
        <h2 className="mb-3 hidden text-sm font-semibold text-slate-900 xl:block">{t("preview")}</h2>
        <div className="space-y-4">{props.preview}</div>
      </div>
    </section>
  );
}
