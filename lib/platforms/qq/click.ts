import { isRecord } from "../issues";
import type { Actor, ClickOutcome } from "../types";
import { QQ_ACTION_MQQAPI, QQ_ACTION_SUBSCRIBE } from "./botgo-fields";
import { QQ_ACTION_CALLBACK, QQ_ACTION_COMMAND, QQ_ACTION_JUMP } from "./limits";

/** chat_type: "目前只有群和单聊有该字段，1 群聊，2 单聊" (msg-btn.md 事件字段); guild events carry none. */
const CHAT_TYPE: Record<string, number> = { group: 1, c2c: 2 };
/** d.type / d.data.type 11: message button (INLINE_KEYBOARD). */
const INLINE_KEYBOARD = 11;

/** The op 0 INTERACTION_CREATE dispatch QQ sends when a callback button is clicked. */
export function qqInteractionDispatch(button: { id?: string; data: string }, actor: Actor, ids = { event: crypto.randomUUID(), now: new Date() }) {
  const scene = actor.scene ?? "guild";
  const sceneFields =
    scene === "group"
      ? { group_openid: "GROUP_OPENID", group_member_openid: actor.userId }
      : scene === "c2c"
        ? { user_openid: actor.userId }
        : { guild_id: "GUILD_ID", channel_id: "CHANNEL_ID" };
  return {
    op: 0,
    s: 1,
    t: "INTERACTION_CREATE",
    id: `INTERACTION_CREATE:${ids.event}`,
    d: {
      id: ids.event,
      type: INLINE_KEYBOARD,
      scene,
      ...(CHAT_TYPE[scene] ? { chat_type: CHAT_TYPE[scene] } : {}),
      timestamp: ids.now.toISOString(),
      ...sceneFields,
      data: {
        type: INLINE_KEYBOARD,
        resolved: { button_data: button.data, button_id: button.id ?? "", ...(scene === "guild" ? { user_id: actor.userId } : {}) },
      },
      version: 1,
    },
  };
}

export function clickQqButton(cell: unknown, actor: Actor): ClickOutcome {
  const action = isRecord(cell) && isRecord(cell.action) ? cell.action : {};
  const data = typeof action.data === "string" ? action.data : "";
  const id = isRecord(cell) && typeof cell.id === "string" ? cell.id : undefined;
  switch (action.type) {
    // botgo type 3 "客户端native跳转链接": the client opens data itself, like a jump; nothing reaches the bot.
    case QQ_ACTION_JUMP:
    case QQ_ACTION_MQQAPI:
      return { kind: "link", url: data };
    case QQ_ACTION_CALLBACK:
      return { kind: "request", payload: qqInteractionDispatch({ id, data }, actor) };
    case QQ_ACTION_COMMAND:
      // 指令按钮 insert "@bot data"; enter sends it at once, unless anchor overrides enter.
      return { kind: "insert", text: `@bot ${data}`, send: action.enter === true && !action.anchor };
    // botgo type 4 "订阅按钮": the client asks the person to subscribe to subscribe_data's templates. botgo
    // names no event for it, so the preview sends nothing rather than invent an INTERACTION_CREATE.
    case QQ_ACTION_SUBSCRIBE:
      return { kind: "none", code: "qq.click.subscribe" };
    default:
      return { kind: "none", code: "qq.click.invalid" };
  }
}
