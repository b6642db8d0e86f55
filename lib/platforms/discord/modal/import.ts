import { isRecord } from "../../issues";

/**
 * Looks like a modal's `data`: a title, a custom_id and a component list, and no message flags (a message body with
 * a stray `title` stays a message and gets the message rules).
 */
export function isModalData(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && typeof json.title === "string" && "custom_id" in json && !("flags" in json) && Array.isArray(json.components);
}

/**
 * A pasted modal: the whole interaction response `{type: 9, data: {…}}` or the bare data. The layout is the
 * data object itself, untouched, so saving and exporting it is byte-faithful; a modal carries no message text.
 */
export function importDiscordModal(json: unknown): { layout: unknown; text: string } | null {
  if (isRecord(json) && json.type === 9 && isModalData(json.data)) return { layout: json.data, text: "" };
  return isModalData(json) ? { layout: json, text: "" } : null;
}
