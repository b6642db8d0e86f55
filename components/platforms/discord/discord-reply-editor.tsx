"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { smallInput } from "@/components/ui/field";
import { DISCORD_REPLY_TYPES, type DiscordReply } from "@/lib/platforms/discord/reply";
import type { ReplyDraft, ReplyEditorProps } from "../types";

/** 4 message, 5 deferred message, 6 deferred update, 7 update message; content for 4 and 7. */
export function DiscordReplyEditor({ value, onChange, id }: ReplyEditorProps<DiscordReply>) {
  const t = useTranslations("endpoints.discord");
  // A draft may break the schema while typed (content over 2,000 characters: the API names it), so it is read, not parsed.
  const reply = (value ?? {}) as ReplyDraft<DiscordReply>;
  const type = reply.type ?? 4;
  const withContent = type === 4 || type === 7;
  const [templates, setTemplates] = useState<{ id: string; name: string; layout: { components?: unknown[] } }[]>([]);
  useEffect(() => {
    if (!withContent) return;
    let live = true;
    void fetch("/api/templates?platform=discord&limit=100").then(async (r) => {
      if (live && r.ok) setTemplates(((await r.json()) as { templates: typeof templates }).templates);
    });
    return () => {
      live = false;
    };
  }, [withContent]);
  return (
    <div className="space-y-2">
      <select id={id} aria-label={t("replyType")} className={smallInput} value={type} onChange={(e) => {
        const next = DISCORD_REPLY_TYPES.find((c) => c === Number(e.target.value)) ?? 4;
        onChange(next === 4 || next === 7 ? { type: next, data: { content: reply.data?.content ?? "" } } : { type: next });
      }}>
        {DISCORD_REPLY_TYPES.map((c) => (
          <option key={c} value={c}>
            {t(`types.${c}`)}
          </option>
        ))}
      </select>
      {withContent ? (
        <>
          <textarea aria-label={t("content")} placeholder={t("contentPlaceholder")} rows={2} className={smallInput} value={reply.data?.content ?? ""} onChange={(e) => onChange({ type, data: { ...reply.data, content: e.target.value } })} />
          <select aria-label={t("componentsFrom")} className={smallInput} defaultValue="" onChange={(e) => {
            const chosen = templates.find((tpl) => tpl.id === e.target.value);
            const { components: _dropped, ...rest } = reply.data ?? {};
            onChange({ type, data: chosen?.layout.components ? { ...rest, components: chosen.layout.components } : rest });
          }}>
            <option value="">{t("noComponents")}</option>
            {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
          </select>
        </>
      ) : null}
    </div>
  );
}
