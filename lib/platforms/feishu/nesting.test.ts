import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../types";
import { feishuAdapter } from "./index";
import { FEISHU_CARD_MAX_BYTES, FEISHU_COLUMN_SET_DEPTH_MAX, FEISHU_TABLES_MAX } from "./limits";
import { cardBytes } from "./message";
import { feishuTree as tree } from "./tree";

// §8.3 nesting: form holds everything but table and form and sits at the root; interactive_container
// holds no form or table; collapsible_panel no form; column no form or table (a table is root-only on
// its own page); column_sets nest at most five deep. And the 30 KB card limit (200860), at the byte.

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const card = (elements: unknown[]) => ({ schema: "2.0", body: { elements } });
const validate = (layout: unknown) => feishuAdapter.layout!.validate(layout);
const starter = (tag: string) => tree.newNode(tag, undefined) as Record<string, unknown>;
const submit = { tag: "button", name: "submit", text: { tag: "plain_text", content: "Send" }, form_action_type: "submit" };

/** A container holding `child`, and the path its children sit under. */
const parents: Record<string, { wrap: (child: unknown) => unknown; path: string }> = {
  form: { wrap: (child) => ({ tag: "form", name: "outer", elements: [child, submit] }), path: "body.elements.0.elements.0" },
  interactive_container: {
    wrap: (child) => ({ tag: "interactive_container", elements: [child], behaviors: [{ type: "callback", value: "go" }] }),
    path: "body.elements.0.elements.0",
  },
  collapsible_panel: {
    wrap: (child) => ({ tag: "collapsible_panel", header: { title: { tag: "plain_text", content: "T" } }, elements: [child] }),
    path: "body.elements.0.elements.0",
  },
  column: { wrap: (child) => ({ tag: "column_set", columns: [{ tag: "column", elements: [child] }] }), path: "body.elements.0.columns.0.elements.0" },
};

const forbidden: [parent: string, child: string, code: string][] = [
  ["form", "form", "feishu.formNotRoot"],
  ["form", "table", "feishu.tableNotRoot"],
  ["interactive_container", "form", "feishu.formNotRoot"],
  ["interactive_container", "table", "feishu.tableNotRoot"],
  ["collapsible_panel", "form", "feishu.formNotRoot"],
  ["collapsible_panel", "table", "feishu.tableNotRoot"],
  ["column", "form", "feishu.formNotRoot"],
  ["column", "table", "feishu.tableNotRoot"],
];

/** A column_set `depth` levels deep: each one's column holds the next. */
function nestedSets(depth: number): unknown {
  let node: unknown = { tag: "markdown", content: "x" };
  for (let i = 0; i < depth; i++) node = { tag: "column_set", columns: [{ tag: "column", elements: [node] }] };
  return node;
}

describe("Feishu nesting", () => {
  it.each(forbidden)("a %s may not hold a %s", (parent, child, code) => {
    const { wrap, path } = parents[parent]!;
    const result = validate(card([wrap(starter(child))]));
    expect(at(result.errors)).toContain(`${code}@${path}.tag`);
    expect(result.errors.find((e) => e.code === code)!.params).toEqual({ parent });
  });

  it.each(Object.keys(parents))("a %s holds every kind it is offered, clean", (parent) => {
    const { wrap } = parents[parent]!;
    for (const kind of tree.insertable({ tag: parent })) {
      const result = validate(card([wrap(starter(kind))]));
      expect(at(result.errors), `${kind} in ${parent}`).toEqual([]);
    }
  });

  it("a column_set holds only columns, and a column sits only in one", () => {
    expect(at(validate(card([{ tag: "column_set", columns: [starter("button")] }])).errors)).toEqual(["feishu.columnSetChild@body.elements.0.columns.0.tag"]);
    expect(at(validate(card([parents.form!.wrap({ tag: "column", elements: [] })])).errors)).toEqual(["feishu.columnOutsideSet@body.elements.0.elements.0.tag"]);
  });

  it(`column_sets nest ${FEISHU_COLUMN_SET_DEPTH_MAX} deep, not one more`, () => {
    expect(validate(card([nestedSets(FEISHU_COLUMN_SET_DEPTH_MAX)])).errors).toEqual([]);
    const deepest = `body.elements.0${".columns.0.elements.0".repeat(FEISHU_COLUMN_SET_DEPTH_MAX)}`;
    expect(at(validate(card([nestedSets(FEISHU_COLUMN_SET_DEPTH_MAX + 1)])).errors)).toEqual([`feishu.columnSetTooDeep@${deepest}.tag`]);
  });

  it("the tree stops offering a column_set at the deepest level", () => {
    const layout = card([nestedSets(FEISHU_COLUMN_SET_DEPTH_MAX)]);
    let column: unknown = tree.roots(layout)[0];
    for (let i = 0; i < FEISHU_COLUMN_SET_DEPTH_MAX; i++) {
      column = tree.children(column)![0];
      expect(tree.insertable(column, layout).includes("column_set"), `level ${i + 1}`).toBe(i + 1 < FEISHU_COLUMN_SET_DEPTH_MAX);
      if (i + 1 < FEISHU_COLUMN_SET_DEPTH_MAX) column = tree.children(column)![0];
    }
  });

  it(`a card holds ${FEISHU_TABLES_MAX} tables, not one more`, () => {
    const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ ...starter("table"), element_id: `table_${i}` }));
    expect(validate(card(tables(FEISHU_TABLES_MAX))).errors).toEqual([]);
    expect(at(validate(card(tables(FEISHU_TABLES_MAX + 1))).errors)).toEqual(["feishu.tooManyTables@body.elements"]);
  });
});

describe("Feishu card size (200860)", () => {
  /** A card whose JSON is exactly `bytes` long, padded with one character of `unit` bytes. */
  const sized = (bytes: number, char = "x") => {
    const empty = card([{ tag: "markdown", content: "" }]);
    const unit = new TextEncoder().encode(char).length;
    const room = bytes - cardBytes(empty);
    return card([{ tag: "markdown", content: char.repeat(Math.floor(room / unit)) + "x".repeat(room % unit) }]);
  };

  it("30,720 bytes is accepted", () => {
    const layout = sized(FEISHU_CARD_MAX_BYTES);
    expect(cardBytes(layout)).toBe(30720);
    expect(validate(layout)).toMatchObject({ ok: true, errors: [] });
  });

  it("30,721 bytes is an error, with the size", () => {
    const layout = sized(FEISHU_CARD_MAX_BYTES + 1);
    expect(cardBytes(layout)).toBe(30721);
    const result = validate(layout);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ code: "feishu.cardTooLarge", path: [], params: { max: 30720, size: 30721 } }]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    const layout = sized(FEISHU_CARD_MAX_BYTES + 3, "飞");
    expect(JSON.stringify(layout).length).toBeLessThan(FEISHU_CARD_MAX_BYTES);
    expect(at(validate(layout).errors)).toEqual(["feishu.cardTooLarge@"]);
  });
});
