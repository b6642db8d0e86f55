import { z } from "zod";
import {
  FEISHU_CHART_ASPECT_RATIOS,
  FEISHU_CHART_COLOR_THEMES,
  FEISHU_IMG_COMBINATION_MODES,
  FEISHU_PERSON_SIZES,
  FEISHU_TABLE_COLUMNS_MAX,
  FEISHU_TABLE_DATA_TYPES,
  FEISHU_TABLE_PAGE_SIZE_MAX,
} from "./limits";
import { base, feishuTextSchema, looseRecord } from "./schema-common";

// Display components of card JSON 2.0. Sources: open.feishu.cn card-json-v2-components pages (markdown,
// div, img, table, img_combination, chart) and larksuite/cli skills/lark-im/references/card/components/*.md
// (2026: table, img_combination, chart, person, person_list), which list each component's attributes.

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

/** img_list items: the official 2.0 example gives each an img_key and an optional transparent. */
export const feishuImgCombinationSchema = z.strictObject({
  tag: z.literal("img_combination"),
  ...base,
  combination_mode: z.enum(FEISHU_IMG_COMBINATION_MODES),
  combination_transparent: z.boolean().optional(),
  corner_radius: z.string().optional(),
  img_list: z.array(z.strictObject({ img_key: z.string().min(1), transparent: z.boolean().optional() })).min(1),
});

/** chart_spec is a VChart spec: its own large schema, so only "an object" is checked here. */
export const feishuChartSchema = z.strictObject({
  tag: z.literal("chart"),
  ...base,
  chart_spec: z.record(z.string(), z.unknown()),
  aspect_ratio: z.enum(FEISHU_CHART_ASPECT_RATIOS).optional(),
  color_theme: z.enum(FEISHU_CHART_COLOR_THEMES).optional(),
  height: z.string().optional(),
  preview: z.boolean().optional(),
});

export const feishuTableColumnSchema = z.strictObject({
  name: z.string().min(1),
  display_name: z.string().optional(),
  data_type: z.enum(FEISHU_TABLE_DATA_TYPES).optional(),
  width: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_align: z.string().optional(),
  // number columns: {precision, symbol, separator}; date columns: a format string such as YYYY/MM/DD.
  format: looseRecord.optional(),
  date_format: z.string().optional(),
});

export const feishuTableSchema = z.strictObject({
  tag: z.literal("table"),
  ...base,
  page_size: z.number().int().min(1).max(FEISHU_TABLE_PAGE_SIZE_MAX).optional(),
  row_height: z.string().optional(),
  row_max_height: z.string().optional(),
  freeze_first_column: z.boolean().optional(),
  header_style: z.strictObject({
    text_align: z.string().optional(),
    text_size: z.string().optional(),
    background_style: z.string().optional(),
    text_color: z.string().optional(),
    bold: z.boolean().optional(),
    lines: z.number().int().optional(),
  }).optional(),
  columns: z.array(feishuTableColumnSchema).max(FEISHU_TABLE_COLUMNS_MAX),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const feishuPersonSchema = z.strictObject({
  tag: z.literal("person"),
  ...base,
  user_id: z.string().min(1),
  size: z.enum(FEISHU_PERSON_SIZES).optional(),
  show_avatar: z.boolean().optional(),
  show_name: z.boolean().optional(),
  style: z.enum(["normal", "capsule"]).optional(),
});

export const feishuPersonListSchema = z.strictObject({
  tag: z.literal("person_list"),
  ...base,
  persons: z.array(z.strictObject({ id: z.string().min(1) })).min(1),
  show_name: z.boolean().optional(),
  show_avatar: z.boolean().optional(),
  size: z.enum(FEISHU_PERSON_SIZES).optional(),
  // "不可为 0": at least one line.
  lines: z.number().int().min(1).optional(),
  drop_invalid_user_id: z.boolean().optional(),
  icon: looseRecord.optional(),
  ud_icon: looseRecord.optional(),
});

export type FeishuTable = z.infer<typeof feishuTableSchema>;
