import { z } from "zod";

/** Initial responses a component or command may get: 4 message, 5 deferred message, 6 deferred update, 7 update (§2.3). */
export const DISCORD_REPLY_TYPES = [4, 5, 6, 7] as const;
export const discordReplySchema = z.object({
  type: z.literal(DISCORD_REPLY_TYPES),
  data: z.looseObject({ content: z.string().max(2000).optional(), components: z.array(z.unknown()).optional(), flags: z.number().int().optional() }).optional(),
});
export type DiscordReply = z.infer<typeof discordReplySchema>;

export const discordSecretsSchema = z.object({
  publicKey: z.string().trim().regex(/^[0-9a-fA-F]{64}$/),
  botToken: z.string().min(1).max(256).optional(),
});
export type DiscordSecrets = z.infer<typeof discordSecretsSchema>;
