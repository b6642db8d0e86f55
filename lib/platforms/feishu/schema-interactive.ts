import { z } from "zod";
import { FEISHU_BUTTON_SIZES, FEISHU_BUTTON_TYPES, FEISHU_CHECKER_BUTTONS_MAX, FEISHU_IMG_ASPECT_RATIOS, FEISHU_INPUT_TYPES } from "./limits";
import {
  base,
  confirmSchema,
  feishuBehaviorSchema,
  feishuControlBehaviorSchema,
  feishuTextSchema,
  fieldShape,
  looseRecord,
  multiUrlSchema,
  withBehaviors,
} from "./schema-common";

// Interactive components of card JSON 2.0. Sources: protocols.md §3.6 and §8.3 (button), open.feishu.cn
// card-json-v2-components interactive pages, and larksuite/cli skills/lark-im/references/card/components/*.md
// (2026), whose field tables list every attribute used below (input, overflow, select_static,
// multi_select_static, select_person, multi_select_person, date_picker, picker_time, picker_datetime,
// select_img, checker). Every one takes behaviors; only a button may carry form_action.

const button = withBehaviors({
  tag: z.literal("button"),
  ...base,
  type: z.enum(FEISHU_BUTTON_TYPES).optional(),
  size: z.enum(FEISHU_BUTTON_SIZES).optional(),
  width: z.string().optional(),
  text: feishuTextSchema.optional(),
  icon: looseRecord.optional(),
  hover_tips: feishuTextSchema.optional(),
  disabled: z.boolean().optional(),
  disabled_tips: feishuTextSchema.optional(),
  confirm: confirmSchema.optional(),
  name: z.string().optional(),
  required: z.boolean().optional(),
  form_action_type: z.enum(["submit", "reset"]).optional(),
  // The 1.0 form button's way to submit; still read by the client.
  action_type: z.enum(["link", "request", "multi", "form_submit", "form_reset"]).optional(),
}, feishuBehaviorSchema);
export const feishuButtonShallowSchema = button.shallow;
export const feishuButtonSchema = button.deep;

/** Multi-line text: input_type "multiline_text" with rows, auto_resize and max_rows (input 2.0 page). */
const input = withBehaviors({
  tag: z.literal("input"),
  ...fieldShape,
  default_value: z.string().optional(),
  label: feishuTextSchema.optional(),
  label_position: z.enum(["top", "left"]).optional(),
  max_length: z.number().int().min(1).max(1000).optional(),
  input_type: z.enum(FEISHU_INPUT_TYPES).optional(),
  show_icon: z.boolean().optional(),
  rows: z.number().int().min(1).optional(),
  auto_resize: z.boolean().optional(),
  max_rows: z.number().int().min(1).optional(),
  fallback: looseRecord.optional(),
}, feishuControlBehaviorSchema);
export const feishuInputShallowSchema = input.shallow;
export const feishuInputSchema = input.deep;

export const feishuOptionSchema = z.strictObject({
  text: feishuTextSchema,
  value: z.string(),
  icon: looseRecord.optional(),
});

/** Each overflow option answers with its value (action.option), opens its multi_url, or both. */
export const feishuOverflowOptionSchema = z.strictObject({
  text: feishuTextSchema.optional(),
  value: z.string().optional(),
  multi_url: multiUrlSchema.optional(),
});
const overflow = withBehaviors({
  tag: z.literal("overflow"),
  ...base,
  width: z.string().optional(),
  options: z.array(feishuOverflowOptionSchema).min(1),
  confirm: confirmSchema.optional(),
}, feishuControlBehaviorSchema);
export const feishuOverflowShallowSchema = overflow.shallow;
export const feishuOverflowSchema = overflow.deep;

const selectType = z.enum(["default", "text"]).optional();
const selectStatic = withBehaviors({
  tag: z.literal("select_static"),
  ...fieldShape,
  type: selectType,
  initial_index: z.number().int().min(0).optional(),
  initial_option: z.string().optional(),
  options: z.array(feishuOptionSchema).min(1),
}, feishuControlBehaviorSchema);
export const feishuSelectStaticShallowSchema = selectStatic.shallow;
export const feishuSelectStaticSchema = selectStatic.deep;

const multiSelectStatic = withBehaviors({
  tag: z.literal("multi_select_static"),
  ...fieldShape,
  type: selectType,
  selected_values: z.array(z.string()).optional(),
  options: z.array(feishuOptionSchema).min(1),
}, feishuControlBehaviorSchema);
export const feishuMultiSelectStaticShallowSchema = multiSelectStatic.shallow;
export const feishuMultiSelectStaticSchema = multiSelectStatic.deep;

