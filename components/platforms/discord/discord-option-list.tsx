"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import type { DiscordKit } from "./discord-tree-fields";
import { str } from "./discord-tree-fields";

/**
 * The options of a string select, radio group or checkbox group: label, value, description and
 * "selected by default", each row's findings beside it; adding stops at the kind's maximum.
 */
export function DiscordOptionList({ kit, field = "options", max }: { kit: DiscordKit; field?: string; max: number }) {
  const t = useTranslations("editor.discordTree");
  const raw = kit.get(field);
  const options = Array.isArray(raw) ? raw.filter(isRecord) : [];
  const write = (next: Record<string, unknown>[]) => kit.set(field, next);
  const edit = (o: number, key: string, value: unknown) => write(options.map((x, i) => (i === o ? { ...x, [key]: value } : x)));
  const full = options.length >= max;
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">{t("options.title", { count: options.length, max })}</legend>
      {kit.errorAt(field) && !options.some((_, o) => kit.errorAt(`${field}.${o}`)) ? <p className="text-xs text-red-600">{kit.errorAt(field)}</p> : null}
      {options.map((option, o) => (
        <div key={o} className="space-y-1 rounded-md border border-slate-200 p-2">
          <div className="flex items-start gap-1.5">
            <input aria-label={t("options.label", { n: o + 1 })} placeholder={t("options.labelPlaceholder")} className={smallInput} value={str(option.label)} onChange={(e) => edit(o, "label", e.target.value)} />
            <input aria-label={t("options.value", { n: o + 1 })} placeholder={t("options.valuePlaceholder")} className={`${smallInput} font-mono`} value={str(option.value)} onChange={(e) => edit(o, "value", e.target.value)} />
            <button type="button" aria-label={t("options.remove", { n: o + 1 })} title={t("options.remove", { n: o + 1 })} className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => write(options.filter((_, i) => i !== o))}>
              <Trash2 aria-hidden className="size-4" />
            </button>
          </div>
          <input aria-label={t("options.description", { n: o + 1 })} placeholder={t("options.descriptionPlaceholder")} className={smallInput} value={str(option.description)} onChange={(e) => edit(o, "description", e.target.value === "" ? undefined : e.target.value)} />
          <label className="flex items-center gap-2 text-xs text-slate-700">
            <input type="checkbox" checked={option.default === true} onChange={(e) => edit(o, "default", e.target.checked ? true : undefined)} />
            {t("options.default", { n: o + 1 })}
          </label>
          {kit.errorAt(`${field}.${o}`) ? <p className="text-xs text-red-600">{kit.errorAt(`${field}.${o}`)}</p> : null}
        </div>
      ))}
      <button
        type="button"
        disabled={full}
        title={full ? t("options.full", { max }) : undefined}
        className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500 disabled:cursor-not-allowed disabled:text-slate-400"
        onClick={() => {
          // The first option_<n> not taken: values must differ within the component.
          let n = options.length + 1;
          while (options.some((x) => x.value === `option_${n}`)) n++;
          write([...options, { label: t("options.starter", { n }), value: `option_${n}` }]);
        }}
      >
        <Plus aria-hidden className="size-4" />
        {t("options.add")}
      </button>
      {full ? <p className="text-xs text-slate-500">{t("options.full", { max })}</p> : null}
    </fieldset>
  );
}
