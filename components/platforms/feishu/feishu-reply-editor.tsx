"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { fetchTemplates } from "@/components/templates/fetch-templates";
import { smallInput } from "@/components/ui/field";
import { FEISHU_TOAST_TYPES, feishuCardSchema, feishuReplySchema } from "@/lib/platforms/feishu/reply";
import { isRecord } from "@/lib/platforms/issues";
import type { ReplyOf } from "@/lib/platforms/registry";
import type { TemplateView } from "@/lib/templates/view-schema";
import type { ReplyDraft, ReplyEditorProps } from "../types";

type CardMode = "none" | "raw" | "template";
const CARD_MODES: readonly CardMode[] = ["none", "raw", "template"];

/** A reply while it is being typed (a template id may still be empty). */
type Draft = ReplyDraft<ReplyOf<"feishu">>;
const toastType = (value: unknown) => FEISHU_TOAST_TYPES.find((type) => type === value);
const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const parts = feishuReplySchema.shape;

/** Drops absent fields, so a draft holds only what was typed (the API's strict objects name any other). */
function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A card being chosen: a whole card reads with the schema; a template whose id is still being typed keeps what is there. */
function readCard(value: unknown): Draft["card"] {
  const whole = feishuCardSchema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isRecord(value) || !isRecord(value.data)) return undefined;
  if (value.type === "raw") return { type: "raw", data: value.data };
  if (value.type !== "template") return undefined;
  const { template_id, template_version_name, template_variable } = value.data;
  return { type: "template", data: present({ template_id: text(template_id), template_version_name: text(template_version_name), template_variable: isRecord(template_variable) ? template_variable : undefined }) };
}

/**
 * The reply so far, read with Feishu's reply schema. While typed it often breaks the schema (an
 * empty preview title or template id, a text past its limit: the API names them when saved or
 * sent), so then each field is read on its own and kept: nothing typed is reset.
 */
function readDraft(value: unknown): Draft {
  const whole = feishuReplySchema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isRecord(value)) return {};
  const { toast, card, inline } = value;
  return present({
    toast: isRecord(toast) ? present({ type: toastType(toast.type), content: text(toast.content), i18n: parts.toast.unwrap().shape.i18n.safeParse(toast.i18n).data }) : undefined,
    card: readCard(card),
    inline: isRecord(inline) ? { ...parts.inline.unwrap().partial().safeParse(inline).data, ...present({ title: text(inline.title) }) } : undefined,
  });
}

/** Saved Feishu cards for "raw card from a template"; none while loading or when they could not be loaded. */
function useFeishuTemplates(active: boolean): TemplateView[] {
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void fetchTemplates("feishu").then((list) => {
      if (live && list) setTemplates(list);
    });
    return () => {
      live = false;
    };
  }, [active]);
  return templates;
}

/** A card action answer ({toast?, card?}) or a link preview answer ({inline}). */
export function FeishuReplyEditor({ value, onChange, id, kind }: ReplyEditorProps<ReplyOf<"feishu">>) {
  const t = useTranslations("endpoints.feishu");
  const uid = useId();
  const reply = readDraft(value);
  // Answering a known interaction fixes the form: a link preview takes {inline}, a card action {toast, card}.
  const preview = kind ? kind === "preview" : reply.inline !== undefined;
  // A card in the value decides the mode; only "raw, no template picked yet" lives here.
  const [pendingMode, setPendingMode] = useState<CardMode>("none");
  const cardMode: CardMode = reply.card?.type ?? pendingMode;
  const [chosen, setChosen] = useState("");
  const templates = useFeishuTemplates(!preview && cardMode === "raw");
  const template = (reply.card?.type === "template" ? reply.card.data : undefined) ?? { template_id: "" };

  const withoutCard = { ...(reply.toast ? { toast: reply.toast } : {}) };
  const setToast = (toast: Draft["toast"]) => onChange({ ...(toast ? { toast } : {}), ...(reply.card ? { card: reply.card } : {}) });
  const setCard = (card: Draft["card"]) => onChange({ ...withoutCard, ...(card ? { card } : {}) });
  const chooseCardMode = (mode: CardMode) => {
    setPendingMode(mode);
    setChosen("");
    setCard(mode === "template" ? { type: "template", data: { template_id: "" } } : undefined);
  };

  return (
    <div className="space-y-2">
      {kind ? null : (
      <select id={id} aria-label={t("replyFor")} className={smallInput} value={preview ? "preview" : "card"} onChange={(e) => onChange(e.target.value === "preview" ? { inline: { title: "" } } : { toast: { type: "success", content: "OK" } })}>
        <option value="card">{t("replyForCard")}</option>
        <option value="preview">{t("replyForPreview")}</option>
      </select>
      )}
      {preview ? (
        <input aria-label={t("inlineTitle")} placeholder={t("inlineTitle")} className={smallInput} value={reply.inline?.title ?? ""} onChange={(e) => onChange({ inline: { ...reply.inline, title: e.target.value } })} />
      ) : (
        <>
          <div className="flex gap-2">
            <select id={`${uid}-toast`} aria-label={t("toastType")} className={`${smallInput} w-40 shrink-0`} value={reply.toast?.type ?? ""} onChange={(e) => setToast(toastType(e.target.value) ? { type: toastType(e.target.value), content: reply.toast?.content ?? "" } : undefined)}>
              <option value="">{t("noToast")}</option>
              {FEISHU_TOAST_TYPES.map((type) => <option key={type} value={type}>{t(`toastTypes.${type}`)}</option>)}
            </select>
            {reply.toast ? (
              <input aria-label={t("toastContent")} placeholder={t("toastContent")} className={smallInput} value={reply.toast.content ?? ""} onChange={(e) => setToast({ type: reply.toast?.type ?? "info", content: e.target.value })} />
            ) : null}
          </div>
          <select aria-label={t("card")} className={smallInput} value={cardMode} onChange={(e) => chooseCardMode(e.target.value as CardMode)}>
            {CARD_MODES.map((mode) => <option key={mode} value={mode}>{t(`cardModes.${mode}`)}</option>)}
          </select>
          {cardMode === "raw" ? (
            <select aria-label={t("savedTemplate")} className={smallInput} value={chosen} onChange={(e) => {
              setChosen(e.target.value);
              // The saved card read as the reply's card ({type: "raw", data}) with the reply schema's own part.
              setCard(feishuCardSchema.safeParse({ type: "raw", data: templates.find((tpl) => tpl.id === e.target.value)?.layout }).data);
            }}>
              <option value="">{reply.card?.type === "raw" ? t("currentCard") : templates.length ? t("pickTemplate") : t("noTemplates")}</option>
              {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
            </select>
          ) : null}
          {cardMode === "template" ? (
            <div className="flex gap-2">
              <input aria-label={t("templateId")} placeholder={t("templateId")} className={`${smallInput} font-mono`} value={template.template_id ?? ""} onChange={(e) => setCard({ type: "template", data: { ...template, template_id: e.target.value } })} />
              <input aria-label={t("templateVersion")} placeholder={t("templateVersion")} className={`${smallInput} w-40 shrink-0 font-mono`} value={template.template_version_name ?? ""} onChange={(e) => {
                const { template_version_name: _old, ...rest } = template;
                setCard({ type: "template", data: e.target.value ? { ...rest, template_version_name: e.target.value } : rest });
              }} />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
