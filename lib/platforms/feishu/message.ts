import type { RuleIssue } from "../types";

/** Send-message body: msg_type "interactive" with the card as a JSON string in `content` (im/v1/messages). */
export function toFeishuMessage(card: unknown): Record<string, unknown> {
  return { msg_type: "interactive", content: JSON.stringify(card) };
}

/** The body a card.action.trigger response returns to replace the clicked card (protocols.md §3.2). */
export function feishuExtraExports(card: unknown): Record<string, unknown> {
  return { callbackResponse: { card: { type: "raw", data: card } } };
}

/**
 * UTF-8 size of the card JSON as sent. Feishu's 30 KB cap (200860) is on the card content, which
 * travels the same in every body (the send-message `content` string, a callback's `card.data`), so
 * the card itself is measured, not one body's escaping of it.
 */
export function cardBytes(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

/** A card holds its own text; there is no message text to check. */
export function checkFeishuText(): { errors: RuleIssue[]; warnings: RuleIssue[] } {
  return { errors: [], warnings: [] };
}
