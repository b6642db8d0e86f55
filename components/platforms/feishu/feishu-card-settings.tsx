"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { FEISHU_HEADER_TEMPLATES } from "@/lib/platforms/feishu/limits";
import type { TreeSettingsProps } from "../types";
import { fieldKit, str } from "./feishu-fields";
import { HEADER_STYLES } from "./feishu-styles";

const WIDTH_MODES = ["default", "compact", "fill"] as const;

/** The card as a whole: header title, subtitle and colour, and the config Feishu fixes for 2.0 cards. */
export function FeishuCardSettings({ layout, issues, onChange }: TreeSettingsProps) {
  const t = useTranslations("editor.feishu");
  const card = isRecord(layout) ? layout : {};
  const kit = fieldKit({ value: card, path: "", issues, idPrefix: "feishu-card", onChange });
  const template = str(isRecord(card.header) ? card.header.template : "") || "default";
  const hasHeader = isRecord(card.header);
  const updateMulti = isRecord(card.config) ? card.config.update_multi : undefined;

  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-medium text-slate-900">{t("settings.title")}</h3>
        <p className="text-xs text-slate-500">{t("settings.help")}</p>
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("settings.header")}</legend>
        {kit.textObject("header.title", t("settings.headerTitle"), { optional: false, help: hasHeader ? undefined : t("settings.noHeader") })}
        {hasHeader ? kit.textObject("header.subtitle", t("settings.subtitle")) : null}
        {hasHeader ? (
          <div role="radiogroup" aria-label={t("settings.template")} className="space-y-1.5">
            <p className="text-xs font-medium text-slate-700">{t("settings.template")}</p>
            <div className="flex flex-wrap gap-1.5">
              {FEISHU_HEADER_TEMPLATES.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="radio"
                  aria-checked={template === name}
                  aria-label={t(`templates.${name}`)}
                  title={t(`templates.${name}`)}
                  onClick={() => kit.set("header.template", name)}
                  className={clsx("size-7 rounded-full border-2 transition-transform", template === name ? "scale-110 border-slate-900" : "border-slate-200 hover:scale-105")}
                  style={{ background: HEADER_STYLES[name]?.swatch }}
                />
              ))}
            </div>
            <p className="text-xs text-slate-500">{t("settings.templateNow", { name: t(`templates.${template}` as never) })}</p>
          </div>
        ) : null}
        {hasHeader ? (
          <button type="button" className="text-xs font-medium text-red-600 hover:text-red-500" onClick={() => kit.set("header", undefined)}>
            {t("settings.removeHeader")}
          </button>
        ) : null}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("settings.config")}</legend>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" className="mt-0.5" checked={updateMulti === true} disabled={updateMulti === true} onChange={(e) => kit.set("config.update_multi", e.target.checked)} />
          <span>
            {t("settings.updateMulti")}
            <span className="block text-xs text-slate-500">{t("settings.updateMultiHelp")}</span>
            {kit.errorAt("config.update_multi") ? <span className="block text-xs text-red-600">{kit.errorAt("config.update_multi")}</span> : null}
          </span>
        </label>
        {kit.choice("config.width_mode", t("settings.widthMode"), WIDTH_MODES, (o) => t(`settings.widthModes.${o}`), { empty: t("unset") })}
      </fieldset>
    </div>
  );
}
