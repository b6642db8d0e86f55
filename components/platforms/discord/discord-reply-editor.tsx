"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { DISCORD_REPLY_TYPES } from "@/lib/platforms/discord/reply";
import type { ReplyEditorProps } from "../types";

/** 4 message, 5 deferred message, 6 deferred update, 7 update message; content for 4 and 7. */
export function DiscordReplyEditor({ value, onChange, id }: ReplyEditorProps) {
  const t = useTranslations("endpoints.discord");
  const reply = (value ?? {}) as { type?: number; data?: { content?: string } };
  const type = reply.type ?? 4;
  const withContent = type === 4 || type === 7;
  return (
    <div className="space-y-2">
      <select id={id} aria-label={t("replyType")} className={smallInput} value={type} onChange={(e) => {
        const next = Number(e.target.value);
        onChange(next === 4 || next === 7 ? { type: next, data: { content: reply.data?.content ?? "" } } : { type: next });
      }}>
        {DISCORD_REPLY_TYPES.map((c) => (
          <option key={c} value={c}>
            {t(`types.${c}`)}
          </option>
        ))}
      </select>
      {withContent ? (
        <textarea aria-label={t("content")} placeholder={t("contentPlaceholder")} rows={2} className={smallInput} value={reply.data?.content ?? ""} onChange={(e) => onChange({ type, data: { content: e.target.value } })} />
      ) : null}
    </div>
  );
}
