import { z } from "zod";

// JSON 2.0 rejects attributes it does not know ("传入不支持的属性将报错", error 200621), so every
// object whose attribute list a source gives is strict. Sub-objects whose attribute lists were not
// verified (icons, styles, number formats, locales) stay loose: a false "unknown attribute" would
// block a valid card, while a missed one is still caught by Feishu when the card is sent.

export const looseRecord = z.looseObject({});

export const feishuTextSchema = z.strictObject({
  tag: z.enum(["plain_text", "lark_md"]),
  content: z.string(),
  i18n_content: z.record(z.string(), z.string()).optional(),
  text_size: z.string().optional(),
  text_color: z.string().optional(),
  text_align: z.string().optional(),
  lines: z.number().int().optional(),
});

export const confirmSchema = z.strictObject({ title: feishuTextSchema, text: feishuTextSchema });

/** Every 2.0 component takes these ("JSON 2.0 新增属性" on each component page). */
export const base = { element_id: z.string().optional(), margin: z.string().optional() };

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
/** A button's behaviors: it alone may submit or reset a form. */
export const feishuBehaviorSchema = z.discriminatedUnion("type", [
  feishuCallbackBehaviorSchema,
  feishuOpenUrlBehaviorSchema,
  feishuFormActionBehaviorSchema,
]);
/** The other interactive components and the interactive container ("配置卡片交互": callback, open_url). */
export const feishuControlBehaviorSchema = z.discriminatedUnion("type", [feishuCallbackBehaviorSchema, feishuOpenUrlBehaviorSchema]);

/** A link per device, as overflow options and column_set.action carry it. */
export const multiUrlSchema = z.strictObject({
  url: z.string().optional(),
  pc_url: z.string().optional(),
  ios_url: z.string().optional(),
  android_url: z.string().optional(),
});

/** Attributes the form fields share (select, person select, pickers; larksuite/cli card component pages). */
export const fieldShape = {
  ...base,
  name: z.string().optional(),
  required: z.boolean().optional(),
  disabled: z.boolean().optional(),
  width: z.string().optional(),
  placeholder: feishuTextSchema.optional(),
  confirm: confirmSchema.optional(),
};

/**
 * Each interactive component as two schemas: the shallow one takes behaviors as unknown, because the
 * rules check them one by one with their own codes and paths; the deep one types them.
 */
export function withBehaviors<S extends z.core.$ZodLooseShape, B extends z.ZodType>(shape: S, behavior: B) {
  return {
    shallow: z.strictObject({ ...shape, behaviors: z.array(z.unknown()).optional() }),
    deep: z.strictObject({ ...shape, behaviors: z.array(behavior).optional() }),
  };
}

export type FeishuText = z.infer<typeof feishuTextSchema>;
export type FeishuBehavior = z.infer<typeof feishuBehaviorSchema>;
