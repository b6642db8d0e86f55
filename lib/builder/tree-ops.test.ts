import { describe, expect, it } from "vitest";
import type { TreeAdapter } from "@/lib/platforms/types";
import { flatten, insertBlocked, insertNode, moveNode, nodeAt, nodeOfPath, removeNode, replaceNode, stepNode } from "./tree-ops";

// A card-like tree: roots take text, row and box; a row takes only cols; cols and boxes take text.
interface N {
  tag: string;
  id?: string;
  kids?: N[];
}
const ACCEPTS: Record<string, string[]> = { root: ["text", "row", "box"], row: ["col"], col: ["text"], box: ["text"] };
let counter = 0;
const fake: TreeAdapter = {
  roots: (layout) => (layout as { body: { elements: N[] } }).body.elements,
  withRoots: (layout, roots) => ({ ...(layout as object), body: { elements: roots } }),
  children: (node) => ((node as N).tag in ACCEPTS ? ((node as N).kids ?? []) : null),
  withChildren: (node, kids) => ({ ...(node as N), kids: kids as N[] }),
  // Index paths alone fix the JSON path here because every node stores children under "kids".
  nodePath: (indexPath) => ["body", "elements", ...indexPath.flatMap((n, i) => (i === 0 ? [n] : ["kids", n]))],
  insertable: (parent) => ACCEPTS[parent === null ? "root" : (parent as N).tag] ?? [],
  newNode: (kind) => (kind in ACCEPTS ? { tag: kind, id: `n${++counter}`, kids: [] } : { tag: kind, id: `n${++counter}` }),
  nodeKind: (node) => (node as N).tag,
  nodeLabel: (node) => (node as N).id ?? "",
  maxNodes: 10,
  countNodes: (layout) => flatten(fake, layout).length,
};

const t = (id: string): N => ({ tag: "text", id });
const card = () => ({
  schema: "x",
  body: {
    elements: [t("a"), { tag: "row", id: "r", kids: [{ tag: "col", id: "c1", kids: [t("b"), t("c")] }, { tag: "col", id: "c2", kids: [] }] }, t("d"), { tag: "box", id: "f", kids: [] }],
  },
});
const ids = (layout: unknown) => flatten(fake, layout).map((f) => `${"-".repeat(f.depth)}${(f.node as N).id}`).join(" ");

describe("tree operations", () => {
  it("reads, replaces and removes nodes by index path, keeping other fields", () => {
    const layout = card();
    expect((nodeAt(fake, layout, [1, 0, 1]) as N).id).toBe("c");
    expect(nodeAt(fake, layout, [1, 5])).toBeUndefined();
    const replaced = replaceNode(fake, layout, [1, 0, 1], t("C"));
    expect(ids(replaced)).toBe("a r -c1 --b --C -c2 d f");
    expect((replaced as { schema: string }).schema).toBe("x");
    expect(ids(removeNode(fake, layout, [1, 0, 0]))).toBe("a r -c1 --c -c2 d f");
    expect(ids(layout)).toBe("a r -c1 --b --c -c2 d f");
  });

  it("inserts only kinds the parent takes, and not past the node limit, saying why", () => {
    const layout = card();
    expect(insertBlocked(fake, layout, [1], "text")).toEqual({ code: "tree.notHere", params: { kind: "text" } });
    expect(insertNode(fake, layout, [1], "text")).toBeNull();
    const added = insertNode(fake, layout, [1, 1], "text");
    expect(added?.path).toEqual([1, 1, 0]);
    expect((nodeAt(fake, added!.layout, [1, 1, 0]) as N).tag).toBe("text");
    const full = insertNode(fake, added!.layout, [], "text", undefined, 0)!;
    expect(full.path).toEqual([0]);
    expect(fake.countNodes(full.layout)).toBe(10);
    expect(insertBlocked(fake, full.layout, [])).toEqual({ code: "tree.full", params: { max: 10 } });
  });

  it("moves within a parent and across parents, into and out of columns and boxes", () => {
    const layout = card();
    // Down within the roots: "a" before "f" lands after "d".
    expect(ids(moveNode(fake, layout, [0], [], 3)!.layout)).toBe("r -c1 --b --c -c2 d a f");
    // Out of a column to the roots, then into the other column and into the box.
    expect(ids(moveNode(fake, layout, [1, 0, 1], [], 0)!.layout)).toBe("c a r -c1 --b -c2 d f");
    const intoCol = moveNode(fake, layout, [0], [1, 1], 0)!;
    expect(intoCol.path).toEqual([0, 1, 0]);
    expect(ids(intoCol.layout)).toBe("r -c1 --b --c -c2 --a d f");
    expect(ids(moveNode(fake, layout, [2], [3], 0)!.layout)).toBe("a r -c1 --b --c -c2 f -d");
    // Refused: a text straight into a row, a row into itself, a no-op.
    expect(moveNode(fake, layout, [0], [1], 0)).toBeNull();
    expect(moveNode(fake, layout, [1], [1, 0], 0)).toBeNull();
    expect(moveNode(fake, layout, [0], [], 0)).toBeNull();
  });

  it("steps a node through every place that takes it, in reading order", () => {
    let state = { layout: card() as unknown, path: [0] };
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      const next = stepNode(fake, state.layout, state.path, 1);
      if (!next) break;
      state = next;
      seen.push(state.path.join("."));
    }
    expect(seen).toEqual(["0.0.0", "0.0.1", "0.0.2", "0.1.0", "1", "2", "2.0", "3"]);
    expect(ids(state.layout)).toBe("r -c1 --b --c -c2 d f a");
    expect(stepNode(fake, state.layout, state.path, 1)).toBeNull();
    // A column only moves between rows' column slots; there is one row, so it only swaps.
    expect(stepNode(fake, card(), [1, 1], 1)).toBeNull();
    expect(stepNode(fake, card(), [1, 1], -1)?.path).toEqual([1, 0]);
  });

  it("maps a finding's JSON path to the deepest node it is about", () => {
    const layout = card();
    expect(nodeOfPath(fake, layout, ["body", "elements", 1, "kids", 0, "kids", 1, "content"])).toEqual([1, 0, 1]);
    expect(nodeOfPath(fake, layout, ["body", "elements", 1, "kids", 0])).toEqual([1, 0]);
    expect(nodeOfPath(fake, layout, ["body", "elements", 3])).toEqual([3]);
    expect(nodeOfPath(fake, layout, ["header", "title"])).toBeNull();
  });
});
