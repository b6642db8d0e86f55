import { z } from "zod";
import { FEISHU_BUTTON_SIZES, FEISHU_BUTTON_TYPES, FEISHU_HEADER_TEMPLATES } from "./limits";

// JSON 2.0 rejects attributes it does not know ("传入不支持的属性将报错"), so every object the
// official 2.0 pages describe is strict. Sub-objects whose attribute lists were not verified
// (icons, styles, tags, locales) stay loose: a false "unknown attribute" would block a valid card.

export const feishuTextSchema = z.strictObject({
  tag: z.enum(["plain_text", "lark_md"]),
  content: z.string(),
  i18n_content: z.record(z.string(), z.string()).optional(),
  text_size: z.string().optional(),
  text_color: z.string().optional(),
  text_align: z.string().optional(),
  lines: z.number().int().optional(),
});

const looseRecord = z.looseObject({});
const confirmSchema = z.strictObject({ title: feishuTextSchema, text: feishuTextSchema });
const base = { element_id: z.string().optional(), margin: z.string().optional() };

export const feishuCallbackBehaviorSchema = z.strictObject({
  type: z.literal("callback"),
  value: z.union([z.string(), z.record(z.string(), z.unknown())]),
});
export const feishuOpenUrlBehaviorSchema = z.strictObject({
  type: z.literal("open_url"),
  default_url: z.string().min(1),
  pc_url: z.string().optional(),
  ios_url: z.string().optional(),
  android_url: z.string().optional(),
});
export const feishuFormActionBehaviorSchema = z.strictObject({
  type: z.literal("form_action"),
  behavior: z.enum(["submit", "reset"]),
});
export const feishuBehaviorSchema = z.discriminatedUnion("type", [
  feishuCallbackBehaviorSchema,
  feishuOpenUrlBehaviorSchema,
  feishuFormActionBehaviorSchema,
]);

export const feishuMarkdownSchema = z.strictObject({
  tag: z.literal("markdown"),
  ...base,
  content: z.string(),
  i18n_content: z.record(z.string(), z.string()).optional(),
  text_size: z.string().optional(),
  text_align: z.string().optional(),
  icon: looseRecord.optional(),
});

export const feishuDivSchema = z.strictObject({
  tag: z.literal("div"),
  ...base,
  width: z.string().optional(),
  text: feishuTextSchema.optional(),
  icon: looseRecord.optional(),
  // Not on the 2.0 page read here; kept so 1.0-style divs with fields are not refused for it.
  fields: z.array(looseRecord).optional(),
});

export const feishuHrSchema = z.strictObject({ tag: z.literal("hr"), ...base });

export const feishuImgSchema = z.strictObject({
  tag: z.literal("img"),
  ...base,
  img_key: z.string().min(1),
  alt: feishuTextSchema.optional(),
  title: feishuTextSchema.optional(),
  corner_radius: z.string().optional(),
  scale_type: z.string().optional(),
  size: z.string().optional(),
  transparent: z.boolean().optional(),
  preview: z.boolean().optional(),
  mode: z.string().optional(),
  custom_width: z.number().optional(),
  compact_width: z.boolean().optional(),
});

// Children are checked one by one by the rules (their own paths and codes), so the shallow
// schemas take them as unknown; the deep card schema below types the whole tree.
const buttonShape = {
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
};
export const feishuButtonShallowSchema = z.strictObject({ ...buttonShape, behaviors: z.array(z.unknown()).optional() });
export const feishuButtonSchema = z.strictObject({ ...buttonShape, behaviors: z.array(feishuBehaviorSchema).optional() });

const fieldShape = {
  ...base,
  name: z.string().optional(),
  required: z.boolean().optional(),
  disabled: z.boolean().optional(),
  width: z.string().optional(),
  placeholder: feishuTextSchema.optional(),
  confirm: confirmSchema.optional(),
  behaviors: z.array(feishuBehaviorSchema).optional(),
};
export const feishuInputSchema = z.strictObject({
  tag: z.literal("input"),
  ...fieldShape,
  default_value: z.string().optional(),
  label: feishuTextSchema.optional(),
  label_position: z.enum(["top", "left"]).optional(),
  max_length: z.number().int().min(1).optional(),
  input_type: z.string().optional(),
  show_icon: z.boolean().optional(),
  rows: z.number().int().optional(),
  auto_resize: z.boolean().optional(),
  max_rows: z.number().int().optional(),
  fallback: looseRecord.optional(),
});

export const feishuOptionSchema = z.strictObject({
  text: feishuTextSchema,
  value: z.string(),
  icon: looseRecord.optional(),
});
export const feishuSelectStaticSchema = z.strictObject({
  tag: z.literal("select_static"),
  ...fieldShape,
  type: z.enum(["default", "text"]).optional(),
  initial_index: z.number().int().min(1).optional(),
  initial_option: z.string().optional(),
  options: z.array(feishuOptionSchema).min(1),
});

const columnShape = {
  tag: z.literal("column"),
  ...base,
  width: z.string().optional(),
  weight: z.number().int().min(1).max(5).optional(),
  vertical_align: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_spacing: z.string().optional(),
  horizontal_spacing: z.string().optional(),
  direction: z.string().optional(),
  padding: z.string().optional(),
  background_style: z.string().optional(),
  action: looseRecord.optional(),
};
export const feishuColumnShallowSchema = z.strictObject({ ...columnShape, elements: z.array(z.unknown()).optional() });

