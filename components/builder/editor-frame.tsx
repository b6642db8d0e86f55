"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import { layoutOf } from "@/lib/platforms/registry";
import type { LayoutAdapter } from "@/lib/platforms/types";
import { EditorHeader } from "./editor-header";
import { EditorSidePanel, type SideTab } from "./editor-side-panel";
import { IssueList } from "./issue-list";
import { KindSwitch } from "./kind-switch";
import type { EditableTemplate, TemplateEditorModel } from "./use-template-editor";

interface Props {
  template: EditableTemplate;
  adapter: LayoutAdapter;
  editor: TemplateEditorModel;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** The editing canvas (grid or tree) with its heading text. */
  canvasTitle: string;
  canvas: ReactNode;
  inspector: ReactNode | null;
  preview: ReactNode;
  /** Select what a finding is about; false when nothing matched (the JSON tab opens instead). */
  onPickIssue: (issue: DescribedIssue) => boolean;
}

/** The page around any editing model: header, canvas, message text, checks, and the side panels. */
export function EditorFrame({ template, adapter, editor, tab, onTab, canvasTitle, canvas, inspector, preview, onPickIssue }: Props) {
  const t = useTranslations("editor");
  const { state, dispatch, present, dirty, errors, warnings } = editor;
  // The saved version is what exports: its own kind names its other bodies, even while an unsaved switch is open.
  const savedAdapter = layoutOf(template.platform, state.saved.layout);
  return (
    <div className="space-y-4">
      <EditorHeader
        name={present.name}
        platform={template.platform}
        version={state.version}
        dirty={dirty}
        saving={editor.saving}
        errorCount={errors.length}
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        scenes={adapter.scenes}
        scene={editor.scene}
        templateId={template.id}
        extraExports={savedAdapter.extraExports ? Object.keys(savedAdapter.extraExports(state.saved.layout)) : []}
        kind={<KindSwitch platform={template.platform} present={present} onSwitch={(patch) => dispatch({ type: "edit", patch, select: null })} />}
        onName={(name) => dispatch({ type: "edit", patch: { name }, coalesce: "name" })}
        onScene={editor.setScene}
        onUndo={() => dispatch({ type: "undo" })}
        onRedo={() => dispatch({ type: "redo" })}
        onSave={() => void editor.save()}
      />
      {editor.saveError ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{editor.saveError}</p> : null}
      {editor.draftRestored && dirty ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t("draftRestored")}
          <button type="button" className="font-medium underline" onClick={editor.discardDraft}>
            {t("discardDraft")}
          </button>
        </div>
      ) : null}
      {/* Below lg one column; at lg the side panel beside the editor. At xl the side panel's parts join this grid
          (EditorSidePanel places them): the editor column (this, then the tabs under it) and the preview column,
          which spans both rows so it can stick while the editor column scrolls (when it is the taller, the 1fr row
          takes the difference, below the tabs, instead of opening a gap between the canvas and them). */}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] xl:grid-rows-[auto_1fr] xl:items-start">
        <div className="min-w-0 space-y-4 xl:col-start-1 xl:row-start-1">
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="grid-heading">
            <h2 id="grid-heading" className="mb-3 text-sm font-semibold text-slate-900">{canvasTitle}</h2>
            {canvas}
          </section>
          {adapter.hasText ? (
            <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <label htmlFor="message-text" className="mb-1.5 block text-sm font-semibold text-slate-900">{t("text")}</label>
              <textarea id="message-text" rows={3} value={present.text} onChange={(e) => dispatch({ type: "edit", patch: { text: e.target.value }, coalesce: "text" })} className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30" />
              {[...errors, ...warnings].filter((i) => i.path === "text").map((issue) => (
                <p key={issue.code} className={`mt-1 text-xs ${errors.includes(issue) ? "text-red-600" : "text-amber-700"}`}>{issue.message}</p>
              ))}
              <p className="mt-1 text-xs text-slate-500">{t("textHelp")}</p>
            </section>
          ) : null}
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="issues-heading">
            <h2 id="issues-heading" className="mb-2 text-sm font-semibold text-slate-900">{t("issues.title")}</h2>
            <IssueList errors={errors} warnings={warnings} onPick={(issue) => {
              if (onPickIssue(issue)) return;
              if (issue.path === "text") document.getElementById("message-text")?.focus();
              else onTab("json");
            }} />
          </section>
        </div>
        <EditorSidePanel
          tab={tab}
          onTab={onTab}
          templateId={template.id}
          platform={template.platform}
          historyKey={editor.historyKey}
          adapter={adapter}
          layout={present.layout}
          onLayout={(layout) => dispatch({ type: "edit", patch: { layout } })}
          inspector={inspector}
          preview={preview}
          onRestore={(snapshot) => void editor.save(snapshot)}
        />
      </div>
    </div>
  );
}
