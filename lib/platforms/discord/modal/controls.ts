import { isRecord, issuesFromZod, WITH_INPUT } from "../../issues";
import type { IssuePath } from "../../types";
import { checkText, lengthOf, type Findings } from "./findings";
import {
  CHECKBOX_OPTIONS_MAX,
  CHECKBOX_OPTIONS_MIN,
  CHECKBOX_VALUES_MAX,
  DEFAULT_VALUE_TYPES,
  FILE_TYPE,
  FILE_TYPES_MAX,
  FILE_UPLOAD_VALUES_MAX,
  MODAL_COMPONENT,
  MODAL_CUSTOM_ID_MAX,
  MODAL_LABEL_MAX,
  MODAL_SELECT_TYPES,
  OPTION_TEXT_MAX,
  RADIO_OPTIONS_MAX,
  RADIO_OPTIONS_MIN,
  SELECT_OPTIONS_MAX,
  SELECT_PLACEHOLDER_MAX,
  SELECT_VALUES_MAX,
  TEXT_INPUT_LENGTH_MAX,
  TEXT_INPUT_PLACEHOLDER_MAX,
  TEXT_INPUT_STYLES,
} from "./limits";
import { modalLabelChildSchema, type ModalSelect, type ModalTextInput } from "./schema";

const CHILD_TYPES: readonly number[] = [4, ...MODAL_SELECT_TYPES, 19, 21, 22, 23];
const STYLES: readonly number[] = TEXT_INPUT_STYLES;

/**
 * One control of a modal: what a Label holds (`inLabel`), or the Text Input of a deprecated Action Row.
 * Limits from components/reference.mdx, each control's Structure table.
 */
export function checkLabelChild(child: unknown, path: IssuePath, inLabel: boolean, found: Findings): void {
  if (!isRecord(child)) {
    found.errors.push({ code: "field.type", path, params: { expected: "object" } });
    return;
  }
  // "Using disabled in a modal will result in an error. Modals can not currently have disabled components."
  if (child.disabled !== undefined) found.errors.push({ code: "discord.modal.disabled", path: [...path, "disabled"] });
  if (!CHILD_TYPES.includes(Number(child.type))) {
    found.errors.push({ code: "discord.modal.label.component", path: [...path, "type"] });
    return;
  }
  const parsed = modalLabelChildSchema.safeParse(child, WITH_INPUT);
  if (!parsed.success) {
    found.errors.push(...issuesFromZod(parsed.error, path));
    return;
  }
  const control = parsed.data;
  checkText(control.custom_id, [...path, "custom_id"], { code: "discord.modal.customId.length", min: 1, max: MODAL_CUSTOM_ID_MAX }, found);
  switch (control.type) {
    case MODAL_COMPONENT.textInput:
      return checkTextInput(control, path, inLabel, found);
    case MODAL_COMPONENT.fileUpload:
      checkValues(control, path, FILE_UPLOAD_VALUES_MAX, 1, found);
      if (control.file_types && control.file_types.length > FILE_TYPES_MAX) {
        found.errors.push({ code: "discord.modal.fileUpload.fileTypesMax", path: [...path, "file_types"], params: { max: FILE_TYPES_MAX, count: control.file_types.length } });
      }
      control.file_types?.forEach((value, i) => {
        if (!FILE_TYPE.test(value)) found.errors.push({ code: "discord.modal.fileUpload.fileType", path: [...path, "file_types", i], params: { value } });
      });
      return;
    case MODAL_COMPONENT.radioGroup: {
      checkOptions(control.options, path, { code: "discord.modal.radio.options", min: RADIO_OPTIONS_MIN, max: RADIO_OPTIONS_MAX }, found);
      const defaults = control.options.filter((o) => o.default === true).length;
      // A radio group selects exactly one option, so at most one can start selected.
      if (defaults > 1) found.errors.push({ code: "discord.modal.radio.defaults", path: [...path, "options"], params: { count: defaults } });
      return;
    }
    case MODAL_COMPONENT.checkboxGroup: {
      checkOptions(control.options, path, { code: "discord.modal.checkboxGroup.options", min: CHECKBOX_OPTIONS_MIN, max: CHECKBOX_OPTIONS_MAX }, found);
      // max_values "defaults to the number of options".
      checkValues(control, path, CHECKBOX_VALUES_MAX, Math.min(control.options.length, CHECKBOX_VALUES_MAX), found);
      if (control.max_values !== undefined && control.max_values > control.options.length) {
        found.errors.push({ code: "discord.modal.checkboxGroup.maxOverOptions", path: [...path, "max_values"], params: { max: control.max_values, options: control.options.length } });
      }
      // Options preselected beyond max_values could not all be submitted (@discordjs/builders refuses it too).
      const preselected = control.options.filter((o) => o.default === true).length;
      if (control.max_values !== undefined && preselected > control.max_values) {
        found.errors.push({ code: "discord.modal.checkboxGroup.defaults", path: [...path, "options"], params: { count: preselected, max: control.max_values } });
      }
      return;
    }
    case MODAL_COMPONENT.checkbox:
      // "While you can't set a checkbox as required, you can use a Checkbox Group with a single option".
      if (isRecord(child) && child.required !== undefined) found.warnings.push({ code: "discord.modal.checkbox.required", path: [...path, "required"] });
      return;
    default:
      return checkSelect(control, path, found);
  }
}

