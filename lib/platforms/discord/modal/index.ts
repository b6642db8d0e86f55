import type { LayoutAdapter, LimitNote } from "../../types";
import { clickDiscordModal } from "./click";
import { importDiscordModal } from "./import";
import { FILE_UPLOAD_VALUES_MAX, MODAL_COMPONENTS_MAX, MODAL_CUSTOM_ID_MAX, MODAL_LABEL_MAX, MODAL_TITLE_MAX, TEXT_INPUT_LENGTH_MAX } from "./limits";
import { toDiscordModalResponse } from "./message";
import { checkDiscordModal } from "./rules";
import { discordModalSchema, type DiscordModal } from "./schema";
import { discordModalTree, emptyDiscordModal } from "./tree";

/**
 * A modal template: the `data` of a type-9 interaction response, sent by a rule or a person to open
 * a form; its submission arrives as a MODAL_SUBMIT (interaction type 5).
 */
export const discordModalLayout: LayoutAdapter<DiscordModal> = {
  schema: discordModalSchema,
  limits: {
    components: MODAL_COMPONENTS_MAX,
    titleLength: MODAL_TITLE_MAX,
    customIdLength: MODAL_CUSTOM_ID_MAX,
    labelLength: MODAL_LABEL_MAX,
    textInputLength: TEXT_INPUT_LENGTH_MAX,
    files: FILE_UPLOAD_VALUES_MAX,
  },
  limitNotes: (): LimitNote[] => [
    { key: "modalComponents", params: { max: MODAL_COMPONENTS_MAX, title: MODAL_TITLE_MAX } },
    { key: "modalTextInput", params: { max: TEXT_INPUT_LENGTH_MAX } },
  ],
  scenes: [],
  emptyLayout: (text) => emptyDiscordModal(text) as DiscordModal,
  // Nothing to repair: the deprecated Action Row is reported by the rules, not rewritten.
  normalize: (input) => ({ layout: input, warnings: [] }),
  validate(input) {
    const found = checkDiscordModal(input);
    return { ok: found.errors.length === 0, ...found, layout: input };
  },
  // A modal has a title and components but no message text.
  hasText: false,
  toMessage: (layout) => toDiscordModalResponse(layout),
  checkText: () => ({ errors: [], warnings: [] }),
  importMessage: importDiscordModal,
  tree: discordModalTree,
  click: clickDiscordModal,
};

export { checkDiscordModal } from "./rules";
export { discordModalSchema, type DiscordModal } from "./schema";
export { isModalData } from "./import";
export { modalSubmitData, MODAL_SUBMIT } from "./click";
export { submittedValues } from "./submitted";
