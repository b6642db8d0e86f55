import { z } from "zod";
import { checkDiscordModal } from "./modal/rules";

/** Initial responses a component or command may get: 4 message, 5 deferred message, 6 deferred update, 7 update (§2.3). */
export const DISCORD_REPLY_TYPES = [4, 5, 6, 7] as const;
/** 9 MODAL: opens a modal; its `data` is a modal template's layout (receiving-and-responding.mdx, Modal). */
export const DISCORD_MODAL_REPLY = 9;
export const discordReplySchema = z
  .object({
    type: z.literal([...DISCORD_REPLY_TYPES, DISCORD_MODAL_REPLY]),
    data: z.looseObject({ content: z.string().max(2000).optional(), components: z.array(z.unknown()).optional(), flags: z.number().int().optional() }).optional(),
  })
  .superRefine((reply, ctx) => {
    if (reply.type !== DISCORD_MODAL_REPLY) return;
    // A modal reply is held to every modal rule; each finding keeps its catalogue code (issuesFromZod reads params.code).
    for (const issue of checkDiscordModal(reply.data).errors) {
      ctx.addIssue({ code: "custom", path: ["data", ...issue.path], message: issue.code, params: { code: issue.code, params: issue.params } });
    }
  });
export type DiscordReply = z.infer<typeof discordReplySchema>;

export const discordSecretsSchema = z.object({
  publicKey: z.string().trim().regex(/^[0-9a-fA-F]{64}$/),
  botToken: z.string().min(1).max(256).optional(),
});
export type DiscordSecrets = z.infer<typeof discordSecretsSchema>;