function checkTextInput(input: ModalTextInput, path: IssuePath, inLabel: boolean, found: Findings): void {
  if (!STYLES.includes(input.style)) found.errors.push({ code: "discord.modal.textInput.style", path: [...path, "style"], params: { value: input.style } });
  const { min_length: min, max_length: max } = input;
  if (min !== undefined && (min < 0 || min > TEXT_INPUT_LENGTH_MAX)) {
    found.errors.push({ code: "discord.modal.textInput.minLength", path: [...path, "min_length"], params: { min: 0, max: TEXT_INPUT_LENGTH_MAX, value: min } });
  }
  if (max !== undefined && (max < 1 || max > TEXT_INPUT_LENGTH_MAX)) {
    found.errors.push({ code: "discord.modal.textInput.maxLength", path: [...path, "max_length"], params: { min: 1, max: TEXT_INPUT_LENGTH_MAX, value: max } });
  }
  if (min !== undefined && max !== undefined && min > max) {
    found.errors.push({ code: "discord.modal.textInput.minOverMax", path: [...path, "min_length"], params: { min, max } });
  }
  if (input.value !== undefined && lengthOf(input.value) > TEXT_INPUT_LENGTH_MAX) {
    found.errors.push({ code: "discord.modal.textInput.value", path: [...path, "value"], params: { max: TEXT_INPUT_LENGTH_MAX, count: lengthOf(input.value) } });
  }
  if (input.placeholder !== undefined && lengthOf(input.placeholder) > TEXT_INPUT_PLACEHOLDER_MAX) {
    found.errors.push({ code: "discord.modal.textInput.placeholder", path: [...path, "placeholder"], params: { max: TEXT_INPUT_PLACEHOLDER_MAX, count: lengthOf(input.placeholder) } });
  }
  // "When a Text Input is used in a Label component the label field on the Text Input is not allowed"
  // (change-log 2025-08-25); in the deprecated Action Row it is the field's only label, max 45.
  if (inLabel && input.label !== undefined) found.errors.push({ code: "discord.modal.textInput.labelInLabel", path: [...path, "label"] });
  if (!inLabel) checkText(input.label, [...path, "label"], { code: "discord.modal.textInput.label", min: 1, max: MODAL_LABEL_MAX }, found);
}

