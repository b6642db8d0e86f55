import { nextFreeId } from "../grid-ids";
import { isRecord } from "../issues";
import type { StarterText } from "../types";
import { FEISHU_NAMED_TAGS } from "./limits";

// The node each kind starts as when added in the editor: valid by this builder's own rules wherever
// tree.ts offers the kind (tree.test.ts adds every kind at every place and validates the card).
// Texts go through StarterText.phrase with English fallbacks; keys the catalogue lacks fall back too.

/** element_id and name prefixes: short enough that "<prefix>_<n>" stays within 20 characters. */
const ID_PREFIX: Record<string, string> = {
  markdown: "md", div: "div", hr: "hr", img: "img", img_combination: "imgs", chart: "chart", table: "table",
  person: "person", person_list: "people", button: "button", input: "input", overflow: "overflow",
  select_static: "select", multi_select_static: "multiselect", select_person: "person_select",
  multi_select_person: "people_select", date_picker: "date", picker_time: "time", picker_datetime: "datetime",
  select_img: "img_select", checker: "checker", column_set: "columns", column: "column", form: "form",
  interactive_container: "box", collapsible_panel: "panel",
};

/** Placeholders where Feishu needs a key or an id the builder cannot make: an upload gives img_keys, the contact list open_ids. */
const IMG_KEY = "img_key_placeholder";
const OPEN_ID = "ou_placeholder";

export type Allocator = ReturnType<typeof allocator>;

/** Hands out element_ids and names not used in the given nodes nor earlier by this same allocator. */
export function allocator(nodes: Record<string, unknown>[]) {
  const ids = new Set(nodes.map((n) => n.element_id));
  const names = new Set(nodes.map((n) => n.name));
  const take = (taken: Set<unknown>, prefix: string) => {
    const { n, id } = nextFreeId(taken, (i) => `${prefix}_${i}`);
    taken.add(id);
    return { n, id };
  };
  return { id: (kind: string) => take(ids, ID_PREFIX[kind] ?? "el"), name: (kind: string) => take(names, ID_PREFIX[kind] ?? kind).id };
}

const plain = (content: string) => ({ tag: "plain_text", content });

export function buildNode(kind: string, next: Allocator, text: StarterText): Record<string, unknown> {
  const { n, id } = next.id(kind);
  const say = (key: string, fallback: string, params?: Record<string, string | number>) => text.phrase?.(key, params) ?? fallback;
  const option = (i: number) => say("option", `Option ${i}`, { n: i });
  const body = () => buildNode("markdown", next, text);
  // Components a form needs named always get a name, so the same starter is valid inside a form.
  const named = FEISHU_NAMED_TAGS.includes(kind) ? { name: next.name(kind) } : {};
  const own = { tag: kind, element_id: id, ...named };
  switch (kind) {
    case "markdown":
      return { ...own, content: say("cardBody", "**Button Studio**") };
    case "div":
      return { ...own, text: plain(say("cardBody", "Text")) };
    case "hr":
      return own;
    case "img":
      return { ...own, img_key: IMG_KEY, alt: plain("") };
    case "img_combination":
      return { ...own, combination_mode: "double", img_list: [{ img_key: IMG_KEY }, { img_key: IMG_KEY }] };
    case "chart":
      return {
        ...own, aspect_ratio: "16:9",
        chart_spec: { type: "bar", data: { values: [1, 2, 3].map((i) => ({ x: option(i), y: i })) }, xField: "x", yField: "y" },
      };
    case "table":
      return {
        ...own, page_size: 5,
        columns: [{ name: "item", display_name: say("tableColumn", "Item"), data_type: "text" }],
        rows: [1, 2].map((i) => ({ item: option(i) })),
      };
    case "person":
      return { ...own, user_id: OPEN_ID, show_name: true };
    case "person_list":
      return { ...own, persons: [{ id: OPEN_ID }], show_name: true };
    case "button":
      return { ...own, type: "primary", text: plain(text.label(n)), behaviors: [{ type: "callback", value: { action: id } }] };
    case "input":
      return own;
    case "overflow":
      return { ...own, options: [1, 2].map((i) => ({ text: plain(option(i)), value: `option_${i}` })) };
    case "select_static":
    case "multi_select_static":
      return { ...own, options: [1, 2].map((i) => ({ text: plain(option(i)), value: `option_${i}` })) };
    case "select_person":
    case "multi_select_person":
      // Without options Feishu offers the chat's members.
      return { ...own, placeholder: plain(say("personPlaceholder", "Choose a person")) };
    case "date_picker":
      return { ...own, placeholder: plain(say("datePlaceholder", "Pick a date")) };
    case "picker_time":
      return { ...own, placeholder: plain(say("timePlaceholder", "Pick a time")) };
    case "picker_datetime":
      return { ...own, placeholder: plain(say("datetimePlaceholder", "Pick a date and time")) };
    case "select_img":
      return { ...own, layout: "bisect", options: [1, 2].map((i) => ({ img_key: IMG_KEY, value: `option_${i}` })) };
    case "checker":
      return { ...own, checked: false, text: plain(say("checkerText", "Task")) };
    case "column_set":
      return { ...own, flex_mode: "flow", columns: [buildNode("column", next, text), buildNode("column", next, text)] };
    case "column":
      return { ...own, width: "auto", elements: [buildNode("button", next, text)] };
    case "form":
      return {
        ...own, name: next.name("form"),
        elements: [buildNode("input", next, text), { ...buildNode("button", next, text), behaviors: undefined, form_action_type: "submit" }],
      };
    case "interactive_container":
      return { ...own, elements: [body()], behaviors: [{ type: "callback", value: { action: id } }] };
    case "collapsible_panel":
      return { ...own, expanded: false, header: { title: plain(say("panelTitle", "Details")) }, elements: [body()] };
    default:
      throw new Error(`Feishu cards have no new-node template for ${kind}`);
  }
}

/** Drops undefined values so new nodes serialize exactly as they show. */
export function clean(node: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(node)) as Record<string, unknown>;
}

/** The buttons a checker carries in its button area: components of the card, though not tree children. */
export function checkerButtons(node: Record<string, unknown>): unknown[] {
  return node.tag === "checker" && isRecord(node.button_area) && Array.isArray(node.button_area.buttons) ? node.button_area.buttons : [];
}
