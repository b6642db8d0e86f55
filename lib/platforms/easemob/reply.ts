import { z } from "zod";

/** Easemob only wants an HTTP 200 (its body is not read), so a reply carries nothing. */
export const easemobReplySchema = z.object({}).strict();
export type EasemobReply = z.infer<typeof easemobReplySchema>;

/** A relayed bot's 2xx is the acknowledgement whatever it says (empty, or any body): Easemob reads none. */
export const easemobRelayAnswerSchema: z.ZodType<EasemobReply> = z.unknown().transform((): EasemobReply => ({}));

/** The app key as the console shows it, `{org_name}#{app_name}`; the secret of the callback rule. */
export const easemobSecretsSchema = z.object({
  appKey: z.string().trim().regex(/^[A-Za-z0-9_-]+#[A-Za-z0-9_-]+$/),
  secret: z.string().min(1).max(256),
});
export type EasemobSecrets = z.infer<typeof easemobSecretsSchema>;
