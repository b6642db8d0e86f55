import type { QqKeyboard } from "./schema";

/** QQ 消息按钮 hang below a markdown message: msg_type 2 with markdown + keyboard (send.md). */
export const QQ_MSG_TYPE_MARKDOWN = 2;

export function toQqMessage(keyboard: QqKeyboard, text: string): Record<string, unknown> {
  return { msg_type: QQ_MSG_TYPE_MARKDOWN, markdown: { content: text }, keyboard };
}

/** A markdown message with empty content is refused by QQ, so the buttons would never show. */
export function checkQqText(text: string) {
  return { errors: [], warnings: text.trim() === "" ? [{ code: "qq.text.empty", path: ["text"] }] : [] };
}
