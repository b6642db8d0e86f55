"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import { FEISHU_BUTTON_SIZES, FEISHU_BUTTON_TYPES } from "@/lib/platforms/feishu/limits";
import type { TreeInspectorProps } from "../types";
import { FeishuBehaviors } from "./feishu-behaviors";
import { fieldKit, str } from "./feishu-fields";

const ALIGNS = ["left", "center", "right"] as const;
const TEXT_TAGS = ["plain_text", "lark_md"] as const;
const FLEX_MODES = ["none", "stretch", "flow", "bisect", "trisect"] as const;
const FORM_ACTIONS = ["submit", "reset"] as const;
const NAMED = new Set(["button", "input", "select_static", "form"]);

/** Every field of the selected card element, by its kind, with the findings next to them. */
export function FeishuInspector({ node, path, issues, onChange }: TreeInspectorProps) {
  const t = useTranslations("editor.feishu");
  const tk = useTranslations("editor.tree.kinds");
  const element = isRecord(node) ? node : {};
  const tag = str(element.tag);
  const kit = fieldKit({ value: element, path, issues, idPrefix: "feishu", onChange });
  // Findings about the element as a whole (a form without a submit button…) show on top.
  const own = issues.filter((i) => i.path === path || i.path === `${path}.tag`);

  const confirm = isRecord(element.confirm) ? element.confirm : null;
  const options = Array.isArray(element.options) ? element.options.filter(isRecord) : [];
  const setOptions = (next: Record<string, unknown>[]) => kit.set("options", next);

  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900">
        {tk.has(tag) ? tk(tag as never) : tag} <code className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{tag}</code>
      </p>
      {own.map((issue) => <p key={issue.code} className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">{issue.message}</p>)}

      {tag === "markdown" ? (
        <>
          <MarkdownContent id={kit.id("content")} label={t("content")} help={t("contentHelp")} value={str(element.content)} error={kit.errorAt("content")} onChange={(v) => kit.set("content", v)} />
          {kit.choice("text_align", t("textAlign"), ALIGNS, (a) => t(`aligns.${a}`), { empty: t("unset") })}
        </>
      ) : null}

      {tag === "div" ? (
        <>
          {kit.choice("text.tag", t("textTag"), TEXT_TAGS, (o) => t(`textTags.${o}`))}
          {kit.textObject("text", t("text"), { multiline: true, optional: false })}
        </>
      ) : null}

      {tag === "img" ? (
        <>
          {kit.text("img_key", t("imgKey"), t("imgKeyHelp"), { mono: true, keepEmpty: true })}
          {kit.textObject("alt", t("alt"), { help: t("altHelp") })}
          {kit.textObject("title", t("imgTitle"))}
        </>
      ) : null}

      {tag === "button" ? (
        <>
          {kit.textObject("text", t("buttonText"), { optional: false })}
          <div className="grid grid-cols-2 gap-2">
            {kit.choice("type", t("buttonType"), FEISHU_BUTTON_TYPES, (o) => t(`buttonTypes.${o}`), { empty: t("defaultValue", { value: "default" }) })}
            {kit.choice("size", t("buttonSize"), FEISHU_BUTTON_SIZES, (o) => t(`buttonSizes.${o}`), { empty: t("defaultValue", { value: "medium" }) })}
          </div>
          {kit.text("width", t("width"), t("buttonWidthHelp"), { mono: true })}
          {kit.flag("disabled", t("disabled"), t("disabledHelp"))}
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={confirm !== null}
              onChange={(e) => kit.set("confirm", e.target.checked ? { title: { tag: "plain_text", content: t("confirmStarterTitle") }, text: { tag: "plain_text", content: t("confirmStarterText") } } : undefined)}
            />
            <span>
              {t("confirm")}
              <span className="block text-xs text-slate-500">{t("confirmHelp")}</span>
            </span>
          </label>
          {confirm ? (
            <div className="space-y-2 border-l-2 border-slate-100 pl-3">
              {kit.textObject("confirm.title", t("confirmTitle"), { optional: false })}
              {kit.textObject("confirm.text", t("confirmText"), { optional: false })}
            </div>
          ) : null}
          <FeishuBehaviors behaviors={Array.isArray(element.behaviors) ? element.behaviors : []} path={path} issues={issues} onChange={(next) => kit.set("behaviors", next)} />
          {kit.choice("form_action_type", t("formActionType"), FORM_ACTIONS, (o) => t(`formActions.${o}`), { empty: t("unset"), help: t("formActionTypeHelp") })}
        </>
      ) : null}

      {tag === "input" ? (
        <>
          {kit.textObject("label", t("label"))}
          {kit.textObject("placeholder", t("placeholder"))}
          {kit.text("default_value", t("defaultInput"))}
          {kit.number("max_length", t("maxLength"), { min: 1, max: 1000 })}
          {kit.flag("required", t("required"))}
        </>
      ) : null}

      {tag === "select_static" ? (
        <>
          {kit.textObject("placeholder", t("placeholder"))}
          <fieldset className="space-y-2">
            <legend className="text-xs font-medium text-slate-700">{t("options")}</legend>
            {kit.errorAt("options") ? <p className="text-xs text-red-600">{kit.errorAt("options")}</p> : null}
            {options.map((option, o) => (
              <div key={o} className="flex items-start gap-1.5">
                <input aria-label={t("optionText", { n: o + 1 })} className={smallInput} value={isRecord(option.text) ? str(option.text.content) : ""} onChange={(e) => setOptions(options.map((x, i) => (i === o ? { ...x, text: { tag: "plain_text", content: e.target.value } } : x)))} />
                <input aria-label={t("optionValue", { n: o + 1 })} className={`${smallInput} font-mono`} value={str(option.value)} onChange={(e) => setOptions(options.map((x, i) => (i === o ? { ...x, value: e.target.value } : x)))} />
                <button type="button" aria-label={t("removeOption", { n: o + 1 })} title={t("removeOption", { n: o + 1 })} className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => setOptions(options.filter((_, i) => i !== o))}>
                  <Trash2 aria-hidden className="size-4" />
                </button>
              </div>
            ))}
            <button type="button" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500" onClick={() => setOptions([...options, { text: { tag: "plain_text", content: t("optionStarter", { n: options.length + 1 }) }, value: `option_${options.length + 1}` }])}>
              <Plus aria-hidden className="size-4" />
              {t("addOption")}
            </button>
          </fieldset>
          {kit.text("initial_option", t("initialOption"), undefined, { mono: true })}
          {kit.flag("required", t("required"))}
        </>
      ) : null}

      {tag === "column_set" ? (
        <>
          {kit.choice("flex_mode", t("flexMode"), FLEX_MODES, (o) => t(`flexModes.${o}`), { empty: t("unset"), help: t("flexModeHelp") })}
          {kit.text("horizontal_spacing", t("horizontalSpacing"), t("spacingHelp"), { mono: true })}
        </>
      ) : null}

      {tag === "column" ? (
        <>
          {kit.text("width", t("width"), t("columnWidthHelp"), { mono: true })}
          {kit.number("weight", t("weight"), { min: 1, max: 5, help: t("weightHelp") })}
          {kit.choice("vertical_align", t("verticalAlign"), ["top", "center", "bottom"], (o) => t(`verticalAligns.${o}`), { empty: t("unset") })}
        </>
      ) : null}

      {NAMED.has(tag) ? kit.text("name", t("name"), tag === "form" ? t("formNameHelp") : t("nameHelp"), { mono: true, keepEmpty: tag === "form" }) : null}
      {kit.text("element_id", t("elementId"), t("elementIdHelp"), { mono: true })}
    </div>
  );
}

function MarkdownContent({ id, label, help, value, error, onChange }: { id: string; label: string; help: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <textarea id={id} rows={5} className={`${smallInput} font-mono text-xs`} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <p className="text-xs text-red-600">{error}</p> : <p className="text-xs text-slate-500">{help}</p>}
    </div>
  );
}
