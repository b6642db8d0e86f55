"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState } from "react";
import { clearDraft, readDraft, writeDraft } from "@/lib/builder/draft";
import { editorReducer, initEditor, isDirty, sameSnapshot, type Snapshot } from "@/lib/builder/editor-state";
import { getLayout, layoutOfKind } from "@/lib/platforms/registry";
import type { LayoutAdapter, PlatformId, RuleIssue } from "@/lib/platforms/types";
import type { TemplateView } from "@/lib/templates/view";
import { useDescribeIssues } from "./use-describe-issues";
import { useEditorShortcuts } from "./use-editor-shortcuts";

export type EditableTemplate = TemplateView & { platform: PlatformId };

/**
 * What every editing model shares: undo history, local drafts, validation on every
 * change, saving with the base version, and the keyboard shortcuts. TemplateEditor holds it, above the editing
 * model, because the adapter follows the kind of the layout being edited (a kind switch, its undo, another kind's
 * JSON pasted): the grid or tree editor below is re-mounted for the new kind while this state carries on.
 */
export function useEditorModel(template: EditableTemplate) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const serverSnapshot: Snapshot = { name: template.name, text: template.text, layout: template.layout };
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initEditor(serverSnapshot, template.version));
  const kind = getLayout(template.platform).kinds?.kindOf(state.present.layout);
  const adapter = useMemo(() => layoutOfKind(template.platform, kind), [kind, template.platform]);
  const [chosenScene, setScene] = useState<string | undefined>(adapter.scenes[0]);
  // A scene the new kind does not distinguish falls back to its first.
  const scene = chosenScene !== undefined && adapter.scenes.includes(chosenScene) ? chosenScene : adapter.scenes[0];
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const describe = useDescribeIssues();

  const { present } = state;
  const dirty = isDirty(state);
  const result = useMemo((): { errors: RuleIssue[]; warnings: RuleIssue[] } => {
    const layout = adapter.validate(present.layout, { scene });
    if (!adapter.hasText) return layout;
    const text = adapter.checkText(present.text);
    return { errors: [...layout.errors, ...text.errors], warnings: [...layout.warnings, ...text.warnings] };
  }, [adapter, present.layout, present.text, scene]);
  const errors = useMemo(() => describe(result.errors), [describe, result.errors]);
  const warnings = useMemo(() => describe(result.warnings), [describe, result.warnings]);

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

  const discardDraft = () => {
    dispatch({ type: "load", snapshot: serverSnapshot, version: template.version });
    setDraftRestored(false);
  };

  return { templateId: template.id, kind, adapter, state, dispatch, present, dirty, scene, setScene, saving, saveError, draftRestored, discardDraft, historyKey, save, result, errors, warnings };
}

export type TemplateEditorModel = ReturnType<typeof useEditorModel>;

/** The model TemplateEditor holds for the editing model below it (React 19: render `<EditorModelContext value>`). */
export const EditorModelContext = createContext<TemplateEditorModel | null>(null);

/** The shared model, from TemplateEditor; `adapter` must be the edited layout's kind's, which TemplateEditor passes down. */
export function useTemplateEditor(template: EditableTemplate, adapter: LayoutAdapter): TemplateEditorModel {
  const model = useContext(EditorModelContext);
  if (!model || model.templateId !== template.id || model.adapter !== adapter) throw new Error("An editing model is rendered by TemplateEditor, with the adapter of the edited layout's kind");
  return model;
}
