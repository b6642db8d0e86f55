import { z } from "zod";
import { FEISHU_FLEX_MODES } from "./limits";
import { base, confirmSchema, feishuTextSchema, looseRecord, multiUrlSchema } from "./schema-common";

// Container shapes without their children. Sources: open.feishu.cn card-json-v2-components/containers
// pages (column-set, form-container, interactive-container, collapsible-panel) and larksuite/cli
// skills/lark-im/references/card/components/{column_set,form,interactive_container,collapsible_panel}.md.
// schema.ts adds the children: unknown in the shallow schemas the rules use (they check each child
// with its own path), typed in the deep card schema.

const layoutShape = {
  direction: z.enum(["vertical", "horizontal"]).optional(),
  horizontal_spacing: z.string().optional(),
  vertical_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  vertical_align: z.string().optional(),
  padding: z.string().optional(),
};

export const columnShape = {
  tag: z.literal("column"),
  ...base,
  ...layoutShape,
  width: z.string().optional(),
  weight: z.number().int().min(1).max(5).optional(),
  background_style: z.string().optional(),
  action: looseRecord.optional(),
};

export const columnSetShape = {
  tag: z.literal("column_set"),
  ...base,
  flex_mode: z.enum(FEISHU_FLEX_MODES).optional(),
  horizontal_spacing: z.string().optional(),
  horizontal_align: z.string().optional(),
  background_style: z.string().optional(),
  action: z.strictObject({ multi_url: multiUrlSchema }).optional(),
};

export const formShape = {
  tag: z.literal("form"),
  ...base,
  ...layoutShape,
  name: z.string().min(1),
  confirm: confirmSchema.optional(),
};

/** The whole container is clickable: its behaviors are checked by the rules like a control's. */
export const interactiveContainerShape = {
  tag: z.literal("interactive_container"),
  ...base,
  ...layoutShape,
  width: z.string().optional(),
  height: z.string().optional(),
  background_style: z.string().optional(),
  has_border: z.boolean().optional(),
  border_color: z.string().optional(),
  corner_radius: z.string().optional(),
  disabled: z.boolean().optional(),
  disabled_tips: feishuTextSchema.optional(),
  hover_tips: feishuTextSchema.optional(),
  confirm: confirmSchema.optional(),
};

/** A panel title is plain_text or markdown (not lark_md like other texts). */
export const feishuPanelTitleSchema = z.strictObject({
  tag: z.enum(["plain_text", "markdown"]),
  content: z.string(),
  i18n_content: z.record(z.string(), z.string()).optional(),
  text_size: z.string().optional(),
  text_color: z.string().optional(),
  text_align: z.string().optional(),
});

export const feishuPanelHeaderSchema = z.strictObject({
  title: feishuPanelTitleSchema,
  background_color: z.string().optional(),
  width: z.enum(["fill", "auto", "auto_when_fold"]).optional(),
  vertical_align: z.enum(["top", "center", "bottom"]).optional(),
  padding: z.string().optional(),
  icon: looseRecord.optional(),
  icon_position: z.enum(["left", "right", "follow_text"]).optional(),
  icon_expanded_angle: z.union([z.literal(-180), z.literal(-90), z.literal(90), z.literal(180)]).optional(),
});

export const collapsiblePanelShape = {
  tag: z.literal("collapsible_panel"),
  ...base,
  ...layoutShape,
  expanded: z.boolean().optional(),
  background_color: z.string().optional(),
  header: feishuPanelHeaderSchema,
  border: z.strictObject({ color: z.string().optional(), corner_radius: z.string().optional() }).optional(),
};
