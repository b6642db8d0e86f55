"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { fetchTemplates } from "@/components/templates/fetch-templates";
import { smallInput } from "@/components/ui/field";
import { DISCORD_MODAL_REPLY, DISCORD_REPLY_TYPES, discordReplySchema } from "@/lib/platforms/discord/reply";
import { getLayout, layoutOf } from "@/lib/platforms/registry";
import { discordLayoutSchema } from "@/lib/platforms/discord/schema";
import { isRecord } from "@/lib/platforms/issues";
import type { ReplyOf } from "@/lib/platforms/registry";
import type { TemplateView } from "@/lib/templates/view-schema";
import type { ReplyDraft, ReplyEditorProps } from "../types";
import { DiscordModalPicker } from "./discord-reply-modal-picker";

type Draft = ReplyDraft<ReplyOf<"discord">>;

/**
 * The reply so far, read with the platform's reply schema. A draft may break the schema while typed
 * (content over 2,000 characters: the API names it when saved or sent), so then each field that
 * reads is kept on its own: nothing typed is reset.
 */
function readDraft(value: unknown): Draft {
  const whole = discordReplySchema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isRecord(value)) return {};
  const type = discordReplySchema.shape.type.safeParse(value.type).data;
  if (!isRecord(value.data)) return type === undefined ? {} : { type };
  const { content, components, flags, ...rest } = value.data;
  const data = {
    ...rest,
    ...(typeof content === "string" ? { content } : {}),
    ...(Array.isArray(components) ? { components } : {}),
    ...(typeof flags === "number" ? { flags } : {}),
  };
  return type === undefined ? { data } : { type, data };
}

/**
 * 9 MODAL is "Not available for MODAL_SUBMIT and PING interactions" (receiving-and-responding.mdx,
 * Interaction Callback Type): a component or a command may open a modal, a rule (no kind) may answer either.
 */
const opensModal = (kind: string | undefined) => kind === undefined || kind === "button" || kind === "command";

/** 4 message, 5 deferred message, 6 deferred update, 7 update message (content for 4 and 7), 9 open a modal template. */
export function DiscordReplyEditor({ value, onChange, id, kind }: ReplyEditorProps<ReplyOf<"discord">>) {
  const t = useTranslations("endpoints.discord");
  const reply = readDraft(value);
  const type = reply.type ?? 4;
  const withContent = type === 4 || type === 7;
  const withModal = type === DISCORD_MODAL_REPLY;
  const offered: readonly (typeof DISCORD_REPLY_TYPES[number] | typeof DISCORD_MODAL_REPLY)[] = opensModal(kind) ? [...DISCORD_REPLY_TYPES, DISCORD_MODAL_REPLY] : DISCORD_REPLY_TYPES;
  // null until the list came (or when it could not be read).
  const [templates, setTemplates] = useState<TemplateView[] | null>(null);
  const needsTemplates = withContent || withModal;
  useEffect(() => {
    if (!needsTemplates) return;
    let live = true;
    // Without the list (offline), the pickers offer only "no components" / "choose"; the reply itself stays editable.
    void fetchTemplates("discord").then((list) => {
      if (live && list) setTemplates(list);
    });
    return () => {
      live = false;
    };
  }, [needsTemplates]);
  return (
    <div className="space-y-2">
      <select id={id} aria-label={t("replyType")} className={smallInput} value={type} onChange={(e) => {
        const next = offered.find((c) => c === Number(e.target.value)) ?? 4;
        // A modal's data is a whole template's layout: nothing until one is picked.
        onChange(next === 4 || next === 7 ? { type: next, data: { content: reply.data?.content ?? "" } } : { type: next });
      }}>
        {offered.map((c) => (
          <option key={c} value={c}>
            {t(`types.${c}`)}
          </option>
        ))}
      </select>
      {withContent ? (
        <>
          <textarea aria-label={t("content")} placeholder={t("contentPlaceholder")} rows={2} className={smallInput} value={reply.data?.content ?? ""} onChange={(e) => onChange({ type, data: { ...reply.data, content: e.target.value } })} />
          <select aria-label={t("componentsFrom")} className={smallInput} defaultValue="" onChange={(e) => {
            // A template's layout read with Discord's layout schema: its action rows become the reply's components.
            // A modal template's Labels are no message components: the list above leaves modals out.
            const components = discordLayoutSchema.safeParse(templates?.find((tpl) => tpl.id === e.target.value)?.layout).data?.components;
            const { components: _dropped, ...rest } = reply.data ?? {};
            onChange({ type, data: components ? { ...rest, components } : rest });
          }}>
            <option value="">{t("noComponents")}</option>
            {/* Only messages with action rows: a V2 message's or a modal's components are no action rows. */}
            {(templates ?? []).filter((tpl) => layoutOf("discord", tpl.layout) === getLayout("discord")).map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
          </select>
        </>
      ) : null}
      {withModal ? (
        <DiscordModalPicker templates={templates} modal={reply.data} onPick={(data) => onChange(data ? { type, data } : { type })} />
      ) : null}
    </div>
  );
}
