import { isRecord } from "../issues";
import { ENGLISH_STARTER, type IssuePath, type StarterText, type TreeAdapter } from "../types";
import { FEISHU_COLUMN_SET_DEPTH_MAX, FEISHU_CONTENT_TAGS, FEISHU_MAX_COMPONENTS, FEISHU_ROOT_ONLY_TAGS } from "./limits";
import { isSubmitButton } from "./rules";
import { allocator, buildNode, checkerButtons, clean } from "./tree-starters";

// Where each kind may be added follows the nesting rules the validator checks (limits.ts, §8.3): a
// form and a table at the root only, a column only in a column_set, everything else in any container.

/** The order kinds are offered in: display, then interactive, then containers. */
const KIND_ORDER = [
  "markdown", "div", "hr", "img", "img_combination", "chart", "table", "person", "person_list",
  "button", "input", "overflow", "select_static", "multi_select_static", "select_person", "multi_select_person",
  "date_picker", "picker_time", "picker_datetime", "select_img", "checker",
  "column_set", "form", "interactive_container", "collapsible_panel",
];
const CONTENT_KINDS = KIND_ORDER.filter((kind) => FEISHU_CONTENT_TAGS.includes(kind));
const ROOT_KINDS = KIND_ORDER.filter((kind) => FEISHU_CONTENT_TAGS.includes(kind) || FEISHU_ROOT_ONLY_TAGS.includes(kind));
/** Containers whose elements take any content kind. */
const ELEMENT_CONTAINERS = ["column", "form", "interactive_container", "collapsible_panel"];

/** The key a container keeps its children under. */
function childKey(node: unknown): "columns" | "elements" | null {
  if (!isRecord(node) || typeof node.tag !== "string") return null;
  if (node.tag === "column_set") return "columns";
  return ELEMENT_CONTAINERS.includes(node.tag) ? "elements" : null;
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

/** Every component of a layout, depth first, a checker's buttons included (Feishu counts them). */
function allNodes(layout: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (list: unknown[]) => {
    for (const node of list) {
      if (!isRecord(node)) continue;
      out.push(node);
      visit(checkerButtons(node));
      visit(children(node) ?? []);
    }
  };
  visit(roots(layout));
  return out;
}

/** How many column_sets enclose `target`, itself included; 0 when it is not in the layout. */
function columnSetDepth(layout: unknown, target: unknown): number {
  let found = 0;
  const visit = (list: unknown[], depth: number) => {
    for (const node of list) {
      if (!isRecord(node) || found) continue;
      const own = node.tag === "column_set" ? depth + 1 : depth;
      if (node === target) found = own;
      else visit(children(node) ?? [], own);
    }
  };
  visit(roots(layout), 0);
  return found;
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
  insertable(parent, layout) {
    if (parent === null) return ROOT_KINDS;
    if (!isRecord(parent) || typeof parent.tag !== "string") return [];
    if (parent.tag === "column_set") return ["column"];
    if (!ELEMENT_CONTAINERS.includes(parent.tag)) return [];
    // A column_set inside the fifth one would be a sixth level (FEISHU_COLUMN_SET_DEPTH_MAX).
    const full = layout !== undefined && columnSetDepth(layout, parent) >= FEISHU_COLUMN_SET_DEPTH_MAX;
    return full ? CONTENT_KINDS.filter((kind) => kind !== "column_set") : CONTENT_KINDS;
  },
  // A form's fields sit above its buttons (Feishu draws a form top to bottom): a new field goes before the
  // first submit or reset button; a new button, and anything outside a form, at the end.
  insertIndex(parent, kind, siblings) {
    if (!isRecord(parent) || parent.tag !== "form" || kind === "button") return siblings.length;
    const acts = (node: Record<string, unknown>) => isSubmitButton(node) || node.form_action_type === "reset" || node.action_type === "form_reset"
      || (Array.isArray(node.behaviors) && node.behaviors.some((b: unknown) => isRecord(b) && b.type === "form_action"));
    const first = siblings.findIndex((node) => isRecord(node) && node.tag === "button" && acts(node));
    return first < 0 ? siblings.length : first;
  },
  newNode(kind, layout, text = ENGLISH_STARTER) {
    return clean(buildNode(kind, allocator(allNodes(layout)), text));
  },
  nodeKind: (node) => (isRecord(node) && typeof node.tag === "string" ? node.tag : ""),
  nodeLabel(node) {
    if (!isRecord(node)) return "";
    const textOf = (value: unknown) => (isRecord(value) && typeof value.content === "string" ? value.content : "");
    const header = isRecord(node.header) ? node.header.title : undefined;
    const label =
      node.tag === "markdown" && typeof node.content === "string" ? node.content.split("\n")[0]!
        : textOf(node.text) || textOf(node.label) || textOf(node.placeholder) || textOf(node.alt) || textOf(header)
          || (node.tag === "person" && typeof node.user_id === "string" ? node.user_id : "");
    if (label) return label;
    if (typeof node.name === "string" && node.name) return node.name;
    return typeof node.element_id === "string" ? node.element_id : "";
  },
  maxNodes: FEISHU_MAX_COMPONENTS,
  countNodes: (layout) => allNodes(layout).length,
};

/** The card a new Feishu template starts from: a title and a line of markdown. */
export function emptyFeishuCard(text: StarterText = ENGLISH_STARTER): Record<string, unknown> {
  const next = allocator([]);
  const plain = (content: string) => ({ tag: "plain_text", content });
  return {
    schema: "2.0",
    config: { update_multi: true },
    header: { title: plain(text.phrase?.("cardTitle") ?? "Button Studio"), template: "blue" },
    body: { elements: [clean(buildNode("markdown", next, text))] },
  };
}
