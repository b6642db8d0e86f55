"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { platformPanels } from "@/components/platforms/registry";
import { clearDraft, readDraft, writeDraft } from "@/lib/builder/draft";
import { editorReducer, initEditor, isDirty, sameSnapshot, type Snapshot } from "@/lib/builder/editor-state";
import { addCell, addRow, cellOfPath, moveCell, moveRow, removeCell, removeRow, replaceCell, type Rows } from "@/lib/builder/grid-ops";
import { getPlatform } from "@/lib/platforms/registry";
import type { Actor, CellRef, ClickOutcome, PlatformId } from "@/lib/platforms/types";
import type { TemplateView } from "@/lib/templates/view";
import { EditorHeader } from "./editor-header";
import { EditorSidePanel, type SideTab } from "./editor-side-panel";
import { GridEditor } from "./grid-editor";
import { IssueList } from "./issue-list";
import { SimulatorTarget, type SimulationOutcome } from "./simulator-target";
import { useDescribeIssues } from "./use-describe-issues";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useStarterText } from "./use-starter-text";

export function TemplateEditor({ template }: { template: TemplateView & { platform: PlatformId } }) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const adapter = getPlatform(template.platform).layout;
  const panels = platformPanels[template.platform];
  const serverSnapshot: Snapshot = { name: template.name, text: template.text, layout: template.layout };
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initEditor(serverSnapshot, template.version));
  const [scene, setScene] = useState<string | undefined>(adapter.scenes[0]);
  const [tab, setTab] = useState<SideTab>("inspector");
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [visited, setVisited] = useState<Set<string>>(new Set());
  const [click, setClick] = useState<{ outcome: ClickOutcome; label: string } | null>(null);
  const [actor, setActor] = useState<Actor>({ userId: "user_1", roles: [], isAdmin: false });
  const [historyKey, setHistoryKey] = useState(0);
  const [simEndpoint, setSimEndpoint] = useState("");
  const [simResult, setSimResult] = useState<SimulationOutcome | null>(null);
  const describe = useDescribeIssues();
  const starter = useStarterText();

  const { present } = state;
  const dirty = isDirty(state);
  const rows: Rows = useMemo(() => adapter.grid.rows(present.layout), [adapter, present.layout]);
  const result = useMemo(() => {
    const layout = adapter.validate(present.layout, { scene });
    const text = adapter.checkText(present.text);
    return { errors: [...layout.errors, ...text.errors], warnings: [...layout.warnings, ...text.warnings] };
  }, [adapter, present.layout, present.text, scene]);
  const errors = useMemo(() => describe(result.errors), [describe, result.errors]);
  const warnings = useMemo(() => describe(result.warnings), [describe, result.warnings]);
  const invalid = useMemo(() => {
    const keys = new Set<string>();
    for (const issue of result.errors) {
      const ref = cellOfPath(adapter.grid, rows, issue.path);
      if (ref) keys.add(`${ref.row}:${ref.cell}`);
    }
    return keys;
  }, [adapter, rows, result.errors]);
  const selectedCell = state.selected ? rows[state.selected.row]?.[state.selected.cell] : undefined;
  const selectedPath = state.selected ? adapter.grid.cellPath(state.selected).join(".") : "";

  // A draft left by a reload or crash comes back; one equal to the stored template is dropped.
  useEffect(() => {
    const draft = readDraft(window.localStorage, template.id);
    if (!draft) return;
    if (sameSnapshot(draft.snapshot, serverSnapshot)) return clearDraft(window.localStorage, template.id);
    dispatch({ type: "load", snapshot: draft.snapshot, version: draft.version, saved: serverSnapshot });
    // localStorage exists only after hydration, so the draft can only be noticed in an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraftRestored(true);
    // Only on mount: later changes are this editor's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (dirty) writeDraft(window.localStorage, template.id, { version: state.version, snapshot: present, at: Date.now() });
    else clearDraft(window.localStorage, template.id);
  }, [dirty, present, state.version, template.id]);

  useEffect(() => {
    if (!dirty) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [dirty]);

  const editRows = useCallback((next: Rows, select?: CellRef | null) => dispatch({ type: "edit", patch: { layout: adapter.grid.withRows(present.layout, next) }, select }), [adapter, present.layout]);

  const save = useCallback(async (snapshot: Snapshot = present) => {
    setSaving(true);
    setSaveError(null);
    try {
      const response = await fetch(`/api/templates/${template.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify({ ...snapshot, scene, baseVersion: state.version }),
      });
      const body = await response.json();
      if (!response.ok) {
        setSaveError(body?.error?.message ?? t("saveFailed", { status: response.status }));
        return;
      }
      dispatch({ type: "saved", snapshot, version: body.template.version });
      if (snapshot !== present) dispatch({ type: "edit", patch: snapshot });
      setHistoryKey((k) => k + 1);
    } catch (error) {
      setSaveError(t("saveFailed", { status: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  }, [locale, present, scene, state.version, t, template.id]);

  useEditorShortcuts({ onUndo: () => dispatch({ type: "undo" }), onRedo: () => dispatch({ type: "redo" }), onSave: () => !saving && errors.length === 0 && void save() });

  const select = (ref: CellRef | null) => {
    dispatch({ type: "select", ref });
    if (ref) setTab("inspector");
  };

  const Inspector = panels.Inspector;
  const Preview = panels.Preview;

  return (
    <div className="space-y-4">
      <EditorHeader
        name={present.name}
        platform={template.platform}
        version={state.version}
        dirty={dirty}
        saving={saving}
        errorCount={errors.length}
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        scenes={adapter.scenes}
        scene={scene}
        templateId={template.id}
        onName={(name) => dispatch({ type: "edit", patch: { name }, coalesce: "name" })}
        onScene={setScene}
        onUndo={() => dispatch({ type: "undo" })}
        onRedo={() => dispatch({ type: "redo" })}
        onSave={() => void save()}
      />
      {saveError ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{saveError}</p> : null}
      {draftRestored && dirty ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t("draftRestored")}
          <button type="button" className="font-medium underline" onClick={() => { dispatch({ type: "load", snapshot: serverSnapshot, version: template.version }); setDraftRestored(false); }}>
            {t("discardDraft")}
          </button>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="min-w-0 space-y-4">
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="grid-heading">
            <h2 id="grid-heading" className="mb-3 text-sm font-semibold text-slate-900">{t("grid.title")}</h2>
            {adapter.grid.isGrid(present.layout) ? (
              <GridEditor
                grid={adapter.grid}
                rows={rows}
                selected={state.selected}
                invalid={invalid}
                onSelect={select}
                onAddRow={() => editRows(addRow(adapter.grid, rows, starter), { row: rows.length, cell: 0 })}
                onAddCell={(row) => editRows(addCell(adapter.grid, rows, row, starter), { row, cell: rows[row]?.length ?? 0 })}
                onRemoveRow={(row) => editRows(removeRow(rows, row), null)}
                onMoveRow={(from, to) => editRows(moveRow(rows, from, to), null)}
                onMoveCell={(from, to) => editRows(moveCell(adapter.grid, rows, from, to), null)}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("grid.notGrid")}</p>
            )}
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <label htmlFor="message-text" className="mb-1.5 block text-sm font-semibold text-slate-900">{t("text")}</label>
            <textarea id="message-text" rows={3} value={present.text} onChange={(e) => dispatch({ type: "edit", patch: { text: e.target.value }, coalesce: "text" })} className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30" />
            {[...errors, ...warnings].filter((i) => i.path === "text").map((issue) => (
              <p key={issue.code} className={`mt-1 text-xs ${errors.includes(issue) ? "text-red-600" : "text-amber-700"}`}>{issue.message}</p>
            ))}
            <p className="mt-1 text-xs text-slate-500">{t("textHelp")}</p>
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="issues-heading">
            <h2 id="issues-heading" className="mb-2 text-sm font-semibold text-slate-900">{t("issues.title")}</h2>
            <IssueList errors={errors} warnings={warnings} onPick={(issue) => {
              const ref = cellOfPath(adapter.grid, rows, issue.path.split("."));
              if (ref) select(ref);
              else if (issue.path === "text") document.getElementById("message-text")?.focus();
              else setTab("json");
            }} />
          </section>
        </div>
        <EditorSidePanel
          tab={tab}
          onTab={setTab}
          templateId={template.id}
          historyKey={historyKey}
          adapter={adapter}
          layout={present.layout}
          onLayout={(layout) => dispatch({ type: "edit", patch: { layout } })}
          inspector={selectedCell === undefined ? null : (
            <div className="space-y-4">
              <Inspector key={selectedPath} cell={selectedCell} path={selectedPath} issues={[...errors, ...warnings]} scene={scene} onChange={(cell, field) => state.selected && dispatch({ type: "edit", patch: { layout: adapter.grid.withRows(present.layout, replaceCell(rows, state.selected, cell)) }, coalesce: `${selectedPath}.${field}` })} />
              <button type="button" className="text-sm font-medium text-red-600 hover:text-red-500" onClick={() => state.selected && editRows(removeCell(rows, state.selected), null)}>
                {t("removeButton")}
              </button>
            </div>
          )}
          preview={<Preview text={present.text} rows={rows} visited={visited} onClick={(ref) => {
            const cell = rows[ref.row]?.[ref.cell];
            setVisited((v) => new Set(v).add(`${ref.row}:${ref.cell}`));
            const outcome = adapter.click(cell, { ...actor, scene });
            setClick({ outcome, label: adapter.grid.cellLabel(cell) });
            setSimResult(null);
            if (outcome.kind === "request" && simEndpoint) {
              void fetch("/api/simulate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpointId: simEndpoint, payload: outcome.payload }) })
                .then(async (r) => r.ok && setSimResult((await r.json()) as SimulationOutcome));
            }
          }} />}
          click={click}
          actor={{ ...actor, scene }}
          onActor={setActor}
          rows={rows}
          onRestore={(snapshot) => void save(snapshot)}
          simulator={<SimulatorTarget platform={template.platform} value={simEndpoint} onChange={setSimEndpoint} result={simResult} />}
        />
      </div>
    </div>
  );
}
