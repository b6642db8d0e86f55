"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import { getIn, setIn } from "@/lib/builder/set-in";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_BUTTON_STYLES, DISCORD_COMPONENT, DISCORD_SELECT_TYPES, DISCORD_STYLE_LINK, DISCORD_STYLE_PREMIUM } from "@/lib/platforms/discord/limits";
import type { InspectorProps } from "../types";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const KINDS = [DISCORD_COMPONENT.button, ...DISCORD_SELECT_TYPES] as const;

/** Re-shapes a component for a new kind or style, dropping the fields the new one forbids. */
export function reshape(cell: Record<string, unknown>, kind: number, style?: number): Record<string, unknown> {
  const customId = str(cell.custom_id) || "component_1";
  const label = str(cell.label) || str(cell.placeholder) || "Button";
  if (kind !== DISCORD_COMPONENT.button) {
    return { type: kind, custom_id: customId, ...(kind === DISCORD_COMPONENT.stringSelect ? { options: Array.isArray(cell.options) ? cell.options : [{ label: "Option 1", value: "option_1" }] } : {}) };
  }
  const base = { type: 2, ...(cell.disabled ? { disabled: true } : {}) };
  if (style === DISCORD_STYLE_LINK) return { ...base, style, label, url: str(cell.url) || "https://", ...(cell.emoji ? { emoji: cell.emoji } : {}) };
  if (style === DISCORD_STYLE_PREMIUM) return { ...base, style, sku_id: str(cell.sku_id) };
  return { ...base, style: style ?? 1, label, custom_id: customId, ...(cell.emoji ? { emoji: cell.emoji } : {}) };
}

export function DiscordInspector({ cell, path, issues, onChange }: InspectorProps) {
  const t = useTranslations("editor.discord");
  const component = isRecord(cell) ? cell : {};
  const errorAt = (field: string) => issues.find((i) => i.path === `${path}.${field}`)?.message;
  const set = (field: string, value: unknown) => onChange(setIn(component, field.split("."), value), field);
  const kind = Number(component.type);
  const style = Number(component.style);
  const isButton = kind === DISCORD_COMPONENT.button;
  const id = (field: string) => `discord-${field.replaceAll(".", "-")}`;

  const text = (field: string, label: string, help?: string) => (
    <Field id={id(field)} label={label} help={help} error={errorAt(field)}>
      <input id={id(field)} className={smallInput} value={str(getIn(component, field.split(".")))} aria-invalid={errorAt(field) ? true : undefined} onChange={(e) => set(field, e.target.value === "" && field !== "custom_id" && field !== "url" ? undefined : e.target.value)} />
    </Field>
  );
  const count = (field: string, label: string) => (
    <Field id={id(field)} label={label} error={errorAt(field)}>
      <input id={id(field)} type="number" min={0} max={25} className={smallInput} value={typeof component[field] === "number" ? String(component[field]) : ""} onChange={(e) => set(field, e.target.value === "" ? undefined : Number(e.target.value))} />
    </Field>
  );
  const options = Array.isArray(component.options) ? component.options.filter(isRecord) : [];

  return (
    <div className="space-y-3">
      <Field id={id("type")} label={t("kind")} error={errorAt("type")}>
        <select id={id("type")} className={smallInput} value={String(kind)} onChange={(e) => onChange(reshape(component, Number(e.target.value), 1), "type")}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {isButton ? (
        <>
          <Field id={id("style")} label={t("style")} help={t(`styleHelp.${style === DISCORD_STYLE_LINK ? "link" : style === DISCORD_STYLE_PREMIUM ? "premium" : "action"}`)} error={errorAt("style")}>
            <select id={id("style")} className={smallInput} value={String(style)} onChange={(e) => onChange(reshape(component, 2, Number(e.target.value)), "style")}>
              {DISCORD_BUTTON_STYLES.map((s) => (
                <option key={s} value={s}>
                  {t(`styles.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          {style !== DISCORD_STYLE_PREMIUM ? text("label", t("label"), t("labelHelp")) : null}
          {style !== DISCORD_STYLE_PREMIUM ? text("emoji.name", t("emoji"), t("emojiHelp")) : null}
          {style === DISCORD_STYLE_LINK ? text("url", t("url"), t("urlHelp")) : null}
          {style === DISCORD_STYLE_PREMIUM ? text("sku_id", t("skuId")) : null}
          {style !== DISCORD_STYLE_LINK && style !== DISCORD_STYLE_PREMIUM ? text("custom_id", t("customId"), t("customIdHelp")) : null}
        </>
      ) : (
        <>
          {text("custom_id", t("customId"), t("customIdHelp"))}
          {text("placeholder", t("placeholder"))}
          <div className="grid grid-cols-2 gap-2">
            {count("min_values", t("minValues"))}
            {count("max_values", t("maxValues"))}
          </div>
          {kind === DISCORD_COMPONENT.stringSelect ? (
            <fieldset className="space-y-2">
              <legend className="text-xs font-medium text-slate-700">{t("options")}</legend>
              {errorAt("options") ? <p className="text-xs text-red-600">{errorAt("options")}</p> : null}
              {options.map((option, o) => (
                <div key={o} className="flex items-start gap-1.5">
                  <input aria-label={t("optionLabel", { n: o + 1 })} placeholder={t("optionLabelPlaceholder")} className={smallInput} value={str(option.label)} onChange={(e) => set(`options.${o}.label`, e.target.value)} />
                  <input aria-label={t("optionValue", { n: o + 1 })} placeholder={t("optionValuePlaceholder")} className={`${smallInput} font-mono`} value={str(option.value)} onChange={(e) => set(`options.${o}.value`, e.target.value)} />
                  <button type="button" aria-label={t("removeOption", { n: o + 1 })} className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => onChange({ ...component, options: options.filter((_, i) => i !== o) }, "options")}>
                    <Trash2 aria-hidden className="size-4" />
                  </button>
                </div>
              ))}
              <button type="button" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500" onClick={() => onChange({ ...component, options: [...options, { label: `Option ${options.length + 1}`, value: `option_${options.length + 1}` }] }, "options")}>
                <Plus aria-hidden className="size-4" />
                {t("addOption")}
              </button>
            </fieldset>
          ) : null}
        </>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={component.disabled === true} onChange={(e) => set("disabled", e.target.checked ? true : undefined)} />
        {t("disabled")}
      </label>
    </div>
  );
}