/** Person options are open_ids only; without options the chat's members are offered. */
const personOption = z.strictObject({ value: z.string().min(1) });
const selectPerson = withBehaviors({
  tag: z.literal("select_person"),
  ...fieldShape,
  type: selectType,
  initial_option: z.string().optional(),
  options: z.array(personOption).optional(),
}, feishuControlBehaviorSchema);
export const feishuSelectPersonShallowSchema = selectPerson.shallow;
export const feishuSelectPersonSchema = selectPerson.deep;

const multiSelectPerson = withBehaviors({
  tag: z.literal("multi_select_person"),
  ...fieldShape,
  type: selectType,
  selected_values: z.array(z.string()).optional(),
  options: z.array(personOption).optional(),
}, feishuControlBehaviorSchema);
export const feishuMultiSelectPersonShallowSchema = multiSelectPerson.shallow;
export const feishuMultiSelectPersonSchema = multiSelectPerson.deep;

// The initial values' formats are checked by the rules, with a code that names the format.
const datePicker = withBehaviors({ tag: z.literal("date_picker"), ...fieldShape, initial_date: z.string().optional() }, feishuControlBehaviorSchema);
export const feishuDatePickerShallowSchema = datePicker.shallow;
export const feishuDatePickerSchema = datePicker.deep;
const pickerTime = withBehaviors({ tag: z.literal("picker_time"), ...fieldShape, initial_time: z.string().optional() }, feishuControlBehaviorSchema);
export const feishuPickerTimeShallowSchema = pickerTime.shallow;
export const feishuPickerTimeSchema = pickerTime.deep;
const pickerDatetime = withBehaviors({ tag: z.literal("picker_datetime"), ...fieldShape, initial_datetime: z.string().optional() }, feishuControlBehaviorSchema);
export const feishuPickerDatetimeShallowSchema = pickerDatetime.shallow;
export const feishuPickerDatetimeSchema = pickerDatetime.deep;

export const feishuImgOptionSchema = z.strictObject({
  img_key: z.string().min(1),
  value: z.string(),
  disabled: z.boolean().optional(),
  disabled_tips: feishuTextSchema.optional(),
  hover_tips: feishuTextSchema.optional(),
});
const selectImg = withBehaviors({
  tag: z.literal("select_img"),
  ...base,
  name: z.string().optional(),
  required: z.boolean().optional(),
  disabled: z.boolean().optional(),
  confirm: confirmSchema.optional(),
  style: z.enum(["default", "laser"]).optional(),
  multi_select: z.boolean().optional(),
  layout: z.enum(["stretch", "bisect", "trisect"]).optional(),
  aspect_ratio: z.enum(FEISHU_IMG_ASPECT_RATIOS).optional(),
  can_preview: z.boolean().optional(),
  value: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  options: z.array(feishuImgOptionSchema).min(1),
}, feishuControlBehaviorSchema);
export const feishuSelectImgShallowSchema = selectImg.shallow;
export const feishuSelectImgSchema = selectImg.deep;

const checkerShape = {
  tag: z.literal("checker"),
  ...base,
  padding: z.string().optional(),
  name: z.string().optional(),
  checked: z.boolean().optional(),
  text: feishuTextSchema.optional(),
  overall_checkable: z.boolean().optional(),
  checked_style: z.strictObject({ show_strikethrough: z.boolean().optional(), opacity: z.number().min(0).max(1).optional() }).optional(),
  disabled: z.boolean().optional(),
  disabled_tips: feishuTextSchema.optional(),
  hover_tips: feishuTextSchema.optional(),
  confirm: confirmSchema.optional(),
};
const buttonArea = <B extends z.ZodType>(buttons: B) =>
  z.strictObject({ pc_display_rule: z.enum(["always", "on_hover"]).optional(), buttons: z.array(buttons).max(FEISHU_CHECKER_BUTTONS_MAX).optional() });
/** The button area's buttons are components of their own: the rules walk them like children. */
export const feishuCheckerShallowSchema = z.strictObject({
  ...checkerShape,
  button_area: buttonArea(z.unknown()).optional(),
  behaviors: z.array(z.unknown()).optional(),
});
export const feishuCheckerSchema = z.strictObject({
  ...checkerShape,
  button_area: buttonArea(feishuButtonSchema).optional(),
  behaviors: z.array(feishuControlBehaviorSchema).optional(),
});

export type FeishuButton = z.infer<typeof feishuButtonSchema>;
