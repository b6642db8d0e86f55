"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import type { GridAfterReplyProps, InspectorProps, PreviewProps } from "@/components/platforms/types";
import { addCell, addRow, cellOfPath, moveCell, moveRow, removeCell, removeRow, replaceCell, type Rows } from "@/lib/builder/grid-ops";
import type { Actor, CellRef, GridAdapter, LayoutAdapter } from "@/lib/platforms/types";
import type { ComponentType } from "react";
import { ClickResult } from "./click-result";
import { EditorFrame } from "./editor-frame";
import type { SideTab } from "./editor-side-panel";
import { GridEditor } from "./grid-editor";
import { PermissionSimulator } from "./permission-simulator";
import { SimulatorTarget } from "./simulator-target";
import { useClickSimulation } from "./use-click-simulation";
import { useStarterText } from "./use-starter-text";
import { useTemplateEditor, type EditableTemplate } from "./use-template-editor";

interface Props {
  template: EditableTemplate;
  adapter: LayoutAdapter;
  grid: GridAdapter;
  panels: { Inspector: ComponentType<InspectorProps>; Preview: ComponentType<PreviewProps>; AfterReply?: ComponentType<GridAfterReplyProps> };
}

/** Rows of controls (QQ keyboards, Discord action rows). */
export function GridTemplateEditor({ template, adapter, grid, panels }: Props) {
  const t = useTranslations("editor");
  const editor = useTemplateEditor(template, adapter);
  const { state, dispatch, present, result, errors, warnings, scene } = editor;
  const [tab, setTab] = useState<SideTab>("inspector");
  const [visited, setVisited] = useState<Set<string>>(new Set());
  const [actor, setActor] = useState<Actor>({ userId: "user_1", roles: [], isAdmin: false });
  const simulation = useClickSimulation();
  const starter = useStarterText();

  const rows: Rows = useMemo(() => grid.rows(present.layout), [grid, present.layout]);
  const invalid = useMemo(() => {
    const keys = new Set<string>();
    for (const issue of result.errors) {
      const ref = cellOfPath(grid, rows, issue.path);
      if (ref) keys.add(`${ref.row}:${ref.cell}`);
    }
    return keys;
  }, [grid, rows, result.errors]);
  const selectedCell = state.selected ? rows[state.selected.row]?.[state.selected.cell] : undefined;
  const selectedPath = state.selected ? grid.cellPath(state.selected).join(".") : "";

  const editRows = useCallback((next: Rows, select?: CellRef | null) => dispatch({ type: "edit", patch: { layout: grid.withRows(present.layout, next) }, select }), [dispatch, grid, present.layout]);
  const select = (ref: CellRef | null) => {
    dispatch({ type: "select", ref });
    if (ref) setTab("inspector");
  };

  const { Inspector, Preview, AfterReply } = panels;
  return (
    <EditorFrame
      template={template}
      adapter={adapter}
      editor={editor}
      tab={tab}
      onTab={setTab}
      canvasTitle={t("grid.title")}
      canvas={grid.isGrid(present.layout) ? (
        <GridEditor
          grid={grid}
          rows={rows}
          selected={state.selected}
          invalid={invalid}
          onSelect={select}
          onAddRow={() => editRows(addRow(grid, rows, starter), { row: rows.length, cell: 0 })}
          onAddCell={(row) => editRows(addCell(grid, rows, row, starter), { row, cell: rows[row]?.length ?? 0 })}
          onRemoveRow={(row) => editRows(removeRow(rows, row), null)}
          onMoveRow={(from, to) => editRows(moveRow(rows, from, to), null)}
          onMoveCell={(from, to) => editRows(moveCell(grid, rows, from, to), null)}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("grid.notGrid")}</p>
      )}
      onPickIssue={(issue) => {
        const ref = cellOfPath(grid, rows, issue.path.split("."));
        if (ref) select(ref);
        return ref !== null;
      }}
      inspector={selectedCell === undefined ? null : (
        <div className="space-y-4">
          <Inspector key={selectedPath} cell={selectedCell} path={selectedPath} issues={[...errors, ...warnings]} scene={scene} onChange={(cell, field) => state.selected && dispatch({ type: "edit", patch: { layout: grid.withRows(present.layout, replaceCell(rows, state.selected, cell)) }, coalesce: `${selectedPath}.${field}` })} />
          <button type="button" className="text-sm font-medium text-red-600 hover:text-red-500" onClick={() => state.selected && editRows(removeCell(rows, state.selected), null)}>
            {t("removeButton")}
          </button>
        </div>
      )}
      preview={
        <>
          <SimulatorTarget platform={template.platform} value={simulation.endpoint} onChange={simulation.setEndpoint} targetUrl={simulation.targetUrl} onTargetUrl={simulation.setTargetUrl} result={simulation.result} />
          <Preview text={present.text} rows={rows} visited={visited} onClick={(ref) => {
            const cell = rows[ref.row]?.[ref.cell];
            setVisited((v) => new Set(v).add(`${ref.row}:${ref.cell}`));
            simulation.run(adapter.click(cell, { ...actor, scene }), grid.cellLabel(cell));
          }} />
          <ClickResult outcome={simulation.click?.outcome ?? null} label={simulation.click?.label ?? ""} />
          {AfterReply && simulation.sent !== null ? <AfterReply request={simulation.sent} response={simulation.result?.body ?? null} send={simulation.send} /> : null}
          <PermissionSimulator adapter={adapter} rows={rows} cellLabel={grid.cellLabel} actor={{ ...actor, scene }} onActor={setActor} />
        </>
      }
    />
  );
}
