"use client";

import { useTranslations } from "next-intl";
import { qqReplySchema } from "@/lib/platforms/qq/reply";
import type { ReplyChannelNoteProps } from "../types";

/** Which channel carried a click's result code: the acknowledgement, the PUT, or both (lifecycle ReplyChannel). */
export function QqReplyChannel({ channel, reply }: ReplyChannelNoteProps) {
  const t = useTranslations("endpoints.qq.delivery.channel");
  const code = qqReplySchema.safeParse(reply);
  if (!code.success || (channel !== "ack" && channel !== "put" && channel !== "both")) return null;
  return <p data-testid="reply-channel" className="text-xs text-slate-600">{t(channel, { code: code.data.code })}</p>;
}
