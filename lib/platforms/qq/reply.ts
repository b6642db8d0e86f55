import { z } from "zod";

/** PUT /interactions/{id} body: 0 成功, 1 操作失败, 2 操作频繁, 3 重复操作, 4 没有权限, 5 仅管理员操作 (msg-btn.md). */
export const QQ_RESULT_CODES = [0, 1, 2, 3, 4, 5] as const;
export const qqReplySchema = z.object({ code: z.literal(QQ_RESULT_CODES) });
export type QqReply = z.infer<typeof qqReplySchema>;

export const qqSecretsSchema = z.object({
  appId: z.string().trim().min(1).max(64),
  secret: z.string().min(1).max(256),
});
export type QqSecrets = z.infer<typeof qqSecretsSchema>;
