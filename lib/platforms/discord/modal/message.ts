import type { DiscordModal } from "./schema";

/** interaction callback type 9: MODAL (receiving-and-responding.mdx, Interaction Callback Type). */
export const MODAL_CALLBACK = 9;

/** The interaction response that opens the modal: `{type: 9, data: {custom_id, title, components}}`. */
export function toDiscordModalResponse(layout: DiscordModal): { type: typeof MODAL_CALLBACK; data: DiscordModal } {
  return { type: MODAL_CALLBACK, data: layout };
}
