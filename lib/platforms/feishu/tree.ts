import { nextFreeId } from "../grid-ids";
import { isRecord } from "../issues";
import { ENGLISH_STARTER, type IssuePath, type StarterText, type TreeAdapter } from "../types";
import { FEISHU_CONTENT_TAGS, FEISHU_FORM_FIELD_TAGS, FEISHU_MAX_COMPONENTS } from "./limits";

/** Texts a new card starts with; the catalogue may pass the card ones, English otherwise. */

const ROOT_KINDS = [...FEISHU_CONTENT_TAGS, "form"] as const;
const FORM_KINDS = [...FEISHU_CONTENT_TAGS, ...FEISHU_FORM_FIELD_TAGS] as const;
const COLUMN_KINDS = FEISHU_CONTENT_TAGS;
const ID_PREFIX: Record<string, string> = {
  markdown: "md", div: "div", hr: "hr", img: "img", button: "button", column_set: "columns", column: "column",
  form: "form", input: "input", select_static: "select",
};

/** The key a container keeps its children under. */
function childKey(node: unknown): "columns" | "elements" | null {
  if (!isRecord(node)) return null;
  if (node.tag === "column_set") return "columns";
  return node.tag === "column" || node.tag === "form" ? "elements" : null;
}

function roots(layout: unknown): unknown[] {
  return isRecord(layout) && isRecord(layout.body) && Array.isArray(layout.body.elements) ? layout.body.elements : [];
}

function children(node: unknown): unknown[] | null {
  const key = childKey(node);
  if (!key || !isRecord(node)) return null;
  const list = node[key];
  return Array.isArray(list) ? list : [];
}

/** Every node of a layout, depth first. */
function allNodes(layout: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (list: unknown[]) => {
    for (const node of list) {
      if (!isRecord(node)) continue;
      out.push(node);
      visit(children(node) ?? []);
    }
  };
  visit(roots(layout));
  return out;
}

/** Hands out element_ids and names not used in the layout nor earlier by this same allocator. */
function allocator(layout: unknown) {
  const nodes = allNodes(layout);
  const ids = new Set(nodes.map((n) => n.element_id));
  const names = new Set(nodes.map((n) => n.name));
  const take = (taken: Set<unknown>, prefix: string) => {
    const { n, id } = nextFreeId(taken, (i) => `${prefix}_${i}`);
    taken.add(id);
    return { n, id };
  };
  return { id: (kind: string) => take(ids, ID_PREFIX[kind] ?? "el"), name: (prefix: string) => take(names, prefix).id };
}

const plain = (content: string) => ({ tag: "plain_text", content });

function buildNode(kind: string, next: ReturnType<typeof allocator>, text: StarterText): Record<string, unknown> {
  const { n, id } = next.id(kind);
  switch (kind) {
    case "markdown":
      return { tag: "markdown", element_id: id, content: text.phrase?.("cardBody") ?? "**Button Studio**" };
    case "div":
      return { tag: "div", element_id: id, text: plain(text.phrase?.("cardBody") ?? "Text") };
    case "hr":
      return { tag: "hr", element_id: id };
    case "img":
      // A placeholder key: a real one comes from uploading the image (im/v1/images).
      return { tag: "img", element_id: id, img_key: "img_key_placeholder", alt: plain("") };
    case "button":
      return {
        tag: "button", element_id: id, name: next.name("button"), type: "primary", text: plain(text.label(n)),
        behaviors: [{ type: "callback", value: { action: id } }],
      };
    case "column_set":
      return { tag: "column_set", element_id: id, flex_mode: "flow", columns: [buildNode("column", next, text), buildNode("column", next, text)] };
    case "column":
      return { tag: "column", element_id: id, width: "auto", elements: [buildNode("button", next, text)] };
    case "form":
      return {
        tag: "form", element_id: id, name: next.name("form"),
        elements: [buildNode("input", next, text), { ...buildNode("button", next, text), behaviors: undefined, form_action_type: "submit" }],
      };
    case "input":
      return { tag: "input", element_id: id, name: next.name("input") };
    case "select_static": {
      const option = (i: number) => text.phrase?.("option", { n: i }) ?? `Option ${i}`;
      return {
        tag: "select_static", element_id: id, name: next.name("select"),
        options: [1, 2].map((i) => ({ text: plain(option(i)), value: `option_${i}` })),
      };
    }
    default:
      throw new Error(`Feishu cards have no new-node template for ${kind}`);
  }
}

/** Drops undefined values so new nodes serialize exactly as they show. */
function clean(node: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(node)) as Record<string, unknown>;
}

export const feishuTree: TreeAdapter & {
  nodePath(indexPath: number[], layout?: unknown): IssuePath;
} = {
  roots,
  withRoots(layout, list) {
    const card = isRecord(layout) ? layout : {};
    const body = isRecord(card.body) ? card.body : {};
    return { ...card, body: { ...body, elements: list } };
  },
  children,
  withChildren(node, list) {
    const key = childKey(node);
    return key && isRecord(node) ? { ...node, [key]: list } : node;
  },
  /**
   * Where a node sits in the card. Which key holds a node's children depends on its tag, so the
   * exact path needs the layout; without it, containers are taken to alternate column_set → column.
   */
  nodePath(indexPath: number[], layout?: unknown): IssuePath {
    const path: IssuePath = ["body", "elements"];
    let level: unknown[] | null = layout === undefined ? null : roots(layout);
    indexPath.forEach((index, depth) => {
      if (depth > 0) {
        const parent = level === null ? undefined : level[indexPath[depth - 1]!];
        const key = parent === undefined ? (depth % 2 === 1 ? "columns" : "elements") : childKey(parent) ?? "elements";
        path.push(key);
        level = parent === undefined ? null : children(parent);
      }
      path.push(index);
    });
    return path;
  },
  insertable(parent) {
    if (parent === null) return ROOT_KINDS;
    if (!isRecord(parent)) return [];
    if (parent.tag === "column_set") return ["column"];
    if (parent.tag === "form") return FORM_KINDS;
    return parent.tag === "column" ? COLUMN_KINDS : [];
  },
  newNode(kind, layout, text = ENGLISH_STARTER) {
    return clean(buildNode(kind, allocator(layout), text));
  },
  nodeKind: (node) => (isRecord(node) && typeof node.tag === "string" ? node.tag : ""),
  nodeLabel(node) {
    if (!isRecord(node)) return "";
    const textOf = (value: unknown) => (isRecord(value) && typeof value.content === "string" ? value.content : "");
    const label =
      node.tag === "markdown" && typeof node.content === "string" ? node.content.split("\n")[0]!
        : textOf(node.text) || textOf(node.label) || textOf(node.placeholder) || textOf(node.alt);
    if (label) return label;
    if (typeof node.name === "string" && node.name) return node.name;
    return typeof node.element_id === "string" ? node.element_id : "";
  },
  maxNodes: FEISHU_MAX_COMPONENTS,
  countNodes: (layout) => allNodes(layout).length,
};

/** The card a new Feishu template starts from: a title and a line of markdown. */
export function emptyFeishuCard(text: StarterText = ENGLISH_STARTER): Record<string, unknown> {
  const next = allocator(undefined);
  return {
    schema: "2.0",
    config: { update_multi: true },
    header: { title: plain(text.phrase?.("cardTitle") ?? "Button Studio"), template: "blue" },
    body: { elements: [clean(buildNode("markdown", next, text))] },
  };
}
