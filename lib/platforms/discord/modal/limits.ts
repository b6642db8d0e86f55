// Discord modals: the `data` of interaction callback type 9 (interactions/receiving-and-responding.mdx,
// "Modal") and the modal components (components/reference.mdx; change-log 2025-08-25, 2025-09-10,
// 2025-10-15, 2026-02-12). protocols.md §8.1 summarises them.
import { DISCORD_COMPONENT } from "../limits";

/** "Title of the popup modal, max 45 characters". */
export const MODAL_TITLE_MAX = 45;
/** Modal and component custom_id: "1-100 characters". */
export const MODAL_CUSTOM_ID_MAX = 100;
/** "Between 1 and 5 (inclusive) components that make up the modal". */
export const MODAL_COMPONENTS_MAX = 5;
/** Label: "The label text; max 45 characters"; description "max 100 characters". */
export const MODAL_LABEL_MAX = 45;
export const MODAL_DESCRIPTION_MAX = 100;
/** Text Input: min_length 0–4,000, max_length 1–4,000, value ≤ 4,000, placeholder ≤ 100. */
export const TEXT_INPUT_LENGTH_MAX = 4000;
export const TEXT_INPUT_PLACEHOLDER_MAX = 100;
/** Selects (3, 5–8): placeholder ≤ 150, min_values 0–25, max_values 1–25, ≤ 25 options of ≤ 100 characters. */
export const SELECT_PLACEHOLDER_MAX = 150;
export const SELECT_VALUES_MAX = 25;
export const SELECT_OPTIONS_MAX = 25;
export const OPTION_TEXT_MAX = 100;
/** File Upload: min_values 0–10, max_values 1–10, `file_types` "max 10". */
export const FILE_UPLOAD_VALUES_MAX = 10;
export const FILE_TYPES_MAX = 10;
/** Radio Group: "List of options to show; min 2, max 10". */
export const RADIO_OPTIONS_MIN = 2;
export const RADIO_OPTIONS_MAX = 10;
/** Checkbox Group: options "min 1, max 10"; min_values 0–10, max_values 1–10. */
export const CHECKBOX_OPTIONS_MIN = 1;
export const CHECKBOX_OPTIONS_MAX = 10;
export const CHECKBOX_VALUES_MAX = 10;
/**
 * "id: 32 bit integer"; 0 means unset and is replaced by the API ("Anatomy of a Component"). Read as signed,
 * like the message rules (`DISCORD_COMPONENT_ID_MIN/MAX` in ../limits.ts); @discordjs/builders 1.15 takes 1..2^32-1.
 */
export const COMPONENT_ID_MIN = -(2 ** 31);
export const COMPONENT_ID_MAX = 2 ** 31 - 1;
/** A modal holds 5 top-level components, each a Label with one child at most: 10 in all. */
export const MODAL_NODES_MAX = MODAL_COMPONENTS_MAX * 2;

/** The component types a modal may hold: the message ones it shares (not buttons), and its own. */
export const MODAL_COMPONENT = {
  actionRow: DISCORD_COMPONENT.actionRow,
  stringSelect: DISCORD_COMPONENT.stringSelect,
  textInput: DISCORD_COMPONENT.textInput,
  userSelect: DISCORD_COMPONENT.userSelect,
  roleSelect: DISCORD_COMPONENT.roleSelect,
  mentionableSelect: DISCORD_COMPONENT.mentionableSelect,
  channelSelect: DISCORD_COMPONENT.channelSelect,
  textDisplay: 10,
  label: 18,
  fileUpload: 19,
  radioGroup: 21,
  checkboxGroup: 22,
  checkbox: 23,
} as const;

export const MODAL_SELECT_TYPES = [3, 5, 6, 7, 8] as const;
/** Text Input styles: 1 Short (single line), 2 Paragraph. */
export const TEXT_INPUT_STYLES = [1, 2] as const;
/** `file_types`: "can be image, video, audio, or any dot-prefixed extension such as .pdf". */
export const FILE_TYPE = /^(image|video|audio|\.[A-Za-z0-9][A-Za-z0-9._-]*)$/;
/** Which default_values types each auto-populated select takes (Select Default Value Structure). */
export const DEFAULT_VALUE_TYPES: Readonly<Record<number, readonly string[]>> = {
  5: ["user"],
  6: ["role"],
  7: ["user", "role"],
  8: ["channel"],
};
