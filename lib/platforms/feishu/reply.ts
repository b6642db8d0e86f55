import { z } from "zod";

/** Toast kinds of a card action answer (卡片回传交互, protocols.md §3.2). */
export const FEISHU_TOAST_TYPES = ["info", "success", "warning", "error"] as const;
/** Locales a toast's i18n map may carry (§3.2). */
export const FEISHU_LOCALES = [
  "zh_cn", "en_us", "zh_hk", "zh_tw", "ja_jp", "id_id", "vi_vn", "th_th",
  "pt_br", "es_es", "ko_kr", "de_de", "fr_fr", "it_it", "ru_ru", "ms_my",
] as const;

const TEXT_MAX = 1000;
const text = z.string().max(TEXT_MAX);
const i18nText = z.partialRecord(z.enum(FEISHU_LOCALES), text);

const toastSchema = z
  .strictObject({ type: z.enum(FEISHU_TOAST_TYPES), content: text.optional(), i18n: i18nText.optional() })
  .refine((toast) => toast.content !== undefined || toast.i18n !== undefined, { message: "a toast needs content or i18n", path: ["content"] });

/** The card that replaces the clicked one: full card JSON, or a card-kit template with its variables (§3.2). */
export const feishuCardSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("raw"), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({
    type: z.literal("template"),
    data: z.strictObject({
      template_id: z.string().trim().min(1).max(128),
      template_variable: z.record(z.string(), z.unknown()).optional(),
      template_version_name: z.string().max(64).optional(),
    }),
  }),
]);

/**
 * The inline (one-line) link preview of a url.preview.get answer. Fields as in oapi-sdk-go
 * event/dispatcher/callback/model.go `Inline` and `URL`; the official page (拉取链接预览数据)
 * asks for an answer within 3 s.
 */
const inlineSchema = z.strictObject({
  title: text.min(1),
  i18n_title: i18nText.optional(),
  image_key: z.string().max(256).optional(),
  url: z
    .strictObject({ copy_url: text.optional(), ios: text.optional(), android: text.optional(), pc: text.optional(), web: text.optional() })
    .optional(),
});

/**
 * One reply shape for both callbacks: `{toast?, card?}` answers a card action, `{inline, card?}`
 * a link preview; `{}` keeps the card as it is (§3.2 "保持原内容不变"). replyFits says which goes where.
 */
export const feishuReplySchema = z
  .strictObject({ toast: toastSchema.optional(), card: feishuCardSchema.optional(), inline: inlineSchema.optional() })
  .refine((reply) => !(reply.toast && reply.inline), { message: "a toast answers a card action, inline a link preview: not both", path: ["inline"] });
export type FeishuReply = z.infer<typeof feishuReplySchema>;

export const feishuSecretsSchema = z.object({
  appId: z.string().trim().min(1).max(64),
  appSecret: z.string().trim().min(1).max(256),
  // Feishu's are 32 characters; a short one could not be told apart from ordinary text when redacted.
  verificationToken: z.string().trim().min(8).max(256),
  // Optional in the console: without one, callbacks arrive in plaintext and only the token is checked.
  encryptKey: z
    .string()
    .trim()
    .max(256)
    .transform((key) => key || undefined)
    .optional(),
});
export type FeishuSecrets = z.infer<typeof feishuSecretsSchema>;
