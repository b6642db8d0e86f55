import { z } from "zod";
import {
  DISCORD_BUTTON_STYLES,
  DISCORD_CUSTOM_ID_MAX,
  DISCORD_LABEL_MAX,
  DISCORD_OPTION_TEXT_MAX,
  DISCORD_PLACEHOLDER_MAX,
  DISCORD_SELECT_OPTIONS_MAX,
  DISCORD_SELECT_TYPES,
  DISCORD_SELECT_VALUES_MAX,
  DISCORD_URL_MAX,
} from "./limits";

const customId = z.string().min(1).max(DISCORD_CUSTOM_ID_MAX);

export const discordEmojiSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  animated: z.boolean().optional(),
});

export const discordButtonSchema = z.looseObject({
  type: z.literal(2),
  style: z.literal(DISCORD_BUTTON_STYLES),
  label: z.string().max(DISCORD_LABEL_MAX).optional(),
  emoji: discordEmojiSchema.optional(),
  custom_id: customId.optional(),
  sku_id: z.string().min(1).optional(),
  url: z.string().max(DISCORD_URL_MAX).optional(),
  disabled: z.boolean().optional(),
  id: z.number().int().optional(),
});

export const discordSelectOptionSchema = z.looseObject({
  label: z.string().min(1).max(DISCORD_OPTION_TEXT_MAX),
  value: z.string().min(1).max(DISCORD_OPTION_TEXT_MAX),
  description: z.string().max(DISCORD_OPTION_TEXT_MAX).optional(),
  emoji: discordEmojiSchema.optional(),
  default: z.boolean().optional(),
});

/** Select Default Value: an auto-populated select's preselected user, role or channel. */
export const discordDefaultValueSchema = z.looseObject({
  id: z.string().min(1),
  type: z.enum(["user", "role", "channel"]),
});

export const discordSelectSchema = z.looseObject({
  type: z.literal(DISCORD_SELECT_TYPES),
  custom_id: customId,
  options: z.array(discordSelectOptionSchema).min(1).max(DISCORD_SELECT_OPTIONS_MAX).optional(),
  placeholder: z.string().max(DISCORD_PLACEHOLDER_MAX).optional(),
  min_values: z.number().int().min(0).max(DISCORD_SELECT_VALUES_MAX).optional(),
  max_values: z.number().int().min(1).max(DISCORD_SELECT_VALUES_MAX).optional(),
  // User/role/mentionable/channel selects; the count must lie within min_values..max_values (rules.ts).
  default_values: z.array(discordDefaultValueSchema).max(DISCORD_SELECT_VALUES_MAX).optional(),
  // Channel selects only: channel types to list (resources/channel "Channel Types").
  channel_types: z.array(z.number().int()).optional(),
  // Modals only; "ignored in messages" (reference.mdx, every select's structure).
  required: z.boolean().optional(),
  disabled: z.boolean().optional(),
  id: z.number().int().optional(),
});

export const discordComponentSchema = z.union([discordButtonSchema, discordSelectSchema]);

export const discordActionRowSchema = z.looseObject({
  type: z.literal(1),
  id: z.number().int().optional(),
  components: z.array(discordComponentSchema),
});

/** What the builder edits for Discord: the message's top-level action rows. */
export const discordLayoutSchema = z.looseObject({
  components: z.array(discordActionRowSchema),
});

export type DiscordButton = z.infer<typeof discordButtonSchema>;
export type DiscordSelect = z.infer<typeof discordSelectSchema>;
export type DiscordActionRow = z.infer<typeof discordActionRowSchema>;
export type DiscordLayout = z.infer<typeof discordLayoutSchema>;
