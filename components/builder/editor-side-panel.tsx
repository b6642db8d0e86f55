"use client";

import { clsx } from "clsx";
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

export function EditorSidePanel(props: Props) {
  const t = useTranslations("editor.tabs");
  const te = useTranslations("editor");
  return (
    <section className="min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm">
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
      <div role="tabpanel" id={`panel-${props.tab}`} aria-labelledby={`tab-${props.tab}`} className="p-4">
        {props.tab === "inspector" ? (props.inspector ?? <p className="text-sm text-slate-500">{te("inspectorEmpty")}</p>) : null}
        {props.tab === "preview" ? <div className="space-y-4">{props.preview}</div> : null}
        {props.tab === "json" ? <JsonEditor value={props.layout} onChange={props.onLayout} label={te("json.label")} /> : null}
        {props.tab === "history" ? <VersionsPanel key={props.historyKey} templateId={props.templateId} platform={props.platform} onRestore={props.onRestore} /> : null}
      </div>
    </section>
  );
}
