import { isRecord } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import { QQ_ACTION_CALLBACK } from "./limits";

/*
 * Keyboard fields the official SDK knows and the official field table (bot-docs msg-btn.md) does not.
 * Source: tencent-connect/botgo dto/keyboard/keyboard.go, commit fe31c0dfe469001e0f783d2f07e7de7bd08b403f
 * (2024-12-18); bot-docs at 645787a45937e5d9c4f0f61afefdffde0f38696e mentions none of them.
 * They are SDK facts, not documented rules, so they are accepted and exported untouched, each with a
 * warning that names where it comes from, and never turned into errors.
 */
export const QQ_BOTGO_SOURCE = "botgo (tencent-connect/botgo dto/keyboard)";

/** action.type beyond 0–2. botgo: ActionTypeMQQAPI "客户端native跳转链接", ActionTypeSubscribe "订阅按钮". */
export const QQ_ACTION_MQQAPI = 3;
export const QQ_ACTION_SUBSCRIBE = 4;
export const QQ_BOTGO_ACTION_TYPES = [QQ_ACTION_MQQAPI, QQ_ACTION_SUBSCRIBE] as const;
/** render_data.style beyond 0–1. botgo: "3: 白色背景+红色字体, 4:蓝色背景+白色字体". */
export const QQ_BOTGO_BUTTON_STYLES = [3, 4] as const;

/** Modal "二次确认": content "最多40个字符, 不能有URL"; confirm_text / cancel_text "最多4个字符". */
export const QQ_MODAL_CONTENT_MAX = 40;
export const QQ_MODAL_BUTTON_TEXT_MAX = 4;
/** What the client shows when confirm_text / cancel_text are empty (botgo: 默认为"确认" / "取消"). */
export const QQ_MODAL_DEFAULT_CONFIRM = "确认";
export const QQ_MODAL_DEFAULT_CANCEL = "取消";

/** "字符" counts characters as a person sees them, not UTF-16 units, so an emoji is one. */
export const qqTextLength = (text: string) => [...text].length;

// Only ever tested (never extracted), so "a link starts here" is enough: one character before ".com", one after
// "https://". Wider patterns (`[a-z0-9-]+(\.[a-z0-9-]+)*\.com`) match the same texts but backtrack: content of
// "a.a.a.…" (the body allows 256 KB of it) took a minute to refuse, blocking the server.
const URL_LIKE = /(https?:\/\/|www\.)\S|[a-z0-9-]\.(com|cn|net|org|io|me|top|xyz)\b/i;

export interface QqConfirmModal {
  content: string;
  confirmText: string;
  cancelText: string;
}

/** The confirm dialog a click opens first, or null: botgo says it only shows when content is not empty. */
export function qqConfirmModal(cell: unknown): QqConfirmModal | null {
  const modal = isRecord(cell) && isRecord(cell.action) && isRecord(cell.action.modal) ? cell.action.modal : null;
  if (!modal || typeof modal.content !== "string" || modal.content === "") return null;
  const text = (value: unknown, fallback: string) => (typeof value === "string" && value !== "" ? value : fallback);
  return { content: modal.content, confirmText: text(modal.confirm_text, QQ_MODAL_DEFAULT_CONFIRM), cancelText: text(modal.cancel_text, QQ_MODAL_DEFAULT_CANCEL) };
}

const botgoField = (path: IssuePath, field: string): RuleIssue => ({ code: "qq.botgo.field", path, params: { field, source: QQ_BOTGO_SOURCE } });

/** Warnings for every botgo-only field in a keyboard; the layout itself is never changed. */
export function botgoFieldWarnings(keyboard: unknown): RuleIssue[] {
  const warnings: RuleIssue[] = [];
  const content = isRecord(keyboard) && isRecord(keyboard.content) ? keyboard.content : null;
  if (!content) return warnings;
  if (content.style !== undefined) warnings.push(botgoField(["content", "style"], "content.style"));
  const rows = Array.isArray(content.rows) ? content.rows : [];
  rows.forEach((row: unknown, r) => {
    const buttons = isRecord(row) && Array.isArray(row.buttons) ? row.buttons : [];
    buttons.forEach((button: unknown, b) => {
      if (isRecord(button)) warnings.push(...buttonWarnings(button, ["content", "rows", r, "buttons", b]));
    });
  });
  return warnings;
}

function buttonWarnings(button: Record<string, unknown>, path: IssuePath): RuleIssue[] {
  const out: RuleIssue[] = [];
  const render = isRecord(button.render_data) ? button.render_data : {};
  const action = isRecord(button.action) ? button.action : {};
  if ((QQ_BOTGO_BUTTON_STYLES as readonly unknown[]).includes(render.style)) {
    out.push(botgoField([...path, "render_data", "style"], `render_data.style ${String(render.style)}`));
  }
  if ((QQ_BOTGO_ACTION_TYPES as readonly unknown[]).includes(action.type)) {
    out.push(botgoField([...path, "action", "type"], `action.type ${String(action.type)}`));
  }
  if (action.subscribe_data !== undefined) out.push(botgoField([...path, "action", "subscribe_data"], "action.subscribe_data"));
  if (button.group_id !== undefined) {
    out.push(botgoField([...path, "group_id"], "group_id"));
    // botgo: "只有当action.type = 1 时才有效" (a group only greys out callback buttons).
    if (action.type !== QQ_ACTION_CALLBACK) out.push({ code: "qq.botgo.groupIdCallbackOnly", path: [...path, "group_id"], params: { type: String(action.type) } });
  }
  if (action.modal !== undefined) out.push(...modalWarnings(action.modal, [...path, "action", "modal"]));
  return out;
}

function modalWarnings(modal: unknown, path: IssuePath): RuleIssue[] {
  const out: RuleIssue[] = [botgoField(path, "action.modal")];
  if (!isRecord(modal)) return out;
  const limit = (field: string, max: number) => {
    const value = modal[field];
    if (typeof value === "string" && qqTextLength(value) > max) {
      out.push({ code: "qq.botgo.modalTextMax", path: [...path, field], params: { field: `modal.${field}`, max, count: qqTextLength(value), source: QQ_BOTGO_SOURCE } });
    }
  };
  limit("content", QQ_MODAL_CONTENT_MAX);
  limit("confirm_text", QQ_MODAL_BUTTON_TEXT_MAX);
  limit("cancel_text", QQ_MODAL_BUTTON_TEXT_MAX);
  if (typeof modal.content === "string" && URL_LIKE.test(modal.content)) out.push({ code: "qq.botgo.modalUrl", path: [...path, "content"] });
  if (typeof modal.content !== "string" || modal.content === "") out.push({ code: "qq.botgo.modalNoContent", path: [...path, "content"] });
  return out;
}
