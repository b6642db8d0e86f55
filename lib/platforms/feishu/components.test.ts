import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../types";
import { feishuAdapter } from "./index";
import { FEISHU_INTERACTIVE_TAGS, FEISHU_TABLE_DATA_TYPES, FEISHU_TAGS } from "./limits";
import { feishuTree as tree } from "./tree";

// One table per component of card JSON 2.0 (§8.3): valid rows, rows at and just past each limit,
// and what each rule reports, by code and path.

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const plain = (content: string) => ({ tag: "plain_text", content });
const card = (elements: unknown[]) => ({ schema: "2.0", body: { elements } });
const validate = (layout: unknown) => feishuAdapter.layout!.validate(layout);
const submit = { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit" };
/** The element inside a form, for components whose rules depend on it. */
const inForm = (element: unknown) => card([{ tag: "form", name: "f", elements: [element, submit] }]);
const B = "body.elements.0";
const starter = (tag: string) => tree.newNode(tag, undefined) as Record<string, unknown>;
const F = "body.elements.0.elements.0";
const options = (...values: string[]) => values.map((value) => ({ text: plain(value), value }));
const column = (name: string, extra: Record<string, unknown> = {}) => ({ name, display_name: name, ...extra });
const table = (extra: Record<string, unknown> = {}) => ({ tag: "table", columns: [column("a")], rows: [{ a: "x" }], ...extra });
const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ tag: "button", text: plain(`b${i}`), behaviors: [{ type: "callback", value: `b${i}` }] }));
const imgs = (n: number) => Array.from({ length: n }, () => ({ img_key: "img_v3_x" }));

type Row = { rule: string; layout: unknown; errors: string[]; warnings?: string[] };
const el = (rule: string, element: unknown, errors: string[], warnings?: string[]): Row => ({ rule, layout: card([element]), errors, warnings });

