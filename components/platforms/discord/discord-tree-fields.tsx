"use client";

import type { ReactNode } from "react";
import { smallInput } from "@/components/ui/field";
import { getIn, setIn } from "@/lib/builder/set-in";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";

export const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A labelled control with a character counter, its finding (or help) below, wired for screen readers. */
export function CountedField({ id, label, help, error, count, children }: { id: string; label: string; help?: string; error?: string; count?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
        {count ? <span id={`${id}-count`} className="text-[11px] text-slate-500 tabular-nums">{count}</span> : null}
      </div>
      {children}
      {error ? <p id={`${id}-error`} className="text-xs text-red-600">{error}</p> : help ? <p id={`${id}-help`} className="text-xs text-slate-500">{help}</p> : null}
    </div>
  );
}

export interface KitOptions {
  value: Record<string, unknown>;
  /** Dotted JSON path of `value`, the prefix of its findings' paths. */
  path: string;
  issues: DescribedIssue[];
  idPrefix: string;
  onChange: (next: Record<string, unknown>, field: string) => void;
  /** "{count} / {max}" in the reader's language. */
  counter: (count: number, max: number) => string;
}

export type DiscordKit = ReturnType<typeof discordFieldKit>;

/**
 * Field builders bound to one component: each reads and writes a dotted field (`accessory.media.url`),
 * shows the finding at that path or below it, and names its input for labels and tests.
 */
export function discordFieldKit({ value, path, issues, idPrefix, onChange, counter }: KitOptions) {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const errorAt = (field: string) => issues.find((i) => i.path === at(field) || i.path.startsWith(`${at(field)}.`))?.message;
  const id = (field: string) => `${idPrefix}-${field.replaceAll(".", "-")}`;
  const get = (field: string) => getIn(value, field.split("."));
  const set = (field: string, next: unknown) => onChange(setIn(value, field.split("."), next) as Record<string, unknown>, field);
  const describedBy = (field: string, max?: number) => [errorAt(field) ? `${id(field)}-error` : "", max ? `${id(field)}-count` : ""].filter(Boolean).join(" ") || undefined;

  /** Text, counted in characters (code points) as the rules count it; empty removes the field unless `keepEmpty` (custom_id, url and the like must stay present). */
  const text = (field: string, label: string, opts: { help?: string; max?: number; mono?: boolean; keepEmpty?: boolean; rows?: number; placeholder?: string } = {}) => {
    const current = str(get(field));
    const props = {
      id: id(field),
      className: `${smallInput} ${opts.mono ? "font-mono" : ""}`,
      value: current,
      placeholder: opts.placeholder,
      "aria-invalid": errorAt(field) ? true : undefined,
      "aria-describedby": describedBy(field, opts.max),
    };
    const change = (next: string) => set(field, next === "" && !opts.keepEmpty ? undefined : next);
    return (
      <CountedField id={id(field)} label={label} help={opts.help} error={errorAt(field)} count={opts.max ? counter([...current].length, opts.max) : undefined}>
        {opts.rows ? <textarea {...props} rows={opts.rows} onChange={(e) => change(e.target.value)} /> : <input {...props} onChange={(e) => change(e.target.value)} />}
      </CountedField>
    );
  };

  const number = (field: string, label: string, opts: { min?: number; max?: number; help?: string } = {}) => {
    const current = get(field);
    return (
      <CountedField id={id(field)} label={label} help={opts.help} error={errorAt(field)}>
        <input id={id(field)} type="number" min={opts.min} max={opts.max} className={smallInput} value={typeof current === "number" ? String(current) : ""} aria-invalid={errorAt(field) ? true : undefined} onChange={(e) => set(field, e.target.value === "" ? undefined : Number(e.target.value))} />
      </CountedField>
    );
  };

  /**
   * A boolean. `defaultOn` fields (required, divider) are absent when on, so an untouched component
   * keeps its JSON; turning one off writes `false`.
   */
  const flag = (field: string, label: string, opts: { help?: string; defaultOn?: boolean } = {}) => {
    const current = get(field);
    const on = opts.defaultOn ? current !== false : current === true;
    return (
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-0.5" checked={on} onChange={(e) => set(field, opts.defaultOn ? (e.target.checked ? undefined : false) : e.target.checked ? true : undefined)} />
        <span>
          {label}
          {opts.help ? <span className="block text-xs text-slate-500">{opts.help}</span> : null}
          {errorAt(field) ? <span className="block text-xs text-red-600">{errorAt(field)}</span> : null}
        </span>
      </label>
    );
  };

  /** One of a few numbers or strings; `empty` offers "unset" (the field removed). */
  const choice = <V extends string | number>(field: string, label: string, options: readonly V[], optionLabel: (o: V) => string, opts: { help?: string; empty?: string } = {}) => {
    const current = get(field);
    return (
      <CountedField id={id(field)} label={label} help={opts.help} error={errorAt(field)}>
        <select id={id(field)} className={smallInput} value={current === undefined || current === null ? "" : String(current)} onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value);
          set(field, picked);
        }}>
          {opts.empty !== undefined ? <option value="">{opts.empty}</option> : null}
          {options.map((o) => <option key={String(o)} value={String(o)}>{optionLabel(o)}</option>)}
        </select>
      </CountedField>
    );
  };

  /** The whole component replaced (a new kind or style reshapes it). */
  const replace = (next: Record<string, unknown>, field: string) => onChange(next, field);

  return { value, get, set, replace, errorAt, id, text, number, flag, choice };
}