const columnSetShape = {
  tag: z.literal("column_set"),
  ...base,
  flex_mode: z.string().optional(),
  horizontal_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  background_style: z.string().optional(),
  action: looseRecord.optional(),
};
export const feishuColumnSetShallowSchema = z.strictObject({ ...columnSetShape, columns: z.array(z.unknown()) });

const formShape = {
  tag: z.literal("form"),
  ...base,
  name: z.string().min(1),
  direction: z.enum(["vertical", "horizontal"]).optional(),
  horizontal_spacing: z.string().optional(),
  vertical_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_align: z.string().optional(),
  padding: z.string().optional(),
  confirm: confirmSchema.optional(),
};
export const feishuFormShallowSchema = z.strictObject({ ...formShape, elements: z.array(z.unknown()) });

/** Element tag → the schema the rules check it with (children unchecked there). */
export const FEISHU_ELEMENT_SCHEMAS: Record<string, z.ZodType> = {
  markdown: feishuMarkdownSchema,
  div: feishuDivSchema,
  hr: feishuHrSchema,
  img: feishuImgSchema,
  button: feishuButtonShallowSchema,
  input: feishuInputSchema,
  select_static: feishuSelectStaticSchema,
  column_set: feishuColumnSetShallowSchema,
  column: feishuColumnShallowSchema,
  form: feishuFormShallowSchema,
};

const feishuLeafSchema = z.discriminatedUnion("tag", [
  feishuMarkdownSchema,
  feishuDivSchema,
  feishuHrSchema,
  feishuImgSchema,
  feishuButtonSchema,
  feishuInputSchema,
  feishuSelectStaticSchema,
]);

// TypeScript cannot infer a type through the containers' recursion, so only the recursion is
// spelled out: each container is its shallow schema's type with typed children.
export type FeishuColumn = Omit<z.infer<typeof feishuColumnShallowSchema>, "elements"> & { elements?: FeishuElement[] };
export type FeishuColumnSet = Omit<z.infer<typeof feishuColumnSetShallowSchema>, "columns"> & { columns: FeishuColumn[] };
export type FeishuForm = Omit<z.infer<typeof feishuFormShallowSchema>, "elements"> & { elements: FeishuElement[] };
export type FeishuElement = z.infer<typeof feishuLeafSchema> | FeishuColumnSet | FeishuForm;

export const feishuColumnSchema: z.ZodType<FeishuColumn> = z.lazy(() =>
  z.strictObject({ ...columnShape, elements: z.array(feishuElementSchema).optional() }),
);
export const feishuElementSchema: z.ZodType<FeishuElement> = z.lazy(() =>
  z.union([
    feishuLeafSchema,
    z.strictObject({ ...columnSetShape, columns: z.array(feishuColumnSchema) }),
    z.strictObject({ ...formShape, elements: z.array(feishuElementSchema) }),
  ]),
);

export const feishuHeaderSchema = z.strictObject({
  title: feishuTextSchema,
  subtitle: feishuTextSchema.optional(),
  template: z.enum(FEISHU_HEADER_TEMPLATES).optional(),
  icon: looseRecord.optional(),
  text_tag_list: z.array(looseRecord).optional(),
  i18n_text_tag_list: z.record(z.string(), z.array(looseRecord)).optional(),
  padding: z.string().optional(),
});

export const feishuConfigSchema = z.strictObject({
  update_multi: z.boolean().optional(),
  streaming_mode: z.boolean().optional(),
  streaming_config: looseRecord.optional(),
  summary: looseRecord.optional(),
  locales: z.array(z.string()).optional(),
  enable_forward: z.boolean().optional(),
  enable_forward_interaction: z.boolean().optional(),
  use_custom_translation: z.boolean().optional(),
  width_mode: z.enum(["default", "compact", "fill"]).optional(),
  style: looseRecord.optional(),
});

const bodyShape = {
  direction: z.enum(["vertical", "horizontal"]).optional(),
  padding: z.string().optional(),
  horizontal_spacing: z.string().optional(),
  vertical_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_align: z.string().optional(),
};
const cardShape = {
  schema: z.literal("2.0"),
  config: feishuConfigSchema.optional(),
  card_link: z.looseObject({ url: z.string().optional() }).optional(),
  header: feishuHeaderSchema.optional(),
};

/** The card minus its elements, which the rules check one by one. */
export const feishuCardShallowSchema = z.strictObject({
  ...cardShape,
  body: z.strictObject({ ...bodyShape, elements: z.array(z.unknown()) }),
});

/** A Feishu card in JSON 2.0: what a Feishu template's layout is. */
export const feishuCardSchema = z.strictObject({
  ...cardShape,
  body: z.strictObject({ ...bodyShape, elements: z.array(feishuElementSchema) }),
});

export type FeishuText = z.infer<typeof feishuTextSchema>;
export type FeishuBehavior = z.infer<typeof feishuBehaviorSchema>;
export type FeishuButton = z.infer<typeof feishuButtonSchema>;
export type FeishuCard = z.infer<typeof feishuCardSchema>;
