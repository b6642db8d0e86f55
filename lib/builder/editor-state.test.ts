import { describe, expect, it } from "vitest";
import { editorReducer, initEditor, isDirty, type EditorState } from "./editor-state";

const start = initEditor({ name: "Menu", text: "", layout: { a: 1 } }, 3);
const run = (state: EditorState, ...actions: Parameters<typeof editorReducer>[1][]) => actions.reduce(editorReducer, state);

describe("editor state", () => {
  it("undoes and redoes edits", () => {
    const edited = run(start, { type: "edit", patch: { layout: { a: 2 } } }, { type: "edit", patch: { layout: { a: 3 } } });
    expect(isDirty(edited)).toBe(true);
    const undone = run(edited, { type: "undo" }, { type: "undo" });
    expect(undone.present.layout).toEqual({ a: 1 });
    expect(isDirty(undone)).toBe(false);
    expect(run(undone, { type: "redo" }).present.layout).toEqual({ a: 2 });
  });

  it("makes one undo step of typing in one field", () => {
    const typed = run(
      start,
      { type: "edit", patch: { name: "M" }, coalesce: "name" },
      { type: "edit", patch: { name: "Me" }, coalesce: "name" },
      { type: "edit", patch: { name: "Men" }, coalesce: "name" },
    );
    expect(typed.past).toHaveLength(1);
    expect(run(typed, { type: "undo" }).present.name).toBe("Menu");
  });

  it("a new edit clears redo; an edit that changes nothing is not a step", () => {
    const state = run(start, { type: "edit", patch: { text: "x" } }, { type: "undo" }, { type: "edit", patch: { text: "y" } });
    expect(state.future).toEqual([]);
    expect(run(state, { type: "edit", patch: { text: "y" } }).past).toHaveLength(state.past.length);
  });

  it("saving makes the present clean and moves the base version", () => {
    const edited = run(start, { type: "edit", patch: { text: "x" } });
    const saved = run(edited, { type: "saved", snapshot: edited.present, version: 4 });
    expect([isDirty(saved), saved.version]).toEqual([false, 4]);
  });
});