const rows: Row[] = [
  // Containers
  el("column_set flex_mode is an enum", { tag: "column_set", flex_mode: "grid", columns: [] }, [`field.enum@${B}.flex_mode`]),
  el("column_set action opens a multi_url", { tag: "column_set", columns: [], action: { multi_url: { url: "https://a.dev", pc_url: "" } } }, []),
  el("column_set action refuses javascript:", { tag: "column_set", columns: [], action: { multi_url: { url: "javascript:alert(1)" } } }, [`feishu.behaviorUrl@${B}.action.multi_url.url`]),
  el("column weight 5 ok", { tag: "column_set", columns: [{ tag: "column", width: "weighted", weight: 5 }] }, []),
  el("column weight 6 rejected", { tag: "column_set", columns: [{ tag: "column", width: "weighted", weight: 6 }] }, [`field.max@${B}.columns.0.weight`]),
  el("interactive_container with a callback ok", { tag: "interactive_container", elements: [{ tag: "markdown", content: "x" }], behaviors: [{ type: "callback", value: "go" }] }, []),
  el("interactive_container with open_url ok", { tag: "interactive_container", has_border: true, corner_radius: "8px", elements: [], behaviors: [{ type: "open_url", default_url: "https://a.dev" }] }, []),
  el("interactive_container needs behaviors", { tag: "interactive_container", elements: [] }, [`field.required@${B}.behaviors`]),
  el("interactive_container cannot submit a form", { tag: "interactive_container", elements: [], behaviors: [{ type: "form_action", behavior: "submit" }] }, [`feishu.formActionNotButton@${B}.behaviors.0.type`]),
  el("interactive_container behaviors checked like a button's", { tag: "interactive_container", elements: [], behaviors: [{ type: "jump" }] }, [`feishu.behaviorType@${B}.behaviors.0.type`]),
  el("collapsible_panel ok", { tag: "collapsible_panel", expanded: true, header: { title: { tag: "markdown", content: "**T**" }, icon_position: "right", icon_expanded_angle: -180 }, border: { color: "grey" }, elements: [] }, []),
  el("collapsible_panel needs a header", { tag: "collapsible_panel", elements: [] }, [`field.required@${B}.header`]),
  el("collapsible_panel header needs a title", { tag: "collapsible_panel", header: {}, elements: [] }, [`field.required@${B}.header.title`]),
  el("collapsible_panel title is plain_text or markdown", { tag: "collapsible_panel", header: { title: { tag: "lark_md", content: "T" } } }, [`field.enum@${B}.header.title.tag`]),
  el("collapsible_panel expanded is a boolean", { tag: "collapsible_panel", expanded: "yes", header: { title: plain("T") } }, [`field.type@${B}.expanded`]),
  el("collapsible_panel unknown header attribute", { tag: "collapsible_panel", header: { title: plain("T"), color: "red" } }, [`feishu.unknownAttribute@${B}.header.color`]),
  // Display
  el("img_combination double with 2 ok", { tag: "img_combination", combination_mode: "double", img_list: imgs(2) }, [], []),
  el("img_combination double with 3 shows only 2", { tag: "img_combination", combination_mode: "double", img_list: imgs(3) }, [], [`feishu.imgCombinationExtra@${B}.img_list`]),
  el("img_combination trisect with 9 ok", { tag: "img_combination", combination_mode: "trisect", img_list: imgs(9) }, [], []),
  el("img_combination trisect with 10 shows only 9", { tag: "img_combination", combination_mode: "trisect", img_list: imgs(10) }, [], [`feishu.imgCombinationExtra@${B}.img_list`]),
  el("img_combination mode is an enum", { tag: "img_combination", combination_mode: "quad", img_list: imgs(4) }, [`field.enum@${B}.combination_mode`]),
  el("img_combination needs images", { tag: "img_combination", combination_mode: "double", img_list: [] }, [`field.tooFew@${B}.img_list`]),
  el("chart with a VChart spec ok", { tag: "chart", chart_spec: { type: "line", data: { values: [] } }, color_theme: "rainbow" }, []),
  el("chart needs chart_spec", { tag: "chart" }, [`field.required@${B}.chart_spec`]),
  el("chart_spec is an object", { tag: "chart", chart_spec: "line" }, [`field.type@${B}.chart_spec`]),
  el("chart aspect_ratio is an enum", { tag: "chart", chart_spec: {}, aspect_ratio: "3:1" }, [`field.enum@${B}.aspect_ratio`]),
  ...FEISHU_TABLE_DATA_TYPES.map((data_type) => el(`table data_type ${data_type} ok`, table({ columns: [column("a", { data_type })] }), [])),
  el("table data_type link rejected", table({ columns: [column("a", { data_type: "link" })] }), [`field.enum@${B}.columns.0.data_type`]),
  el("table page_size 1 ok", table({ page_size: 1 }), []),
  el("table page_size 10 ok", table({ page_size: 10 }), []),
  el("table page_size 11 rejected", table({ page_size: 11 }), [`field.max@${B}.page_size`]),
  el("table page_size 0 rejected", table({ page_size: 0 }), [`field.min@${B}.page_size`]),
  el("table row_height middle ok", table({ row_height: "middle" }), []),
  el("table row_height 32px ok", table({ row_height: "32px" }), []),
  el("table row_height 124px ok", table({ row_height: "124px" }), []),
  el("table row_height 125px rejected", table({ row_height: "125px" }), [`feishu.tableRowHeight@${B}.row_height`]),
  el("table row_height 31px rejected", table({ row_height: "31px" }), [`feishu.tableRowHeight@${B}.row_height`]),
  el("table row_height tall rejected", table({ row_height: "tall" }), [`feishu.tableRowHeight@${B}.row_height`]),
  el("table 50 columns ok", table({ columns: Array.from({ length: 50 }, (_, i) => column(`c${i}`)) }), []),
  el("table 51 columns rejected", table({ columns: Array.from({ length: 51 }, (_, i) => column(`c${i}`)) }), [`field.tooMany@${B}.columns`]),
  el("table column names unique", table({ columns: [column("a"), column("a")] }), [`feishu.tableColumnDuplicate@${B}.columns.1.name`]),
  el("table column needs a name", table({ columns: [{ display_name: "A" }] }), [`field.required@${B}.columns.0.name`]),
  el("table needs rows", { tag: "table", columns: [column("a")] }, [`field.required@${B}.rows`]),
  el("person ok", { tag: "person", user_id: "ou_1", size: "small", style: "capsule" }, []),
  el("person needs user_id", { tag: "person", show_name: true }, [`field.required@${B}.user_id`]),
  el("person size is an enum", { tag: "person", user_id: "ou_1", size: "huge" }, [`field.enum@${B}.size`]),
  el("person_list ok", { tag: "person_list", persons: [{ id: "ou_1" }, { id: "ou_2" }], lines: 1 }, []),
  el("person_list persons need an id", { tag: "person_list", persons: [{}] }, [`field.required@${B}.persons.0.id`]),
  el("person_list person unknown attribute", { tag: "person_list", persons: [{ id: "ou_1", name: "x" }] }, [`feishu.unknownAttribute@${B}.persons.0.name`]),
  el("person_list lines may not be 0", { tag: "person_list", persons: [{ id: "ou_1" }], lines: 0 }, [`field.min@${B}.lines`]),
  // Interactive
  el("multi-line input ok", { tag: "input", name: "i", input_type: "multiline_text", rows: 3, auto_resize: true, max_rows: 6 }, [], []),
  el("input_type is an enum", { tag: "input", input_type: "email" }, [`field.enum@${B}.input_type`]),
  el("rows only work on a multi-line input", { tag: "input", rows: 3 }, [], [`feishu.inputMultilineOnly@${B}.rows`]),
  el("max_rows below rows rejected", { tag: "input", input_type: "multiline_text", rows: 4, max_rows: 3 }, [`feishu.inputMaxRows@${B}.max_rows`]),
  el("input max_length 1000 ok", { tag: "input", max_length: 1000 }, []),
  el("input max_length 1001 rejected", { tag: "input", max_length: 1001 }, [`field.max@${B}.max_length`]),
  el("overflow ok", { tag: "overflow", options: [{ text: plain("A"), value: "a" }, { text: plain("Docs"), multi_url: { url: "https://a.dev" } }] }, []),
  el("overflow option needs a value or a multi_url", { tag: "overflow", options: [{ text: plain("A") }] }, [`feishu.overflowOptionAction@${B}.options.0`]),
  el("overflow multi_url must be a link", { tag: "overflow", options: [{ multi_url: { url: "not a url" } }] }, [`feishu.behaviorUrl@${B}.options.0.multi_url.url`]),
  el("overflow needs options", { tag: "overflow", options: [] }, [`field.tooFew@${B}.options`]),
  el("select_static initial_option names an option", { tag: "select_static", options: options("a", "b"), initial_option: "b" }, []),
  el("select_static unknown initial_option", { tag: "select_static", options: options("a", "b"), initial_option: "c" }, [`feishu.initialOptionUnknown@${B}.initial_option`]),
  el("select_static initial_index 2 of 2 ok", { tag: "select_static", options: options("a", "b"), initial_index: 2 }, []),
  el("select_static initial_index 3 of 2 rejected", { tag: "select_static", options: options("a", "b"), initial_index: 3 }, [`feishu.initialIndexRange@${B}.initial_index`]),
  el("select_static option values unique", { tag: "select_static", options: options("a", "a") }, [`feishu.optionValueDuplicate@${B}.options.1.value`]),
  el("multi_select_static selected_values ok", { tag: "multi_select_static", options: options("a", "b"), selected_values: ["a", "b"] }, []),
  el("multi_select_static selected_values name options", { tag: "multi_select_static", options: options("a", "b"), selected_values: ["a", "z"] }, [`feishu.selectedValueUnknown@${B}.selected_values.1`]),
  el("multi_select_static selected_values is a list", { tag: "multi_select_static", options: options("a"), selected_values: "a" }, [`field.type@${B}.selected_values`]),
  el("select_person without options offers the chat", { tag: "select_person", placeholder: plain("Who"), initial_option: "ou_1" }, []),
  el("select_person initial_option among options", { tag: "select_person", options: [{ value: "ou_1" }], initial_option: "ou_2" }, [`feishu.initialOptionUnknown@${B}.initial_option`]),
  el("multi_select_person selected_values among options", { tag: "multi_select_person", options: [{ value: "ou_1" }], selected_values: ["ou_1", "ou_2"] }, [`feishu.selectedValueUnknown@${B}.selected_values.1`]),
  el("multi_select_person option unknown attribute", { tag: "multi_select_person", options: [{ value: "ou_1", text: plain("x") }] }, [`feishu.unknownAttribute@${B}.options.0.text`]),
  el("date_picker YYYY-MM-DD ok", { tag: "date_picker", initial_date: "2024-02-29" }, []),
  el("date_picker no such date", { tag: "date_picker", initial_date: "2023-02-29" }, [`feishu.pickerFormat@${B}.initial_date`]),
  el("date_picker wrong separator", { tag: "date_picker", initial_date: "2024/01/31" }, [`feishu.pickerFormat@${B}.initial_date`]),
  el("date_picker needs a placeholder without initial_date", { tag: "date_picker" }, [`feishu.pickerPlaceholder@${B}.placeholder`]),
  el("picker_time HH:mm ok", { tag: "picker_time", initial_time: "23:59" }, []),
  el("picker_time 24:00 rejected", { tag: "picker_time", initial_time: "24:00" }, [`feishu.pickerFormat@${B}.initial_time`]),
  el("picker_time one-digit hour rejected", { tag: "picker_time", initial_time: "9:30" }, [`feishu.pickerFormat@${B}.initial_time`]),
  el("picker_datetime YYYY-MM-DD HH:mm ok", { tag: "picker_datetime", initial_datetime: "2024-01-31 09:30" }, []),
  el("picker_datetime ISO T rejected", { tag: "picker_datetime", initial_datetime: "2024-01-31T09:30" }, [`feishu.pickerFormat@${B}.initial_datetime`]),
  el("select_img single choice ok", { tag: "select_img", options: [{ img_key: "k", value: "a" }], aspect_ratio: "1:1" }, []),
  el("select_img multi_select needs a form", { tag: "select_img", multi_select: true, options: [{ img_key: "k", value: "a" }] }, [`feishu.selectImgMultiOutsideForm@${B}.multi_select`]),
  { rule: "select_img multi_select in a form ok", layout: inForm({ tag: "select_img", name: "pics", multi_select: true, options: [{ img_key: "k", value: "a" }] }), errors: [] },
  el("select_img option values unique", { tag: "select_img", options: [{ img_key: "k", value: "a" }, { img_key: "k", value: "a" }] }, [`feishu.optionValueDuplicate@${B}.options.1.value`]),
  el("checker ok", { tag: "checker", checked: true, text: plain("Task"), overall_checkable: false, checked_style: { show_strikethrough: true, opacity: 0.5 } }, []),
  el("checker button_area of 3 ok", { tag: "checker", button_area: { pc_display_rule: "on_hover", buttons: buttons(3) } }, []),
  el("checker button_area of 4 rejected", { tag: "checker", button_area: { buttons: buttons(4) } }, [`field.tooMany@${B}.button_area.buttons`]),
  el("checker button_area holds buttons only", { tag: "checker", button_area: { buttons: [{ tag: "markdown", content: "x" }] } }, [`feishu.buttonAreaChild@${B}.button_area.buttons.0.tag`]),
  el("checker button_area buttons are checked", { tag: "checker", button_area: { buttons: [{ tag: "button", text: plain("x"), behaviors: [{ type: "callback", value: 1 }] }] } }, [`field.invalid@${B}.button_area.buttons.0.behaviors.0.value`]),
  el("checker checked is a boolean", { tag: "checker", checked: "yes" }, [`field.type@${B}.checked`]),
  el("checker opacity at most 1", { tag: "checker", checked_style: { opacity: 2 } }, [`field.max@${B}.checked_style.opacity`]),
  el("checker pc_display_rule is an enum", { tag: "checker", button_area: { pc_display_rule: "never" } }, [`field.enum@${B}.button_area.pc_display_rule`]),
  { rule: "a checker in a form needs a name", layout: inForm({ tag: "checker", text: plain("x") }), errors: [`feishu.formNameMissing@${F}.name`] },
];

