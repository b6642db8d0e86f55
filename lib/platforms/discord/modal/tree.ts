import { nextFreeId } from "../../grid-ids";
import { isRecord } from "../../issues";
import { ENGLISH_STARTER, type IssuePath, type StarterText, type TreeAdapter } from "../../types";
import { MODAL_COMPONENTS_MAX, MODAL_NODES_MAX } from "./limits";

/** Node kinds by component type; the catalogue names them under `editor.tree.kinds`. */
const KIND_OF_TYPE: Readonly<Record<number, string>> = {
  1: "action_row", 3: "string_select", 4: "text_input", 5: "user_select", 6: "role_select", 7: "mentionable_select",
  8: "channel_select", 10: "text_display", 18: "label", 19: "file_upload", 21: "radio_group", 22: "checkbox_group", 23: "checkbox",
};
const TYPE_OF_KIND = Object.fromEntries(Object.entries(KIND_OF_TYPE).map(([type, kind]) => [kind, Number(type)]));

/** What a modal holds at the top (Action Row + Text Input is deprecated, so never offered) and in a Label. */
export const MODAL_ROOT_KINDS = ["label", "text_display"] as const;
export const MODAL_CONTROL_KINDS = [
  "text_input", "string_select", "user_select", "role_select", "mentionable_select", "channel_select",
  "file_upload", "radio_group", "checkbox_group", "checkbox",
] as const;

function roots(layout: unknown): unknown[] {
  return isRecord(layout) && Array.isArray(layout.components) ? layout.components : [];
}

/** A Label holds one `component`; a (deprecated) Action Row its `components`; nothing else has children. */
function children(node: unknown): unknown[] | null {
  if (!isRecord(node)) return null;
  if (node.type === 18) return node.component === undefined ? [] : [node.component];
  if (node.type === 1) return Array.isArray(node.components) ? node.components : [];
  return null;
}

function allNodes(layout: unknown): Record<string, unknown>[] {
  return roots(layout).flatMap((node) => [node, ...(children(node) ?? [])]).filter(isRecord);
}

const option = (text: StarterText, n: number) => ({ label: text.phrase?.("option", { n }) ?? `Option ${n}`, value: `option_${n}` });

/** A control of a kind with a custom_id not used in `layout`; valid as it stands. */
function newControl(kind: string, layout: unknown, text: StarterText): Record<string, unknown> {
  const type = TYPE_OF_KIND[kind];
  if (type === undefined || !(MODAL_CONTROL_KINDS as readonly string[]).includes(kind)) throw new Error(`Discord modals have no control ${kind}`);
  const { id } = nextFreeId(allNodes(layout).map((n) => n.custom_id), (i) => `${kind}_${i}`);
  const base = { type, custom_id: id };
  if (kind === "text_input") return { ...base, style: 1 };
  if (kind === "string_select" || kind === "radio_group" || kind === "checkbox_group") return { ...base, options: [option(text, 1), option(text, 2)] };
  return base;
}

export const discordModalTree: TreeAdapter & { insertable(parent: unknown | null, layout?: unknown): readonly string[] } = {
  roots,
  withRoots: (layout, list) => ({ ...(isRecord(layout) ? layout : {}), components: list }),
  children,
  withChildren(node, list) {
    if (!isRecord(node)) return node;
    if (node.type === 1) return { ...node, components: list };
    if (node.type !== 18) return node;
    const { component: _dropped, ...rest } = node;
    return list.length === 0 ? rest : { ...rest, component: list[0] };
  },
  nodePath(indexPath, layout) {
    const [root, child] = indexPath;
    const path: IssuePath = ["components", root ?? 0];
    if (child === undefined) return path;
    const parent = layout === undefined ? undefined : roots(layout)[root ?? 0];
    return isRecord(parent) && parent.type === 1 ? [...path, "components", child] : [...path, "component"];
  },
  /**
   * Top level: a Label or a Text Display while the modal has fewer than 5 (pass the layout to know);
   * inside a Label: one control, only while it is empty. Nothing goes into a deprecated Action Row.
   */
  insertable(parent: unknown, layout?: unknown) {
    if (parent === null) return roots(layout).length < MODAL_COMPONENTS_MAX ? MODAL_ROOT_KINDS : [];
    return isRecord(parent) && parent.type === 18 && parent.component === undefined ? MODAL_CONTROL_KINDS : [];
  },
  newNode(kind, layout, text = ENGLISH_STARTER) {
    if (kind === "text_display") return { type: 10, content: text.phrase?.("modalText") ?? "Tell us what you think." };
    if (kind === "label") {
      return { type: 18, label: text.phrase?.("modalLabel") ?? "Your answer", component: newControl("text_input", layout, text) };
    }
    return newControl(kind, layout, text);
  },
  nodeKind: (node) => (isRecord(node) ? (KIND_OF_TYPE[Number(node.type)] ?? "") : ""),
  nodeLabel(node) {
    if (!isRecord(node)) return "";
    // The modal itself (what its Submit is named by in the preview), then a Label's text.
    if (typeof node.title === "string" && node.title) return node.title;
    if (typeof node.label === "string" && node.label) return node.label;
    if (typeof node.content === "string") return node.content.split("\n")[0]!;
    if (typeof node.placeholder === "string" && node.placeholder) return node.placeholder;
    return typeof node.custom_id === "string" ? node.custom_id : "";
  },
  maxNodes: MODAL_NODES_MAX,
  countNodes: (layout) => allNodes(layout).length,
};

/** The modal a new template starts from: a title and one Label with a short Text Input. */
export function emptyDiscordModal(text: StarterText = ENGLISH_STARTER) {
  return {
    title: text.phrase?.("modalTitle") ?? "Feedback",
    custom_id: "modal_1",
    components: [discordModalTree.newNode("label", undefined, text)],
  };
}
