import { describe, expect, it } from "vitest";
import { feishuAdapter } from "./index";
import { feishuTree as tree } from "./tree";

const plain = (content: string) => ({ tag: "plain_text", content });
const layout = {
  schema: "2.0",
  header: { title: plain("T") },
  body: {
    elements: [
      { tag: "markdown", element_id: "md_1", content: "Hello\nworld" },
      {
        tag: "column_set",
        element_id: "columns_1",
        columns: [
          { tag: "column", elements: [{ tag: "hr" }, { tag: "img", img_key: "k", alt: plain("Logo") }, { tag: "button", element_id: "button_1", name: "button_1", text: plain("Go") }] },
          { tag: "column", elements: [] },
        ],
      },
      { tag: "form", name: "form_1", elements: [{ tag: "input", name: "input_1" }, { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit" }] },
    ],
  },
};
const validate = (card: unknown) => feishuAdapter.layout!.validate(card);

describe("Feishu card tree", () => {
  it("walks body.elements, column_set → columns, column and form → elements", () => {
    const roots = tree.roots(layout);
    expect(roots.map(tree.nodeKind)).toEqual(["markdown", "column_set", "form"]);
    expect(tree.children(roots[0])).toBeNull();
    expect(tree.children(roots[1])!.map(tree.nodeKind)).toEqual(["column", "column"]);
    expect(tree.children(tree.children(roots[1])![0])!.map(tree.nodeKind)).toEqual(["hr", "img", "button"]);
    expect(tree.children(roots[2])!.map(tree.nodeKind)).toEqual(["input", "button"]);
    expect(tree.countNodes(layout)).toBe(10);
  });

  it("maps index paths to JSON paths", () => {
    expect(tree.nodePath([1, 0, 2])).toEqual(["body", "elements", 1, "columns", 0, "elements", 2]);
    expect(tree.nodePath([1, 0, 2], layout)).toEqual(["body", "elements", 1, "columns", 0, "elements", 2]);
    expect(tree.nodePath([2, 1], layout)).toEqual(["body", "elements", 2, "elements", 1]);
    expect(tree.nodePath([0])).toEqual(["body", "elements", 0]);
  });

  it("replaces roots and children keeping every other field", () => {
    const next = tree.withRoots(layout, []) as typeof layout;
    expect(next.header).toBe(layout.header);
    expect(next.body.elements).toEqual([]);
    const set = layout.body.elements[1]!;
    expect(tree.withChildren(set, [])).toEqual({ tag: "column_set", element_id: "columns_1", columns: [] });
    expect(tree.withChildren({ tag: "form", name: "f", elements: [1] }, [])).toEqual({ tag: "form", name: "f", elements: [] });
  });

  it("says what may go where", () => {
    expect(tree.insertable(null)).toEqual(expect.arrayContaining(["markdown", "button", "column_set", "form", "table", "checker", "collapsible_panel"]));
    expect(tree.insertable(null)).not.toContain("column");
    expect(tree.insertable({ tag: "column_set" })).toEqual(["column"]);
    for (const container of ["column", "form", "interactive_container", "collapsible_panel"]) {
      expect(tree.insertable({ tag: container }), container).not.toContain("form");
      expect(tree.insertable({ tag: container }), container).not.toContain("table");
      expect(tree.insertable({ tag: container }), container).not.toContain("column");
      expect(tree.insertable({ tag: container }), container).toEqual(expect.arrayContaining(["input", "select_static", "column_set", "interactive_container"]));
    }
    expect(tree.insertable({ tag: "button" })).toEqual([]);
    expect(tree.insertable({ tag: "checker" })).toEqual([]);
  });

  it.each(["markdown", "div", "hr", "img", "button", "column_set", "form"])("a new %s is valid at the root", (kind) => {
    const node = tree.newNode(kind, layout);
    expect(tree.nodeKind(node)).toBe(kind);
    const result = validate(tree.withRoots(layout, [...tree.roots(layout), node]));
    expect(result.errors).toEqual([]);
  });

  it.each(["input", "select_static", "button", "checker", "date_picker", "select_img"])("a new %s is valid inside a form, named uniquely", (kind) => {
    const node = tree.newNode(kind, layout) as { name: string };
    expect(node.name).toMatch(/^[a-z_]+_\d+$/);
    const form = tree.roots(layout)[2]!;
    const card = tree.withRoots(layout, [...tree.roots(layout).slice(0, 2), tree.withChildren(form, [...tree.children(form)!, node])]);
    expect(validate(card).errors).toEqual([]);
  });

  // Every place a kind may be added: the root, each container at the root, a column of a column_set.
  it("adds every kind at every place it is offered, and the card stays clean", () => {
    let base: unknown = { schema: "2.0", config: { update_multi: true }, body: { elements: [] } };
    for (const kind of ["form", "column_set", "interactive_container", "collapsible_panel"]) {
      base = tree.withRoots(base, [...tree.roots(base), tree.newNode(kind, base)]);
    }
    expect(validate(base)).toMatchObject({ errors: [], warnings: [] });
    const places: { name: string; parent: unknown; add: (node: unknown) => unknown }[] = [
      { name: "root", parent: null, add: (node) => tree.withRoots(base, [...tree.roots(base), node]) },
      ...tree.roots(base).map((container, i) => ({
        name: tree.nodeKind(container),
        parent: container,
        add: (node: unknown) => tree.withRoots(base, tree.roots(base).map((root, j) => (j === i ? tree.withChildren(root, [...tree.children(root)!, node]) : root))),
      })),
      {
        name: "column",
        parent: tree.children(tree.roots(base)[1])![0],
        add: (node: unknown) => {
          const set = tree.roots(base)[1];
          const [first, ...rest] = tree.children(set)!;
          const column = tree.withChildren(first, [...tree.children(first)!, node]);
          return tree.withRoots(base, tree.roots(base).map((root, j) => (j === 1 ? tree.withChildren(set, [column, ...rest]) : root)));
        },
      },
    ];
    let tried = 0;
    for (const place of places) {
      const kinds = tree.insertable(place.parent, base);
      expect(kinds.length, place.name).toBeGreaterThan(0);
      for (const kind of kinds) {
        const node = tree.newNode(kind, base);
        expect(tree.nodeKind(node)).toBe(kind);
        expect(validate(place.add(node)), `${kind} at ${place.name}`).toMatchObject({ errors: [], warnings: [] });
        tried++;
      }
    }
    // 25 kinds at the root, 23 in each of the four element containers, a column in the column_set.
    expect(tried).toBe(25 + 4 * 23 + 1);
  });

  it("gives new nodes element_ids and names the card does not use yet", () => {
    const button = tree.newNode("button", layout) as { element_id: string; name: string; text: { content: string } };
    expect(button).toMatchObject({ element_id: "button_2", name: "button_2", text: { content: "Button 2" } });
    const set = tree.newNode("column_set", layout) as { element_id: string; columns: { element_id: string; elements: { element_id: string }[] }[] };
    const ids = [set.element_id, ...set.columns.flatMap((c) => [c.element_id, ...c.elements.map((e) => e.element_id)])];
    expect(ids).toEqual(["columns_2", "column_1", "button_2", "column_2", "button_3"]);
    expect(tree.newNode("input", layout)).toMatchObject({ name: "input_2" });
  });

  it("labels nodes the way a person recognises them", () => {
    const [md, set, form] = tree.roots(layout);
    expect(tree.nodeLabel(md)).toBe("Hello");
    expect(tree.nodeLabel(tree.children(tree.children(set)![0])![1])).toBe("Logo");
    expect(tree.nodeLabel(tree.children(tree.children(set)![0])![2])).toBe("Go");
    expect(tree.nodeLabel(form)).toBe("form_1");
    expect(tree.nodeLabel(set)).toBe("columns_1");
    expect(tree.nodeLabel(tree.newNode("collapsible_panel", layout))).toBe("Details");
    expect(tree.nodeLabel({ tag: "person", user_id: "ou_1" })).toBe("ou_1");
    expect(tree.nodeLabel(tree.newNode("checker", layout))).toBe("Task");
    expect(tree.maxNodes).toBe(200);
  });
});

describe("where the Add menu puts a new node", () => {
  const form = (elements: unknown[]) => ({ tag: "form", name: "f", elements });
  const submit = { tag: "button", name: "send", form_action_type: "submit" };
  const reset = { tag: "button", name: "clear", behaviors: [{ type: "form_action", behavior: "reset" }] };
  const field = { tag: "input", name: "a" };
  it.each([
    ["a form field above the submit button", form([field, submit]), "date_picker", 1],
    ["a form field above a reset button that comes first", form([field, reset, submit]), "checker", 1],
    ["a button at the form's end", form([field, submit]), "button", 2],
    ["a form without buttons: the end", form([field]), "input", 1],
    ["a plain callback button is not the form's submit", form([{ tag: "button", name: "x", behaviors: [{ type: "callback", value: "v" }] }]), "input", 1],
  ])("%s", (_name, parent, kind, index) => {
    expect(tree.insertIndex?.(parent, kind, parent.elements)).toBe(index);
  });
  it("anywhere else: the end", () => {
    expect(tree.insertIndex?.(null, "input", [submit, field])).toBe(2);
    expect(tree.insertIndex?.({ tag: "column", elements: [submit] }, "input", [submit])).toBe(1);
  });
});
