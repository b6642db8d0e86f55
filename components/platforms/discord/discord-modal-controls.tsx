"use client";

import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DEFAULT_VALUE_TYPES, MODAL_COMPONENT } from "@/lib/platforms/discord/modal/limits";

/** What one modal control holds, as MODAL_SUBMIT reports it (modal/click.ts reads it from `formValue`). */
export type ModalValue = string | string[] | boolean | null;

const str = (value: unknown) => (typeof value === "string" ? value : "");
const optionsOf = (control: Record<string, unknown>) => (Array.isArray(control.options) ? control.options.filter(isRecord) : []);
const INPUT = "w-full rounded bg-[#1e1f22] px-2.5 py-2 text-sm text-[#dbdee1] placeholder:text-[#6d6f78] focus:outline-2 focus:outline-[#00a8fc]";

/** A control's value before anything is typed: its pre-filled value, default options or default_values. */
export function initialValue(control: Record<string, unknown>): ModalValue {
  const defaults = optionsOf(control).filter((o) => o.default === true).map((o) => str(o.value));
  switch (control.type) {
    case MODAL_COMPONENT.textInput: return str(control.value);
    case MODAL_COMPONENT.radioGroup: return defaults[0] ?? null;
    case MODAL_COMPONENT.checkbox: return control.default === true;
    case MODAL_COMPONENT.fileUpload: return [];
    case MODAL_COMPONENT.stringSelect:
    case MODAL_COMPONENT.checkboxGroup: return defaults;
    default: return Array.isArray(control.default_values) ? control.default_values.filter(isRecord).map((v) => str(v.id)) : [];
  }
}

/** Ids a simulated server offers in user/role/channel selects, besides the select's own default_values. */
const SIMULATED_IDS: Record<string, string> = { user: "100000000000000001", role: "100000000000000002", channel: "100000000000000003" };

interface ControlProps {
  control: Record<string, unknown>;
  value: ModalValue;
  onChange: (value: ModalValue) => void;
  /** Ids of the Label's text and description, for the control's accessible name and description. */
  labelledBy: string;
  describedBy?: string;
  /** The Label's text: a lone checkbox is named by it. */
  labelText: string;
}

/** One control inside a modal's Label, drawn as the client draws it; what is typed goes to `onChange`. */
export function DiscordModalControl({ control, value, onChange, labelledBy, describedBy, labelText }: ControlProps) {
  const t = useTranslations("editor.discordTree.preview");
  const aria = { "aria-labelledby": labelledBy, "aria-describedby": describedBy };
  const required = control.required !== false;
  const list = Array.isArray(value) ? value : [];
  const multiple = typeof control.max_values === "number" && control.max_values > 1;
  const customId = str(control.custom_id);
  switch (control.type) {
    case MODAL_COMPONENT.textInput: {
      const props = {
        ...aria,
        className: INPUT,
        value: typeof value === "string" ? value : "",
        placeholder: str(control.placeholder),
        required,
        minLength: typeof control.min_length === "number" ? control.min_length : undefined,
        maxLength: typeof control.max_length === "number" ? control.max_length : undefined,
      };
      return control.style === 2 ? <textarea {...props} rows={4} onChange={(e) => onChange(e.target.value)} /> : <input {...props} onChange={(e) => onChange(e.target.value)} />;
    }
    case MODAL_COMPONENT.radioGroup:
    case MODAL_COMPONENT.checkboxGroup: {
      const radio = control.type === MODAL_COMPONENT.radioGroup;
      return (
        <div role={radio ? "radiogroup" : "group"} {...aria} className="space-y-1">
          {optionsOf(control).map((option, i) => {
            const v = str(option.value);
            const checked = radio ? value === v : list.includes(v);
            return (
              <label key={i} className="flex cursor-pointer items-start gap-2 rounded bg-[#2b2d31] px-3 py-2 hover:bg-[#35373c]">
                <input
                  type={radio ? "radio" : "checkbox"}
                  name={customId}
                  className="mt-1 accent-[#5865f2]"
                  checked={checked}
                  required={radio && required}
                  onChange={(e) => onChange(radio ? v : e.target.checked ? [...list, v] : list.filter((x) => x !== v))}
                />
                <span className="min-w-0">
                  <span className="block text-sm text-[#dbdee1]">{str(option.label)}</span>
                  {str(option.description) ? <span className="block text-xs text-[#949ba4]">{str(option.description)}</span> : null}
                </span>
              </label>
            );
          })}
        </div>
      );
    }
    case MODAL_COMPONENT.checkbox:
      return (
        <label className="flex items-center gap-2 text-sm text-[#dbdee1]">
          <input type="checkbox" className="size-4 accent-[#5865f2]" aria-describedby={describedBy} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {labelText || customId}
        </label>
      );
    case MODAL_COMPONENT.fileUpload:
      return (
        <label className="flex cursor-pointer flex-col items-center gap-1 rounded border border-dashed border-[#4e5058] bg-[#2b2d31] px-3 py-4 text-center text-sm text-[#b5bac1] hover:border-[#949ba4]">
          <Upload aria-hidden className="size-5" />
          <span>{list.length ? list.join(", ") : t("upload")}</span>
          <input type="file" className="sr-only" {...aria} multiple={multiple} onChange={(e) => onChange([...(e.target.files ?? [])].map((f) => f.name))} />
        </label>
      );
    default: {
      // Selects: a string select's own options; user/role/channel selects their default_values and a simulated entry.
      const own = optionsOf(control).map((o) => ({ value: str(o.value), label: str(o.label) }));
      const defaults = Array.isArray(control.default_values) ? control.default_values.filter(isRecord).map((d) => ({ value: str(d.id), label: t("defaultValue", { type: str(d.type), id: str(d.id) }) })) : [];
      const simulated = (DEFAULT_VALUE_TYPES[Number(control.type)] ?? []).map((type) => ({ value: SIMULATED_IDS[type]!, label: t(`simulated.${type}` as never) }));
      const choices = control.type === MODAL_COMPONENT.stringSelect ? own : [...defaults, ...simulated.filter((s) => !defaults.some((d) => d.value === s.value))];
      return (
        <select
          {...aria}
          className={`${INPUT} ${multiple ? "" : "h-10"}`}
          multiple={multiple}
          required={required}
          value={multiple ? list : (list[0] ?? "")}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value).filter(Boolean))}
        >
          {multiple ? null : <option value="">{str(control.placeholder) || t("selectPlaceholder")}</option>}
          {choices.map((c, i) => <option key={i} value={c.value}>{c.label}</option>)}
        </select>
      );
    }
  }
}
