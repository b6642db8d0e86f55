import { z } from "zod";

/** PUT /interactions/{id} body: 0 成功, 1 操作失败, 2 操作频繁, 3 重复操作, 4 没有权限, 5 仅管理员操作 (msg-btn.md). */
export const QQ_RESULT_CODES = [0, 1, 2, 3, 4, 5] as const;
export const qqReplySchema = z.object({ code: z.literal(QQ_RESULT_CODES) });
export type QqReply = z.infer<typeof qqReplySchema>;

/**
 * A relayed bot answers as QQ's webhook expects: the op 12 acknowledgement carrying the result code
 * (ElainaBot_v2's `{"op":12,"code":n}`; `d` may stay 0 as in botgo). Only the code becomes the reply.
 */
export const qqRelayAnswerSchema: z.ZodType<QqReply> = z
  .looseObject({ op: z.literal(12), code: qqReplySchema.shape.code })
  .transform(({ code }) => ({ code }));

export const qqSecretsSchema = z.object({
  appId: z.string().trim().min(1).max(64),
  secret: z.string().min(1).max(256),
});
export type QqSecrets = z.infer<typeof qqSecretsSchema>;
