import { z } from "zod";
import { QQ_BOTGO_ACTION_TYPES, QQ_BOTGO_BUTTON_STYLES } from "./botgo-fields";
import { QQ_ACTION_TYPES, QQ_BUTTON_STYLES, QQ_PERMISSION_TYPES } from "./limits";

// Objects are loose: fields QQ adds later (or SDK-only ones such as group_id)
// survive import and export untouched instead of being silently dropped.

export const qqPermissionSchema = z.looseObject({
  type: z.literal(QQ_PERMISSION_TYPES),
  specify_user_ids: z.array(z.string().min(1)).optional(),
  specify_role_ids: z.array(z.string().min(1)).optional(),
});

// botgo-only fields (botgo-fields.ts) are typed as botgo declares them and warned about, never refused
// for being there; their text limits are warnings too.
const qqModalSchema = z.looseObject({
  content: z.string().optional(),
  confirm_text: z.string().optional(),
  cancel_text: z.string().optional(),
});

const qqSubscribeDataSchema = z.looseObject({
  template_ids: z.array(z.looseObject({ template_id: z.number().int().optional(), custom_template_id: z.string().optional() })).optional(),
});

export const qqActionSchema = z.looseObject({
  type: z.literal([...QQ_ACTION_TYPES, ...QQ_BOTGO_ACTION_TYPES]),
  permission: qqPermissionSchema,
  data: z.string().min(1),
  unsupport_tips: z.string().min(1),
  reply: z.boolean().optional(),
  enter: z.boolean().optional(),
  // The field table says bool, the SDK docs say 1 (image picker): accept both.
  anchor: z.union([z.boolean(), z.literal(1)]).optional(),
  click_limit: z.number().int().optional(),
  at_bot_show_channel_list: z.boolean().optional(),
  modal: qqModalSchema.optional(),
  subscribe_data: qqSubscribeDataSchema.optional(),
});

export const qqRenderDataSchema = z.looseObject({
  label: z.string().min(1),
  visited_label: z.string().min(1),
  style: z.literal([...QQ_BUTTON_STYLES, ...QQ_BOTGO_BUTTON_STYLES]),
});

export const qqButtonSchema = z.looseObject({
  id: z.string().min(1).optional(),
  render_data: qqRenderDataSchema,
  action: qqActionSchema,
  group_id: z.string().optional(),
});

export const qqRowSchema = z.looseObject({ buttons: z.array(qqButtonSchema) });

export const qqCustomKeyboardSchema = z.looseObject({
  content: z.looseObject({ rows: z.array(qqRowSchema), style: z.looseObject({ font_size: z.string().optional() }).optional() }),
});

/** An approved keyboard template (申请使用): referenced by id, no variables. */
export const qqTemplateKeyboardSchema = z.looseObject({ id: z.string().min(1) });

export const qqKeyboardSchema = z.union([qqCustomKeyboardSchema, qqTemplateKeyboardSchema]);

export type QqPermission = z.infer<typeof qqPermissionSchema>;
export type QqAction = z.infer<typeof qqActionSchema>;
export type QqModal = z.infer<typeof qqModalSchema>;
export type QqButton = z.infer<typeof qqButtonSchema>;
export type QqRow = z.infer<typeof qqRowSchema>;
export type QqKeyboard = z.infer<typeof qqKeyboardSchema>;
