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

  it.each(["input", "select_static", "button"])("a new %s is valid inside a form, named uniquely", (kind) => {
    const node = tree.newNode(kind, layout) as { name: string };
    expect(node.name).toMatch(/^[a-z]+_\d+$/);
    const form = tree.roots(layout)[2]!;
    const card = tree.withRoots(layout, [...tree.roots(layout).slice(0, 2), tree.withChildren(form, [...tree.children(form)!, node])]);
    expect(validate(card).errors).toEqual([]);
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
    expect(tree.maxNodes).toBe(200);
  });
});
