import { isRecord } from "../issues";

/**
 * Accepts a whole send-message body ({msg_type, markdown, keyboard}), a keyboard
 * ({content: {rows}} or {id}), or bare {rows} as the docs' sample shows it.
 */
export function importQqMessage(json: unknown): { layout: unknown; text: string } | null {
  if (!isRecord(json)) return null;
  if (isRecord(json.keyboard)) {
    const markdown = isRecord(json.markdown) && typeof json.markdown.content === "string" ? json.markdown.content : "";
    return { layout: json.keyboard, text: markdown || (typeof json.content === "string" ? json.content.trim() : "") };
  }
  if (isRecord(json.content) && Array.isArray(json.content.rows)) return { layout: json, text: "" };
  if (Array.isArray(json.rows)) return { layout: { content: { rows: json.rows } }, text: "" };
  if (typeof json.id === "string" && Object.keys(json).length === 1) return { layout: json, text: "" };
  return null;
}
