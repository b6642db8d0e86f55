// QQ 消息按钮 (bot-docs msg-btn.md): "最多可以发送5行按钮，每一行最多5个按钮".
export const QQ_MAX_ROWS = 5;
export const QQ_MAX_BUTTONS_PER_ROW = 5;

/** render_data.style: 0 灰色线框 (grey outline), 1 蓝色线框 (blue outline). botgo adds 3 and 4 (botgo-fields.ts). */
export const QQ_BUTTON_STYLES = [0, 1] as const;
/** action.type: 0 跳转按钮 (jump), 1 回调按钮 (callback), 2 指令按钮 (command). botgo adds 3 and 4 (botgo-fields.ts). */
export const QQ_ACTION_TYPES = [0, 1, 2] as const;
export const QQ_ACTION_JUMP = 0;
export const QQ_ACTION_CALLBACK = 1;
export const QQ_ACTION_COMMAND = 2;
/** action.permission.type: 0 指定用户, 1 仅管理者, 2 所有人, 3 指定身份组 (仅频道可用). */
export const QQ_PERMISSION_TYPES = [0, 1, 2, 3] as const;
export const QQ_PERMISSION_USERS = 0;
export const QQ_PERMISSION_ROLES = 3;

/** Where a message goes: 频道 (guild), 群 (group), 单聊 (c2c). Roles exist only in guilds. */
export const QQ_SCENES = ["guild", "group", "c2c"] as const;
export type QqScene = (typeof QQ_SCENES)[number];

/** Fields that only 指令按钮 (command buttons) may carry. */
export const QQ_COMMAND_ONLY_FIELDS = ["reply", "enter", "anchor"] as const;
/** 【已弃用】in the official table. */
export const QQ_DEPRECATED_FIELDS = ["click_limit", "at_bot_show_channel_list"] as const;
