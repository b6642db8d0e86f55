import { isRecord } from "../issues";

// What each card 2.0 control holds while a person operates it, and the value Feishu reports for it
// (in form_value[name] inside a form, or in action.option / options / input_value / checked outside
// one). Formats are those of the official component pages' callback examples (open.feishu.cn
// card-json-v2-components/interactive-components/*, "回调示例") and of the card callback page's
// form_value example (feishu-cards/card-callback-communication):
//   date_picker "2024-04-01 +0800", picker_time "00:00 +0800", picker_datetime "2024-04-29 07:07 +0800",
//   select_static / select_person / overflow: the option's value, multi selects: an array of values.

/** The simulated operator's zone: the offset the pickers' strings carry and action.timezone. */
export const FEISHU_TIMEZONE = "Asia/Shanghai";
export const FEISHU_UTC_OFFSET = "+0800";

/**
 * A control's state in the preview: typed text, a picked value (pickers keep the browser's native
 * `YYYY-MM-DD`, `HH:mm`, `YYYY-MM-DDTHH:mm`), picked values, or a checker's state.
 */
export type ControlState = string | string[] | boolean;

export const FEISHU_PICKER_TAGS: readonly string[] = ["date_picker", "picker_time", "picker_datetime"];
export const FEISHU_MULTI_TAGS: readonly string[] = ["multi_select_static", "multi_select_person"];
/** Controls whose state a form collects under their name. */
export const FEISHU_FIELD_TAGS: readonly string[] = [
  "input", "select_static", "select_person", "multi_select_static", "multi_select_person",
  "date_picker", "picker_time", "picker_datetime", "select_img", "checker",
];

const str = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** A picker's Feishu string from the browser's value; one already carrying an offset is kept as it is. */
export function feishuPickerString(tag: string, raw: string): string {
  if (!raw || /[+-]\d{4}$/.test(raw)) return raw;
  if (tag === "picker_datetime") {
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(raw);
    return m ? `${m[1]} ${m[2]} ${FEISHU_UTC_OFFSET}` : raw;
  }
  if (tag === "picker_time") return `${raw.slice(0, 5)} ${FEISHU_UTC_OFFSET}`;
  return `${raw} ${FEISHU_UTC_OFFSET}`;
}

/** The state a control starts in: default_value, initial_option / initial_index, selected_values, initial_*, checked. */
export function feishuInitialState(node: unknown): ControlState | undefined {
  if (!isRecord(node)) return undefined;
  switch (node.tag) {
    case "input":
      return str(node.default_value);
    case "select_static": {
      if (str(node.initial_option)) return str(node.initial_option);
      // initial_index counts from 1; 0 shows no option.
      const options = Array.isArray(node.options) ? node.options : [];
      const picked = typeof node.initial_index === "number" && node.initial_index > 0 ? options[node.initial_index - 1] : undefined;
      return isRecord(picked) && str(picked.value) ? str(picked.value) : undefined;
    }
    case "select_person":
      return str(node.initial_option) || undefined;
    case "multi_select_static":
    case "multi_select_person":
      return strings(node.selected_values);
    case "date_picker":
      return str(node.initial_date) || undefined;
    case "picker_time":
      return str(node.initial_time) || undefined;
    case "picker_datetime":
      // "2024-01-01 11:30" in the card, "2024-01-01T11:30" in a datetime-local input.
      return str(node.initial_datetime).replace(" ", "T") || undefined;
    case "select_img":
      return [];
    case "checker":
      return node.checked === true;
    default:
      return undefined;
  }
}

/** The value Feishu reports for a control in this state; undefined when it holds nothing to report. */
export function feishuFieldValue(node: unknown, state: ControlState | undefined): string | string[] | boolean | undefined {
  if (!isRecord(node) || state === undefined) return undefined;
  const tag = str(node.tag);
  if (tag === "checker") return state === true;
  if (tag === "input") return typeof state === "string" ? state : undefined;
  if (FEISHU_MULTI_TAGS.includes(tag) || tag === "select_img") return Array.isArray(state) ? strings(state) : typeof state === "string" && state ? [state] : [];
  if (typeof state !== "string" || !state) return undefined;
  return FEISHU_PICKER_TAGS.includes(tag) ? feishuPickerString(tag, state) : state;
}

/** A form's fields, depth first, each with its index path (children read with the card's own walk). */
export function feishuFormFields(
  form: unknown,
  path: number[],
  children: (node: unknown) => unknown[] | null,
): { node: Record<string, unknown>; path: number[] }[] {
  const out: { node: Record<string, unknown>; path: number[] }[] = [];
  const visit = (node: unknown, at: number[]) => {
    (children(node) ?? []).forEach((child, i) => {
      if (!isRecord(child)) return;
      if (FEISHU_FIELD_TAGS.includes(str(child.tag)) && str(child.name)) out.push({ node: child, path: [...at, i] });
      visit(child, [...at, i]);
    });
  };
  visit(form, path);
  return out;
}

/**
 * form_value: every named field by its name in Feishu's types. Text and checkers always report
 * (possibly "" or false), multi selects an array (possibly empty); a select or picker left empty is
 * left out, as there is no option value to report.
 */
export function feishuFormValue(fields: { node: Record<string, unknown>; state: ControlState | undefined }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { node, state } of fields) {
    const value = feishuFieldValue(node, state);
    if (value !== undefined) out[str(node.name)] = value;
  }
  return out;
}

/** Required fields of a form left empty: Feishu's client refuses to submit ("有必填项未填写"). */
export function feishuMissingRequired(fields: { node: Record<string, unknown>; state: ControlState | undefined }[]): string[] {
  return fields
    .filter(({ node, state }) => {
      if (node.required !== true) return false;
      const value = feishuFieldValue(node, state);
      return value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);
    })
    .map(({ node }) => str(node.name));
}
