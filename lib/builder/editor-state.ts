import type { CellRef } from "@/lib/platforms/types";

/** What a save stores and what undo steps through. */
export interface Snapshot {
  name: string;
  text: string;
  layout: unknown;
}

export interface EditorState {
  present: Snapshot;
  past: Snapshot[];
  future: Snapshot[];
  /** The last saved (or loaded) content; the editor is dirty while present differs. */
  saved: Snapshot;
  /** The stored version `present` is based on, sent as baseVersion on save. */
  version: number;
  selected: CellRef | null;
  /** Consecutive edits with the same key (typing in one field) make one undo step. */
  coalesce: string | null;
}

export type EditorAction =
  | { type: "edit"; patch: Partial<Snapshot>; coalesce?: string; select?: CellRef | null }
  | { type: "select"; ref: CellRef | null }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "saved"; snapshot: Snapshot; version: number }
  | { type: "load"; snapshot: Snapshot; version: number; saved?: Snapshot };

const HISTORY_LIMIT = 200;

export function initEditor(snapshot: Snapshot, version: number): EditorState {
  return { present: snapshot, past: [], future: [], saved: snapshot, version, selected: null, coalesce: null };
}

export function isDirty(state: EditorState): boolean {
  return !sameSnapshot(state.present, state.saved);
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.name === b.name && a.text === b.text && JSON.stringify(a.layout) === JSON.stringify(b.layout);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "edit": {
      const present = { ...state.present, ...action.patch };
      if (sameSnapshot(present, state.present)) {
        return action.select === undefined ? state : { ...state, selected: action.select };
      }
      const merge = action.coalesce !== undefined && action.coalesce === state.coalesce;
      return {
        ...state,
        present,
        past: merge ? state.past : [...state.past, state.present].slice(-HISTORY_LIMIT),
        future: [],
        coalesce: action.coalesce ?? null,
        selected: action.select === undefined ? state.selected : action.select,
      };
    }
    case "select":
      return { ...state, selected: action.ref, coalesce: null };
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { ...state, present: previous, past: state.past.slice(0, -1), future: [state.present, ...state.future], coalesce: null };
    }
    case "redo": {
      const next = state.future[0];
      if (!next) return state;
      return { ...state, present: next, past: [...state.past, state.present], future: state.future.slice(1), coalesce: null };
    }
    case "saved":
      return { ...state, saved: action.snapshot, version: action.version, coalesce: null };
    case "load":
      return { ...initEditor(action.snapshot, action.version), saved: action.saved ?? action.snapshot, past: state.past.length ? [...state.past, state.present] : [] };
  }
}
