"use client";

import { json } from "@codemirror/lang-json";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { MAX_JSON_DEPTH, parseStorableJson } from "@/lib/http/json-safety";

/**
 * The layout as JSON in CodeMirror. Valid edits flow out at once; while the text
 * does not parse, the error shows here and the last valid layout stays in force.
 * Outside changes replace the text only when they differ from what it parses to.
 */
export function JsonEditor({ value, onChange, label }: { value: unknown; onChange: (next: unknown) => void; label: string }) {
  const t = useTranslations("editor.json");
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const [parseError, setParseError] = useState<string | null>(null);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: JSON.stringify(value, null, 2),
        extensions: [
          basicSetup,
          json(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.isUserEvent("studio.sync"))) return;
            // Read like the API reads it: nesting past 64 levels or a lone surrogate is refused here too, so
            // the rules (which walk the tree) never see what the server would not take.
            const text = update.state.doc.toString();
            const read = parseStorableJson(text);
            if (read.ok) {
              setParseError(null);
              onChangeRef.current(read.value);
              return;
            }
            try {
              JSON.parse(text);
              setParseError(read.problem === "tooDeep" ? `nesting deeper than ${MAX_JSON_DEPTH} levels` : "a lone surrogate in a string");
            } catch (error) {
              setParseError(error instanceof Error ? error.message : String(error));
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; later values arrive through the sync effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    let same = false;
    try {
      same = JSON.stringify(JSON.parse(current)) === JSON.stringify(value);
    } catch {
      same = false;
    }
    if (same) return;
    editor.dispatch({ changes: { from: 0, to: current.length, insert: JSON.stringify(value, null, 2) }, userEvent: "studio.sync" });
    setParseError(null);
  }, [value]);

  return (
    <div>
      <div ref={host} className="overflow-hidden rounded-lg border border-slate-300 text-[13px] [&_.cm-editor]:max-h-[32rem] [&_.cm-editor.cm-focused]:outline-none" data-testid="json-editor" />
      {parseError ? (
        <p role="status" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700">
          {t("invalid", { detail: parseError })}
        </p>
      ) : null}
    </div>
  );
}
