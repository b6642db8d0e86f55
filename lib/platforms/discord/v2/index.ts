import { ENGLISH_STARTER, type LayoutAdapter, type LimitNote } from "../../types";
import { DISCORD_CUSTOM_ID_MAX } from "../limits";
import { clickDiscordV2Component } from "./click";
import { importDiscordV2Message } from "./import";
import {
  DISCORD_V2_FLAG,
  DISCORD_V2_GALLERY_ITEMS_MAX,
  DISCORD_V2_MAX_COMPONENTS,
  DISCORD_V2_MEDIA_DESCRIPTION_MAX,
  DISCORD_V2_SECTION_TEXTS_MAX,
  DISCORD_V2_TEXT_TOTAL_MAX,
} from "./limits";
import { discordV2ExtraExports, toDiscordV2Message } from "./message";
import { emptyV2Layout } from "./new-node";
import { checkDiscordV2Layout } from "./rules";
import { discordV2LayoutSchema, type DiscordV2Layout } from "./schema";
import { discordV2Tree } from "./tree";

export { DISCORD_V2_FLAG } from "./limits";
export { isDiscordV2Body } from "./import";
export { isDiscordV2Layout, legacyToV2, v2ToLegacy } from "./convert";
export type { DiscordV2Layout } from "./schema";

/** A Components V2 message (flag IS_COMPONENTS_V2): a tree of containers, sections, text, media and action rows. */
export const discordV2Layout: LayoutAdapter<DiscordV2Layout> = {
  schema: discordV2LayoutSchema,
  limits: {
    components: DISCORD_V2_MAX_COMPONENTS,
    textTotal: DISCORD_V2_TEXT_TOTAL_MAX,
    sectionTexts: DISCORD_V2_SECTION_TEXTS_MAX,
    galleryItems: DISCORD_V2_GALLERY_ITEMS_MAX,
    mediaDescriptionLength: DISCORD_V2_MEDIA_DESCRIPTION_MAX,
    customIdLength: DISCORD_CUSTOM_ID_MAX,
  },
  limitNotes: (): LimitNote[] => [
    { key: "componentsPerMessage", params: { max: DISCORD_V2_MAX_COMPONENTS } },
    { key: "textDisplayTotal", params: { max: DISCORD_V2_TEXT_TOTAL_MAX } },
  ],
  // The message's text lives in its Text Displays; `content` is refused with the flag.
  hasText: false,
  scenes: [],
  emptyLayout: (text = ENGLISH_STARTER) => emptyV2Layout(text, DISCORD_V2_FLAG) as DiscordV2Layout,
  // No known misspellings to repair.
  normalize: (input) => ({ layout: input, warnings: [] }),
  validate(input) {
    const found = checkDiscordV2Layout(input);
    return { ok: found.errors.length === 0, ...found, layout: input };
  },
  toMessage: (layout) => toDiscordV2Message(layout),
  checkText: () => ({ errors: [], warnings: [] }),
  importMessage: importDiscordV2Message,
  tree: discordV2Tree,
  click: clickDiscordV2Component,
  extraExports: discordV2ExtraExports,
};