describe("Feishu JSON 2.0 components", () => {
  it.each(rows)("$rule", ({ layout, errors, warnings }) => {
    const result = validate(layout);
    expect(at(result.errors)).toEqual(errors);
    if (warnings) expect(at(result.warnings)).toEqual(warnings);
  });

  // Each component's attribute list is strict: Feishu answers an unknown one with 200621.
  it.each(FEISHU_TAGS.filter((tag) => tag !== "column"))("%s refuses an unknown attribute", (tag) => {
    const node = { ...starter(tag), bogus: 1 };
    const layout = tag === "form" || tag === "table" ? card([node]) : inForm(node);
    const path = tag === "form" || tag === "table" ? B : F;
    expect(at(validate(layout).errors)).toEqual([`feishu.unknownAttribute@${path}.bogus`]);
  });

  it.each(FEISHU_INTERACTIVE_TAGS.filter((tag) => tag !== "button"))("%s takes callback and open_url, not form_action", (tag) => {
    const withBehaviors = (behaviors: unknown[]) => card([{ ...starter(tag), behaviors }]);
    expect(validate(withBehaviors([{ type: "callback", value: { a: 1 } }, { type: "open_url", default_url: "https://a.dev" }])).errors).toEqual([]);
    expect(at(validate(withBehaviors([{ type: "form_action", behavior: "submit" }])).errors)).toEqual([`feishu.formActionNotButton@${B}.behaviors.0.type`]);
    expect(at(validate(withBehaviors([{ type: "open_url", default_url: "javascript:x" }])).errors)).toEqual([`feishu.behaviorUrl@${B}.behaviors.0.default_url`]);
  });

  it("no tag of card JSON 2.0 is left unchecked", () => {
    for (const tag of FEISHU_TAGS) {
      const layout = tag === "column" ? card([tree.newNode("column_set", undefined)]) : card([tree.newNode(tag, undefined)]);
      expect(validate(layout).warnings.map((w) => w.code), tag).not.toContain("feishu.tagUnchecked");
    }
  });
});

describe("Feishu component rules on large input", () => {
  // A 256 KB body holds thousands of options and selected values: naming each among the options by
  // scanning the list would cost options × values; the check stays linear.
  it("selected_values are matched against many options in linear time", () => {
    const n = 20_000;
    const values = Array.from({ length: n }, (_, i) => `v${i}`);
    const layout = card([{ tag: "multi_select_static", placeholder: plain("x"), options: options(...values), selected_values: Array(n).fill(`v${n - 1}`) }]);
    const started = performance.now();
    // Only the card's size is wrong (far over 30 KB); every selected value names an option.
    expect(validate(layout).errors.map((e) => e.code)).toEqual(["feishu.cardTooLarge"]);
    expect(performance.now() - started).toBeLessThan(400);
  });
});
