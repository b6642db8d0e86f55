"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { TreePanels } from "@/components/platforms/types";
import { insertNode, jsonPathOf, moveNode, nodeAt, nodeOfPath, removeNode, replaceNode, stepNode, type IndexPath } from "@/lib/builder/tree-ops";
import type { LayoutAdapter, TreeAdapter } from "@/lib/platforms/types";
import { ClickResult } from "./click-result";
import { EditorFrame } from "./editor-frame";
import type { SideTab } from "./editor-side-panel";
import { SimulatorTarget } from "./simulator-target";
import { TreeEditor } from "./tree-editor";
import { useClickSimulation } from "./use-click-simulation";
import { useStarterText } from "./use-starter-text";
import { useTemplateEditor, type EditableTemplate } from "./use-template-editor";

interface Props {
  template: EditableTemplate;
  adapter: LayoutAdapter;
  tree: TreeAdapter;
  panels: TreePanels;
}

const ACTOR = { userId: "ou_preview_user", roles: [], isAdmin: false };

/** Nested elements (Feishu cards): tree canvas, node inspector or layout settings, and a live preview. */
export function TreeTemplateEditor({ template, adapter, tree, panels }: Props) {
  const t = useTranslations("editor");
  const editor = useTemplateEditor(template, adapter);
  const { dispatch, present, result, errors, warnings, scene } = editor;
  const [tab, setTab] = useState<SideTab>("inspector");
  const [selected, setSelected] = useState<IndexPath | null>(null);
  const simulation = useClickSimulation();
  const starter = useStarterText();
  const layout = present.layout;

  const invalid = useMemo(() => {
    const keys = new Set<string>();
    for (const issue of result.errors) {
      const path = nodeOfPath(tree, layout, issue.path);
      if (path) keys.add(path.join("."));
    }
    return keys;
  }, [layout, result.errors, tree]);
  // After an undo the selected path may point nowhere: the card settings show instead.
  const selectedNode = selected ? nodeAt(tree, layout, selected) : undefined;
  const selectedPath = selected && selectedNode !== undefined ? jsonPathOf(tree, layout, selected).join(".") : "";

  const edit = (next: unknown, coalesce?: string) => dispatch({ type: "edit", patch: { layout: next }, coalesce });
  const select = (path: IndexPath | null) => {
    setSelected(path);
    setTab("inspector");
  };
  const remove = (path: IndexPath) => {
    edit(removeNode(tree, layout, path));
    setSelected(null);
  };

  const { Inspector, Settings, Preview, AfterReply } = panels;
  const issues = [...errors, ...warnings];
  return (
    <EditorFrame
      template={template}
      adapter={adapter}
      editor={editor}
      tab={tab}
      onTab={setTab}
      canvasTitle={t("tree.title")}
      canvas={
        <TreeEditor
          tree={tree}
          layout={layout}
          selected={selectedNode === undefined ? null : selected}
          invalid={invalid}
          onSelect={select}
          onInsert={(parent, kind) => {
            const inserted = insertNode(tree, layout, parent, kind, starter);
            if (!inserted) return;
            edit(inserted.layout);
            select(inserted.path);
          }}
          onRemove={remove}
          onMove={(from, parent, before) => {
            const moved = moveNode(tree, layout, from, parent, before);
            if (!moved) return null;
            edit(moved.layout);
            // Selection follows the moved node, or a node inside it; another selection is cleared rather
            // than left pointing at whatever now sits at its old index path.
            if (selected) {
              const inside = from.every((index, depth) => selected[depth] === index);
              setSelected(inside ? [...moved.path, ...selected.slice(from.length)] : null);
            }
            return moved.path;
          }}
          onStep={(from, direction) => {
            const moved = stepNode(tree, layout, from, direction);
            if (!moved) return null;
            // One keyboard move (pick up, several steps, drop) is one undo step.
            edit(moved.layout, "tree-keyboard-move");
            setSelected(moved.path);
            return moved.path;
          }}
          onCancelMove={(original) => edit(original, "tree-keyboard-move")}
        />
      }
      onPickIssue={(issue) => {
        const path = nodeOfPath(tree, layout, issue.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
        if (path) {
          select(path);
          return true;
        }
        // Findings outside the elements (the header, the config) are about the layout's settings.
        const rootsPath = jsonPathOf(tree, layout, [0]).slice(0, -1).join(".");
        if (issue.path === "" || issue.path.startsWith(rootsPath)) return false;
        select(null);
        return true;
      }}
      inspector={selected && selectedNode !== undefined ? (
        <div className="space-y-4">
          <Inspector key={selectedPath} node={selectedNode} path={selectedPath} issues={issues} onChange={(node, field) => edit(replaceNode(tree, layout, selected, node), `${selectedPath}.${field}`)} />
          <div className="flex flex-wrap gap-4 border-t border-slate-100 pt-3">
            <button type="button" className="text-sm font-medium text-slate-600 hover:text-slate-900" onClick={() => setSelected(null)}>
              {t("tree.cardSettings")}
            </button>
            <button type="button" className="text-sm font-medium text-red-600 hover:text-red-500" onClick={() => remove(selected)}>
              {t("tree.remove")}
            </button>
          </div>
        </div>
      ) : (
        <Settings layout={layout} issues={issues} onChange={(next, field) => edit(next, `settings.${field}`)} />
      )}
      preview={
        <>
          <SimulatorTarget platform={template.platform} value={simulation.endpoint} onChange={simulation.setEndpoint} targetUrl={simulation.targetUrl} onTargetUrl={simulation.setTargetUrl} result={simulation.result} />
          <Preview layout={layout} tree={tree} onClick={(path, input) => {
            // The empty path is the layout itself (a whole form, e.g. a Discord modal's submit).
            const node = path.length === 0 ? layout : nodeAt(tree, layout, path);
            if (node === undefined) return;
            simulation.run(adapter.click(node, { ...ACTOR, scene }, input), tree.nodeLabel(node));
          }} />
          <ClickResult outcome={simulation.click?.outcome ?? null} label={simulation.click?.label ?? ""} />
          {AfterReply && simulation.sent !== null ? <AfterReply request={simulation.sent} response={simulation.result?.body ?? null} tree={tree} send={simulation.send} /> : null}
        </>
      }
    />
  );
}
