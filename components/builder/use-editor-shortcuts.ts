"use client";

import { useEffect, useRef } from "react";

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo, Ctrl/Cmd+S save. Text fields
 * and the code editor keep their own undo; the layout's undo applies elsewhere.
 */
export function useEditorShortcuts(handlers: { onUndo: () => void; onRedo: () => void; onSave: () => void }) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        ref.current.onSave();
        return;
      }
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, .cm-editor")) return;
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        ref.current.onUndo();
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        ref.current.onRedo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
