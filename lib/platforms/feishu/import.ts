import { parseStorableJson } from "@/lib/http/json-safety";
import { isRecord } from "../issues";
import { isV1Card } from "./convert-v1";

function isTagged(value: unknown): boolean {
  return isRecord(value) && typeof value.tag === "string";
}

/**
 * Whether JSON is a Feishu card: a 2.0 card ({schema: "2.0", body}), or a 1.0 card whose
 * elements are tagged components. Discord and QQ bodies never carry `tag`ged elements or `body`.
 */
export function looksLikeFeishuCard(json: unknown): json is Record<string, unknown> {
  if (!isRecord(json)) return false;
  if (json.schema === "2.0") return isRecord(json.body) || isRecord(json.header);
  if (!isV1Card(json)) return false;
  const elements = Array.isArray(json.elements) ? json.elements : Object.values(json.i18n_elements as object).flat();
  return elements.length > 0 ? elements.every(isTagged) : isRecord(json.header);
}

/** The card inside a pasted body, or null when the body holds none (or a template card, which has no JSON to edit). */
function cardOf(json: Record<string, unknown>): unknown {
  // Send-message body: {msg_type: "interactive", content: "<card JSON>"}; custom-bot webhooks use {msg_type, card}.
  if (json.msg_type === "interactive") {
    if (isRecord(json.card)) return json.card;
    if (typeof json.content !== "string") return null;
    // The inner card is pasted text too: refused when too deep to serialize again (the size check stringifies it).
    const content = parseStorableJson(json.content);
    return content.ok ? content.value : null;
  }
  // A card.action.trigger response: {toast?, card: {type: "raw", data}}.
  if (isRecord(json.card) && json.card.type === "raw") return json.card.data;
  return json;
}

/** Reads a pasted Feishu card (2.0 or 1.0) or a body carrying one; null when it is not Feishu's. */
export function importFeishuMessage(json: unknown): { layout: unknown; text: string } | null {
  if (!isRecord(json)) return null;
  const card = cardOf(json);
  return looksLikeFeishuCard(card) ? { layout: card, text: "" } : null;
}
