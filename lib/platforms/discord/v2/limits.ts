// Components V2 messages (discord-api-docs developers/components/reference.mdx, change-log.mdx; protocols.md §8.1).

/** Message flag IS_COMPONENTS_V2 = 1 << 15 (resources/message "Message Flags"); it can never be removed once sent. */
export const DISCORD_V2_FLAG = 1 << 15;

/** "Messages allow up to 40 total components", nested ones counted (reference.mdx intro; change-log 2025-04-29). */
export const DISCORD_V2_MAX_COMPONENTS = 40;

/**
 * All Text Display content of one message together: at most 4,000 characters. Enforced by the API but documented
 * only in docs PR #8562 (protocols.md §8.1); discord.js enforces the same number per Text Display.
 */
export const DISCORD_V2_TEXT_TOTAL_MAX = 4000;

/** Section: "One to three child components" (Section Structure). */
export const DISCORD_V2_SECTION_TEXTS_MIN = 1;
export const DISCORD_V2_SECTION_TEXTS_MAX = 3;

/** Thumbnail and Media Gallery item `description`: "Alt text for the media, max 1024 characters". */
export const DISCORD_V2_MEDIA_DESCRIPTION_MAX = 1024;

/** Media Gallery: "1 to 10 media gallery items". */
export const DISCORD_V2_GALLERY_ITEMS_MIN = 1;
export const DISCORD_V2_GALLERY_ITEMS_MAX = 10;

/** Container `accent_color`: "RGB from 0x000000 to 0xFFFFFF" (or null). */
export const DISCORD_V2_ACCENT_MAX = 0xffffff;

/** Separator `spacing`: 1 small padding, 2 large padding. */
export const DISCORD_V2_SEPARATOR_SPACINGS = [1, 2] as const;

/** Component types a V2 message lays out (Component Types table); buttons and selects come from the legacy set. */
export const DISCORD_V2_COMPONENT = {
  section: 9,
  textDisplay: 10,
  thumbnail: 11,
  mediaGallery: 12,
  file: 13,
  separator: 14,
  container: 17,
} as const;

/** Modal-only component types (Usage "Modal"): Text Input, Label, File Upload, Radio Group, Checkbox Group, Checkbox. */
export const DISCORD_MODAL_ONLY_TYPES: readonly number[] = [4, 18, 19, 21, 22, 23];

/** "Top-level" components: Action Row, Section, Text Display, Media Gallery, File, Separator, Container. */
export const DISCORD_V2_TOP_LEVEL_TYPES: readonly number[] = [1, 9, 10, 12, 13, 14, 17];

/** Container Child Components: Action Row, Text Display, Section, Media Gallery, Separator, File (no Container). */
export const DISCORD_V2_CONTAINER_CHILD_TYPES: readonly number[] = [1, 10, 9, 12, 14, 13];

/** Section Accessory Components: Button or Thumbnail. Section Child Components: Text Display. */
export const DISCORD_V2_ACCESSORY_TYPES: readonly number[] = [2, 11];

/**
 * Message fields the flag disables: "The content and embeds fields will no longer work", "The poll and stickers
 * fields are disabled" (reference.mdx intro); the API answers 400 when they carry something.
 */
export const DISCORD_V2_REFUSED_FIELDS = ["content", "embeds", "poll", "sticker_ids"] as const;