function checkSelect(select: ModalSelect, path: IssuePath, found: Findings): void {
  const isString = select.type === MODAL_COMPONENT.stringSelect;
  if (isString && !select.options) found.errors.push({ code: "discord.modal.select.optionsRequired", path: [...path, "options"] });
  if (!isString && select.options) found.errors.push({ code: "discord.modal.select.optionsForbidden", path: [...path, "options"] });
  if (select.options) checkOptions(select.options, path, { code: "discord.modal.select.options", min: 1, max: SELECT_OPTIONS_MAX }, found);
  if (select.placeholder !== undefined && lengthOf(select.placeholder) > SELECT_PLACEHOLDER_MAX) {
    found.errors.push({ code: "discord.modal.select.placeholder", path: [...path, "placeholder"], params: { max: SELECT_PLACEHOLDER_MAX, count: lengthOf(select.placeholder) } });
  }
  const { min, max } = checkValues(select, path, SELECT_VALUES_MAX, 1, found);
  if (select.options && max > select.options.length) {
    found.errors.push({ code: "discord.modal.select.maxOverOptions", path: [...path, "max_values"], params: { max, options: select.options.length } });
  }
  if (select.channel_types !== undefined && select.type !== MODAL_COMPONENT.channelSelect) {
    found.errors.push({ code: "discord.modal.select.channelTypes", path: [...path, "channel_types"] });
  }
  if (select.default_values === undefined) return;
  const allowed = DEFAULT_VALUE_TYPES[select.type];
  if (!allowed) {
    found.errors.push({ code: "discord.modal.select.defaultValuesForbidden", path: [...path, "default_values"] });
    return;
  }
  // "number of default values must be in the range defined by min_values and max_values".
  const count = select.default_values.length;
  if (count < min || count > max) found.errors.push({ code: "discord.modal.select.defaultValuesCount", path: [...path, "default_values"], params: { count, min, max } });
  select.default_values.forEach((value, i) => {
    if (!allowed.includes(value.type)) {
      found.errors.push({ code: "discord.modal.select.defaultValueType", path: [...path, "default_values", i, "type"], params: { type: value.type, allowed: allowed.join(", ") } });
    }
  });
}

/**
 * min_values 0..cap and max_values 1..cap (min defaults to 1, max to `defaultMax`), min ≤ max, and
 * "min_values must be either omitted or at least 1 if required is omitted or true". Returns the effective range.
 */
function checkValues(
  control: { min_values?: number; max_values?: number; required?: boolean },
  path: IssuePath,
  cap: number,
  defaultMax: number,
  found: Findings,
): { min: number; max: number } {
  const { min_values: min, max_values: max } = control;
  if (min !== undefined && (min < 0 || min > cap)) {
    found.errors.push({ code: "discord.modal.values.min", path: [...path, "min_values"], params: { min: 0, max: cap, value: min } });
  }
  if (max !== undefined && (max < 1 || max > cap)) {
    found.errors.push({ code: "discord.modal.values.max", path: [...path, "max_values"], params: { min: 1, max: cap, value: max } });
  }
  const range = { min: min ?? 1, max: max ?? defaultMax };
  if (range.min > range.max) found.errors.push({ code: "discord.modal.values.minOverMax", path: [...path, "min_values"], params: range });
  if (min === 0 && control.required !== false) found.errors.push({ code: "discord.modal.values.requiredMin", path: [...path, "min_values"] });
  return range;
}

/** An option list's size, each option's texts (1–100, description ≤ 100), and unique values. */
function checkOptions(
  options: { label: string; value: string; description?: string }[],
  path: IssuePath,
  rule: { code: string; min: number; max: number },
  found: Findings,
): void {
  if (options.length < rule.min || options.length > rule.max) {
    found.errors.push({ code: rule.code, path: [...path, "options"], params: { min: rule.min, max: rule.max, count: options.length } });
  }
  const seen = new Set<string>();
  options.forEach((option, o) => {
    const at = [...path, "options", o];
    checkText(option.label, [...at, "label"], { code: "discord.modal.option.label", min: 1, max: OPTION_TEXT_MAX }, found);
    checkText(option.value, [...at, "value"], { code: "discord.modal.option.value", min: 1, max: OPTION_TEXT_MAX }, found);
    if (option.description !== undefined && lengthOf(option.description) > OPTION_TEXT_MAX) {
      found.errors.push({ code: "discord.modal.option.description", path: [...at, "description"], params: { max: OPTION_TEXT_MAX, count: lengthOf(option.description) } });
    }
    if (seen.has(option.value)) found.errors.push({ code: "discord.modal.option.duplicate", path: [...at, "value"], params: { value: option.value } });
    seen.add(option.value);
  });
}
