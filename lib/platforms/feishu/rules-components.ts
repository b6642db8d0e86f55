import { isRecord } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import {
  FEISHU_IMG_COMBINATION_SLOTS,
  FEISHU_PICKER_FORMATS,
  FEISHU_TABLE_ROW_HEIGHT_PX,
  FEISHU_TABLE_ROW_HEIGHTS,
} from "./limits";
import { checkLinks } from "./rules-behaviors";

// Rules of single components that a schema cannot say: values that must name an option, date formats,
// counts that depend on a mode, attributes that only work together. Structure was checked before.

interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/** Where the component sits, as far as its own rules care. */
export interface ComponentPlace {
  inForm: boolean;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const optionValues = (options: unknown): string[] =>
  list(options).flatMap((option) => (isRecord(option) && typeof option.value === "string" ? [option.value] : []));

/** Option values tell the server which option was picked, so two options may not share one. */
function checkOptionValues(options: unknown, path: IssuePath, found: Findings): void {
  const seen = new Set<string>();
  list(options).forEach((option, i) => {
    if (!isRecord(option) || typeof option.value !== "string") return;
    if (seen.has(option.value)) found.errors.push({ code: "feishu.optionValueDuplicate", path: [...path, "options", i, "value"], params: { value: option.value } });
    seen.add(option.value);
  });
}

/** initial_option and selected_values must name options; person selects without options offer the whole chat. */
function checkPreselected(element: Record<string, unknown>, path: IssuePath, found: Findings, optionsRequired: boolean): void {
  // A Set: selected_values checked against options by scanning would be quadratic in the body's size.
  const values = new Set(optionValues(element.options));
  if (!optionsRequired && values.size === 0) return;
  if (typeof element.initial_option === "string" && !values.has(element.initial_option)) {
    found.errors.push({ code: "feishu.initialOptionUnknown", path: [...path, "initial_option"], params: { value: element.initial_option } });
  }
  list(element.selected_values).forEach((value, i) => {
    if (typeof value === "string" && !values.has(value)) {
      found.errors.push({ code: "feishu.selectedValueUnknown", path: [...path, "selected_values", i], params: { value } });
    }
  });
}

const PICKER_PATTERNS: Record<keyof typeof FEISHU_PICKER_FORMATS, RegExp> = {
  date_picker: /^(\d{4})-(\d{2})-(\d{2})$/,
  picker_time: /^()()()(\d{2}):(\d{2})$/,
  picker_datetime: /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/,
};
const PICKER_FIELDS = { date_picker: "initial_date", picker_time: "initial_time", picker_datetime: "initial_datetime" } as const;

/** A real calendar date and clock time in the picker's format (2024-02-30 and 24:00 are not). */
function validPickerValue(tag: keyof typeof FEISHU_PICKER_FORMATS, value: string): boolean {
  const match = PICKER_PATTERNS[tag].exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => (part === "" ? undefined : Number(part)));
  if (hour !== undefined && (hour > 23 || minute! > 59)) return false;
  if (year === undefined) return true;
  const date = new Date(Date.UTC(year, month! - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

function checkPicker(tag: keyof typeof FEISHU_PICKER_FORMATS, element: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const field = PICKER_FIELDS[tag];
  const value = element[field];
  if (typeof value === "string" && !validPickerValue(tag, value)) {
    found.errors.push({ code: "feishu.pickerFormat", path: [...path, field], params: { format: FEISHU_PICKER_FORMATS[tag] } });
  }
  // "未设 initial_date 时必填": without a starting value the picker shows its placeholder.
  if (value === undefined && element.placeholder === undefined) found.errors.push({ code: "feishu.pickerPlaceholder", path: [...path, "placeholder"] });
}

function checkInput(element: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const multiline = element.input_type === "multiline_text";
  for (const field of ["rows", "auto_resize", "max_rows"]) {
    if (element[field] !== undefined && !multiline) found.warnings.push({ code: "feishu.inputMultilineOnly", path: [...path, field] });
  }
  if (typeof element.rows === "number" && typeof element.max_rows === "number" && element.max_rows < element.rows) {
    found.errors.push({ code: "feishu.inputMaxRows", path: [...path, "max_rows"], params: { rows: element.rows } });
  }
}

function checkTable(element: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const height = element.row_height;
  if (typeof height === "string" && !(FEISHU_TABLE_ROW_HEIGHTS as readonly string[]).includes(height)) {
    const px = /^(\d+)px$/.exec(height);
    const n = px ? Number(px[1]) : NaN;
    if (!(n >= FEISHU_TABLE_ROW_HEIGHT_PX.min && n <= FEISHU_TABLE_ROW_HEIGHT_PX.max)) {
      found.errors.push({ code: "feishu.tableRowHeight", path: [...path, "row_height"], params: { ...FEISHU_TABLE_ROW_HEIGHT_PX } });
    }
  }
  const names = new Set<string>();
  list(element.columns).forEach((column, i) => {
    if (!isRecord(column) || typeof column.name !== "string") return;
    if (names.has(column.name)) found.errors.push({ code: "feishu.tableColumnDuplicate", path: [...path, "columns", i, "name"], params: { name: column.name } });
    names.add(column.name);
  });
}

/** The rules of one component by its tag; structure (schema) findings are already reported. */
export function checkComponent(tag: string, element: Record<string, unknown>, path: IssuePath, found: Findings, place: ComponentPlace): void {
  switch (tag) {
    case "select_static":
    case "multi_select_static":
      checkOptionValues(element.options, path, found);
      checkPreselected(element, path, found, true);
      if (tag === "select_static" && typeof element.initial_index === "number" && element.initial_index > list(element.options).length) {
        found.errors.push({ code: "feishu.initialIndexRange", path: [...path, "initial_index"], params: { max: list(element.options).length } });
      }
      return;
    case "select_person":
    case "multi_select_person":
      checkOptionValues(element.options, path, found);
      checkPreselected(element, path, found, false);
      return;
    case "overflow":
      list(element.options).forEach((option, i) => {
        if (!isRecord(option)) return;
        if (option.value === undefined && option.multi_url === undefined) found.errors.push({ code: "feishu.overflowOptionAction", path: [...path, "options", i] });
        if (isRecord(option.multi_url)) checkLinks(option.multi_url, [...path, "options", i, "multi_url"], found.errors);
      });
      return;
    case "date_picker":
    case "picker_time":
    case "picker_datetime":
      checkPicker(tag, element, path, found);
      return;
    case "input":
      checkInput(element, path, found);
      return;
    case "select_img":
      checkOptionValues(element.options, path, found);
      // "多选仅支持异步提交…需内嵌在表单容器中,否则卡片 JSON 报错".
      if (element.multi_select === true && !place.inForm) found.errors.push({ code: "feishu.selectImgMultiOutsideForm", path: [...path, "multi_select"] });
      return;
    case "img_combination": {
      const mode = element.combination_mode;
      const slots = typeof mode === "string" && mode in FEISHU_IMG_COMBINATION_SLOTS ? FEISHU_IMG_COMBINATION_SLOTS[mode as keyof typeof FEISHU_IMG_COMBINATION_SLOTS] : undefined;
      const count = list(element.img_list).length;
      if (slots !== undefined && count > slots) {
        found.warnings.push({ code: "feishu.imgCombinationExtra", path: [...path, "img_list"], params: { mode: String(mode), max: slots, count } });
      }
      return;
    }
    case "table":
      checkTable(element, path, found);
      return;
    case "column_set":
      if (isRecord(element.action) && isRecord(element.action.multi_url)) checkLinks(element.action.multi_url, [...path, "action", "multi_url"], found.errors);
      return;
    default:
      return;
  }
}
