import type { z } from "zod";
import type { RuleIssue } from "@/lib/platforms/types";
import { discordReplySchema, type DiscordReply } from "./reply";
import { checkDiscordLayout, type Findings } from "./rules";
import { checkDiscordV2Layout } from "./v2/rules";
import { DISCORD_V2_FLAG } from "./v2/limits";

/** Create Message: at most 10 embeds (messages/resources/message.mdx, embeds). */
const DISCORD_EMBEDS_MAX = 10;
/** What makes a message not empty (Discord answers 50006 "Cannot send an empty message" otherwise). */
const MESSAGE_FIELDS = ["content", "embeds", "components", "attachments", "poll", "sticker_ids"] as const;

const carries = (value: unknown) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

/**
 * A bot's answer read as Discord would read it before it is sent on (issue 16: an answer the platform would
 * refuse is never sent; the fallback goes). Stricter than the reply schema people and rules use, whose editors
 * check the components themselves: a message (4, 7) must carry something, its components pass the builder's own
 * layout rules (legacy action rows, or Components V2 with its flag), embeds are at most 10 objects, flags are
 * a non-negative bit field.
 */
export const discordRelayAnswerSchema: z.ZodType<DiscordReply> = discordReplySchema.superRefine((reply, ctx) => {
  const data = reply.data;
  const add = (issue: RuleIssue, under: (string | number)[] = ["data"]) =>
    ctx.addIssue({ code: "custom", path: [...under, ...issue.path], message: issue.code, params: { code: issue.code, params: issue.params } });
  if (data?.flags !== undefined && data.flags < 0) add({ code: "field.min", path: ["flags"], params: { min: 0 } });
  if (reply.type !== 4 && reply.type !== 7) return;
  if (reply.type === 4 && !MESSAGE_FIELDS.some((field) => carries(data?.[field]))) add({ code: "field.empty", path: [] });
  if (!data) return;
  const embeds = data.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds) || embeds.some((embed) => typeof embed !== "object" || embed === null || Array.isArray(embed))) {
      add({ code: "field.type", path: ["embeds"], params: { expected: "array of objects" } });
    } else if (embeds.length > DISCORD_EMBEDS_MAX) add({ code: "field.tooMany", path: ["embeds"], params: { max: DISCORD_EMBEDS_MAX } });
  }
  if (!carries(data.components)) return;
  const v2 = typeof data.flags === "number" && (data.flags & DISCORD_V2_FLAG) !== 0;
  const findings: Findings = v2 ? checkDiscordV2Layout(data) : checkDiscordLayout({ components: data.components });
  for (const issue of findings.errors) add(issue);
});
