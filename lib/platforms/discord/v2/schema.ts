import { z } from "zod";
import { discordActionRowSchema, discordButtonSchema } from "../schema";

/*
 * The shape of a Components V2 message (components/reference.mdx). Structure only: the numeric limits and
 * placement live in rules.ts, each with its own `discord.v2.*` code. Objects are loose, as Discord is: a field
 * Discord adds later passes through and exports byte-faithful. The `*NodeSchema`s check one component with its
 * children left unknown, so the rules can walk the tree and report each child at its own path.
 */

/** Every component's optional numeric identifier ("Anatomy of a Component"); its range and uniqueness are rules. */
const id = z.number().int().optional();

/** Unfurled Media Item: "only the url field is settable by developers"; the rest is filled in by Discord. */
export const discordMediaSchema = z.looseObject({ url: z.string().min(1) });

export const discordTextDisplaySchema = z.looseObject({
  type: z.literal(10),
  id,
  content: z.string().min(1),
});

export const discordThumbnailSchema = z.looseObject({
  type: z.literal(11),
  id,
  media: discordMediaSchema,
  description: z.string().nullish(),
  spoiler: z.boolean().optional(),
});

export const discordGalleryItemSchema = z.looseObject({
  media: discordMediaSchema,
  description: z.string().nullish(),
  spoiler: z.boolean().optional(),
});

export const discordMediaGallerySchema = z.looseObject({
  type: z.literal(12),
  id,
  items: z.array(discordGalleryItemSchema),
});

export const discordFileSchema = z.looseObject({
  type: z.literal(13),
  id,
  file: discordMediaSchema,
  spoiler: z.boolean().optional(),
});

export const discordSeparatorSchema = z.looseObject({
  type: z.literal(14),
  id,
  divider: z.boolean().optional(),
  spacing: z.number().int().optional(),
});

/** A component in the tree: any object with a numeric type, read further by its type's schema. */
const anyComponent = z.looseObject({ type: z.number().int() });

export const discordSectionNodeSchema = z.looseObject({
  type: z.literal(9),
  id,
  components: z.array(z.unknown()),
  accessory: anyComponent,
});

export const discordContainerNodeSchema = z.looseObject({
  type: z.literal(17),
  id,
  components: z.array(z.unknown()),
  accent_color: z.number().int().nullish(),
  spoiler: z.boolean().optional(),
});

export const discordSectionSchema = discordSectionNodeSchema.extend({
  components: z.array(discordTextDisplaySchema),
  accessory: z.union([discordButtonSchema, discordThumbnailSchema]),
});

export const discordContainerChildSchema = z.union([
  discordActionRowSchema,
  discordTextDisplaySchema,
  discordSectionSchema,
  discordMediaGallerySchema,
  discordSeparatorSchema,
  discordFileSchema,
]);

export const discordContainerSchema = discordContainerNodeSchema.extend({
  components: z.array(discordContainerChildSchema),
});

export const discordV2TopLevelSchema = z.union([discordContainerSchema, discordContainerChildSchema]);

/** A V2 message layout: `flags` with IS_COMPONENTS_V2 set (other bits kept) and the top-level components. */
export const discordV2LayoutSchema = z.looseObject({
  flags: z.number().int(),
  components: z.array(discordV2TopLevelSchema),
});

export type DiscordV2Layout = z.infer<typeof discordV2LayoutSchema>;
export type DiscordV2Component = z.infer<typeof discordV2TopLevelSchema>;
