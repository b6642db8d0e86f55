import { isRecord } from "../../issues";
import { ENGLISH_STARTER, type IssuePath, type TreeAdapter } from "../../types";
import { DISCORD_MAX_BUTTONS_PER_ROW } from "../limits";
import { DISCORD_V2_MAX_COMPONENTS, DISCORD_V2_SECTION_TEXTS_MAX } from "./limits";
import { buildV2Node } from "./new-node";

/** Readable kind names by component type (components/reference.mdx, Component Types). */
export const DISCORD_V2_KINDS: Readonly<Record<number, string>> = {
  1: "action_row", 2: "button", 3: "string_select", 5: "user_select", 6: "role_select", 7: "mentionable_select",
  8: "channel_select", 9: "section", 10: "text_display", 11: "thumbnail", 12: "media_gallery", 13: "file",
  14: "separator", 17: "container",
};

const SELECT_KINDS = ["string_select", "user_select", "role_select", "mentionable_select", "channel_select"] as const;
/** Container Child Components; the top level takes the same plus a Container. */
const CONTAINER_KINDS = ["text_display", "section", "media_gallery", "separator", "file", "action_row"] as const;
const ROOT_KINDS = ["container", ...CONTAINER_KINDS] as const;

const kindOf = (node: unknown) => (isRecord(node) && typeof node.type === "number" ? DISCORD_V2_KINDS[node.type] ?? "" : "");

/** Containers, sections and action rows keep their children in `components`; a section's accessory is not a child. */
function children(node: unknown): unknown[] | null {
  const kind = kindOf(node);
  if (kind !== "container" && kind !== "section" && kind !== "action_row") return null;
  const list = isRecord(node) ? node.components : undefined;
  return Array.isArray(list) ? list : [];
}

function roots(layout: unknown): unknown[] {
  return isRecord(layout) && Array.isArray(layout.components) ? layout.components : [];
}

/** Every component of a node, itself first, depth first: children, then a section's accessory. */
export function componentsOf(node: unknown): unknown[] {
  if (!isRecord(node)) return [node];
  const nested = Array.isArray(node.components) ? node.components : [];
  const accessory = isRecord(node.accessory) ? [node.accessory] : [];
  return [node, ...[...nested, ...accessory].flatMap(componentsOf)];
}

export const allComponents = (layout: unknown): unknown[] => roots(layout).flatMap(componentsOf);

/** What an action row still takes: a button beside buttons (up to 5), anything when empty, nothing beside a select. */
function rowInsertable(row: Record<string, unknown>): readonly string[] {
  const list = Array.isArray(row.components) ? row.components : [];
  if (list.length === 0) return ["button", ...SELECT_KINDS];
  if (list.some((c) => kindOf(c) !== "button")) return [];
  return list.length < DISCORD_MAX_BUTTONS_PER_ROW ? ["button"] : [];
}

const firstLine = (value: unknown) => (typeof value === "string" ? value.split("\n")[0]! : "");
const mediaUrl = (value: unknown) => (isRecord(value) ? firstLine(value.url) : "");

/** Text a person recognises a component by: its text, label, alt text or media name. */
function labelOf(node: unknown): string {
  if (!isRecord(node)) return "";
  switch (kindOf(node)) {
    case "text_display":
      return firstLine(node.content);
    case "section":
    case "container":
      return (children(node) ?? []).map(labelOf).find(Boolean) ?? "";
    case "media_gallery": {
      const item = Array.isArray(node.items) ? node.items[0] : undefined;
      return isRecord(item) ? firstLine(item.description) || mediaUrl(item.media) : "";
    }
    case "file":
      return mediaUrl(node.file);
    case "thumbnail":
      return firstLine(node.description) || mediaUrl(node.media);
    default:
      return firstLine(node.label) || firstLine(node.placeholder) || firstLine(node.custom_id);
  }
}

export const discordV2Tree: TreeAdapter = {
  roots,
  withRoots(layout, list) {
    return { ...(isRecord(layout) ? layout : {}), components: list };
  },
  children,
  withChildren(node, list) {
    return children(node) !== null && isRecord(node) ? { ...node, components: list } : node;
  },
  /** Every level keeps its children under `components`, so the path needs no layout. */
  nodePath(indexPath) {
    return indexPath.flatMap((index): IssuePath => ["components", index]);
  },
  insertable(parent) {
    if (parent === null) return ROOT_KINDS;
    if (!isRecord(parent)) return [];
    switch (kindOf(parent)) {
      case "container":
        return CONTAINER_KINDS;
      case "section":
        return (Array.isArray(parent.components) ? parent.components.length : 0) < DISCORD_V2_SECTION_TEXTS_MAX ? ["text_display"] : [];
      case "action_row":
        return rowInsertable(parent);
      default:
        return [];
    }
  },
  newNode(kind, layout, text = ENGLISH_STARTER) {
    return buildV2Node(kind, allComponents(layout), text);
  },
  nodeKind: kindOf,
  nodeLabel: labelOf,
  maxNodes: DISCORD_V2_MAX_COMPONENTS,
  /** Every component counts toward the 40, a section's accessory included though it is not a tree child. */
  countNodes: (layout) => allComponents(layout).length,
};
