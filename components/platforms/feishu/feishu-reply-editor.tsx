"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { smallInput } from "@/components/ui/field";
import { FEISHU_TOAST_TYPES, type FeishuReply } from "@/lib/platforms/feishu/reply";
import type { ReplyDraft, ReplyEditorProps } from "../types";

type CardMode = "none" | "raw" | "template";
const CARD_MODES: readonly CardMode[] = ["none", "raw", "template"];

/** A reply while it is being typed (a template id may still be empty). */
type Draft = ReplyDraft<FeishuReply>;
const toastType = (value: string) => FEISHU_TOAST_TYPES.find((type) => type === value);

interface SavedTemplate {
  id: string;
  name: string;
  layout: unknown;
}

function useFeishuTemplates(active: boolean): SavedTemplate[] {
  const [templates, setTemplates] = useState<SavedTemplate[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void fetch("/api/templates?platform=feishu&limit=100").then(async (r) => {
      if (live && r.ok) setTemplates(((await r.json()) as { templates: SavedTemplate[] }).templates);
    });
    return () => {
      live = false;
    };
  }, [active]);
  return templates;
}

/** A card action answer ({toast?, card?}) or a link preview answer ({inline}). */
export function FeishuReplyEditor({ value, onChange, id, kind }: ReplyEditorProps<FeishuReply>) {
  const t = useTranslations("endpoints.feishu");
  const uid = useId();
  const reply = (value ?? {}) as Draft;
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
              const picked = templates.find((tpl) => tpl.id === e.target.value);
              setChosen(e.target.value);
              setCard(picked && picked.layout && typeof picked.layout === "object" ? { type: "raw", data: picked.layout } : undefined);
            }}>
              <option value="">{reply.card?.type === "raw" ? t("currentCard") : templates.length ? t("pickTemplate") : t("noTemplates")}</option>
              {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
            </select>
          ) : null}
          {cardMode === "template" ? (
            <div className="flex gap-2">
              <input aria-label={t("templateId")} placeholder={t("templateId")} className={`${smallInput} font-mono`} value={template.template_id} onChange={(e) => setCard({ type: "template", data: { ...template, template_id: e.target.value } })} />
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
