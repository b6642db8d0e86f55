import { z } from "zod";
import { MODAL_SELECT_TYPES } from "./limits";

/*
 * The shape of a modal (`data` of interaction callback type 9, components/reference.mdx). Structure only:
 * the numeric limits live in rules.ts, so each finding there has its own `discord.modal.*` code.
 * Objects are loose: a field Discord adds later passes through and exports byte-faithful.
 */

/** Optional numeric identifier every component may carry ("Anatomy of a Component"). */
const id = z.number().int().optional();
const count = z.number().int().optional();

const emoji = z.looseObject({ id: z.string().nullish(), name: z.string().nullish(), animated: z.boolean().optional() });

export const modalTextInputSchema = z.looseObject({
  type: z.literal(4),
  id,
  custom_id: z.string(),
  style: z.number().int(),
  min_length: count,
  max_length: count,
  required: z.boolean().optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  /** Deprecated: only inside a (deprecated) Action Row; refused inside a Label (change-log 2025-08-25). */
  label: z.string().optional(),
});

export const modalSelectOptionSchema = z.looseObject({
  label: z.string(),
  value: z.string(),
  description: z.string().optional(),
  emoji: emoji.optional(),
  default: z.boolean().optional(),
});

export const modalSelectSchema = z.looseObject({
  type: z.literal(MODAL_SELECT_TYPES),
  id,
  custom_id: z.string(),
  options: z.array(modalSelectOptionSchema).optional(),
  placeholder: z.string().optional(),
  min_values: count,
  max_values: count,
  required: z.boolean().optional(),
  /** Refused in a modal ("Using disabled in a modal will result in an error"); typed so rules can point at it. */
  disabled: z.boolean().optional(),
  default_values: z.array(z.looseObject({ id: z.string(), type: z.enum(["user", "role", "channel"]) })).optional(),
  channel_types: z.array(z.number().int()).optional(),
});

export const modalFileUploadSchema = z.looseObject({
  type: z.literal(19),
  id,
  custom_id: z.string(),
  min_values: count,
  max_values: count,
  required: z.boolean().optional(),
  file_types: z.array(z.string()).optional(),
});

/** Radio Group and Checkbox Group options have the same fields. */
export const modalChoiceOptionSchema = z.looseObject({
  value: z.string(),
  label: z.string(),
  description: z.string().optional(),
  default: z.boolean().optional(),
});

export const modalRadioGroupSchema = z.looseObject({
  type: z.literal(21),
  id,
  custom_id: z.string(),
  options: z.array(modalChoiceOptionSchema),
  required: z.boolean().optional(),
});

export const modalCheckboxGroupSchema = z.looseObject({
  type: z.literal(22),
  id,
  custom_id: z.string(),
  options: z.array(modalChoiceOptionSchema),
  min_values: count,
  max_values: count,
  required: z.boolean().optional(),
});

export const modalCheckboxSchema = z.looseObject({
  type: z.literal(23),
  id,
  custom_id: z.string(),
  default: z.boolean().optional(),
});

/** What a Label may hold (Label Child Components). */
export const modalLabelChildSchema = z.discriminatedUnion("type", [
  modalTextInputSchema,
  modalSelectSchema,
  modalFileUploadSchema,
  modalRadioGroupSchema,
  modalCheckboxGroupSchema,
  modalCheckboxSchema,
]);

export const modalLabelSchema = z.looseObject({
  type: z.literal(18),
  id,
  label: z.string(),
  description: z.string().optional(),
  component: modalLabelChildSchema,
});

export const modalTextDisplaySchema = z.looseObject({ type: z.literal(10), id, content: z.string() });

/** Action Row + Text Input: still accepted, deprecated since 2025-08-25 in favour of Label. */
export const modalActionRowSchema = z.looseObject({ type: z.literal(1), id, components: z.array(modalTextInputSchema) });

export const modalTopLevelSchema = z.discriminatedUnion("type", [modalLabelSchema, modalTextDisplaySchema, modalActionRowSchema]);

/** A modal template's layout: the `data` of a `{type: 9, data}` interaction response. */
export const discordModalSchema = z.looseObject({
  title: z.string(),
  custom_id: z.string(),
  components: z.array(modalTopLevelSchema),
});

export type DiscordModal = z.infer<typeof discordModalSchema>;
export type ModalTopLevel = z.infer<typeof modalTopLevelSchema>;
export type ModalLabelChild = z.infer<typeof modalLabelChildSchema>;
export type ModalTextInput = z.infer<typeof modalTextInputSchema>;
export type ModalSelect = z.infer<typeof modalSelectSchema>;
export type ModalFileUpload = z.infer<typeof modalFileUploadSchema>;
export type ModalRadioGroup = z.infer<typeof modalRadioGroupSchema>;
export type ModalCheckboxGroup = z.infer<typeof modalCheckboxGroupSchema>;
export type ModalCheckbox = z.infer<typeof modalCheckboxSchema>;
