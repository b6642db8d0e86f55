"use client";

import { platformPanels } from "@/components/platforms/registry";
import { GridTemplateEditor } from "./grid-template-editor";
import { TreeTemplateEditor } from "./tree-template-editor";
import { EditorModelContext, useEditorModel, type EditableTemplate } from "./use-template-editor";

/**
 * The editor of one template. The adapter is the CURRENT layout's kind's (Discord: legacy, V2 or modal), so a
 * kind switch, its undo, or another kind's JSON pasted in changes the editing model (grid or tree). The model
 * (history, draft, save) lives here and carries on; the editing model is keyed by kind, so its own state
 * (selection, open tab) starts afresh with the new kind's adapter.
 */
export function TemplateEditor({ template }: { template: EditableTemplate }) {
  const editor = useEditorModel(template);
  const { adapter, kind } = editor;
  const panels = platformPanels[template.platform];
  const child =
    adapter.tree && panels.tree ? <TreeTemplateEditor key={kind} template={template} adapter={adapter} tree={adapter.tree} panels={panels.tree} />
    : adapter.grid && panels.grid ? <GridTemplateEditor key={kind} template={template} adapter={adapter} grid={adapter.grid} panels={panels.grid} />
    : null;
  if (!child) throw new Error(`${template.platform} has no editor panels for this kind of layout`);
  return <EditorModelContext value={editor}>{child}</EditorModelContext>;
}
