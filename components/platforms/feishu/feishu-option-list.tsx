"use client";

import { Plus, Trash2 } from "lucide-react";
import { smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import { str } from "./feishu-fields";

type Option = Record<string, unknown>;

/** One editable attribute of an option, read from and written into the option object. */
export interface OptionColumn {
  id: string;
  label: (n: number) => string;
  get: (option: Option) => string;
  set: (option: Option, value: string) => Option;
  mono?: boolean;
}

/** The option's text, a plain_text object (select and overflow options). */
export const textColumn = (label: (n: number) => string): OptionColumn => ({
  id: "text",
  label,
  get: (o) => (isRecord(o.text) ? str(o.text.content) : ""),
  set: (o, v) => ({ ...o, text: { ...(isRecord(o.text) ? o.text : {}), tag: isRecord(o.text) && typeof o.text.tag === "string" ? o.text.tag : "plain_text", content: v } }),
});

/** A plain string attribute (value, img_key). */
export const stringColumn = (key: string, label: (n: number) => string, optional = false): OptionColumn => ({
  id: key,
  label,
  mono: true,
  get: (o) => str(o[key]),
  set: (o, v) => {
    const { [key]: _old, ...rest } = o;
    return v === "" && optional ? rest : { ...o, [key]: v };
  },
});

/** An overflow option's link (multi_url.url); empty removes the link. */
export const urlColumn = (label: (n: number) => string): OptionColumn => ({
  id: "url",
  label,
  mono: true,
  get: (o) => (isRecord(o.multi_url) ? str(o.multi_url.url) : ""),
  set: (o, v) => {
    const { multi_url: old, ...rest } = o;
    const others = isRecord(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => k !== "url")) : {};
    if (v === "" && Object.keys(others).length === 0) return rest;
    return { ...rest, multi_url: { ...others, ...(v === "" ? {} : { url: v }) } };
  },
});

/**
 * An option list with add and remove: each row one option, each column one of its attributes,
 * every input labelled for screen readers and tests ("Option 2 value").
 */
export function OptionList({ id, legend, error, errorFor, value, columns, fresh, addLabel, removeLabel, onChange }: {
  id: string;
  legend: string;
  /** A finding about the list as a whole; `errorFor` gives each option's own. */
  error?: string;
  errorFor?: (index: number) => string | undefined;
  value: unknown;
  columns: OptionColumn[];
  fresh: (n: number) => Option;
  addLabel: string;
  removeLabel: (n: number) => string;
  onChange: (next: Option[] | undefined) => void;
}) {
  const options = Array.isArray(value) ? value.map((o) => (isRecord(o) ? o : {})) : [];
  const update = (i: number, next: Option | null) => {
    const all = next ? options.map((o, j) => (j === i ? next : o)) : options.filter((_, j) => j !== i);
    onChange(all.length ? all : undefined);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">{legend}</legend>
      {error ? <p className="text-xs text-red-600">{error}</p> : null}
      {options.map((option, i) => (
        <div key={i} className="space-y-1">
        <div className="flex items-start gap-1.5">
          {columns.map((column) => {
            const inputId = `${id}-${i}-${column.id}`;
            return (
              <div key={column.id} className="min-w-0 flex-1">
                <label htmlFor={inputId} className="sr-only">{column.label(i + 1)}</label>
                <input id={inputId} placeholder={column.label(i + 1)} className={`${smallInput} ${column.mono ? "font-mono" : ""}`} value={column.get(option)} onChange={(e) => update(i, column.set(option, e.target.value))} />
              </div>
            );
          })}
          <button type="button" aria-label={removeLabel(i + 1)} title={removeLabel(i + 1)} className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => update(i, null)}>
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
        {errorFor?.(i) ? <p className="text-xs text-red-600">{errorFor(i)}</p> : null}
        </div>
      ))}
      <button type="button" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500" onClick={() => onChange([...options, fresh(options.length + 1)])}>
        <Plus aria-hidden className="size-4" />
        {addLabel}
      </button>
    </fieldset>
  );
}
