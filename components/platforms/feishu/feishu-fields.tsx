"use client";

import type { ReactNode } from "react";
import { Field, smallInput } from "@/components/ui/field";
import { ListField } from "./feishu-list-field";
import { getIn, setIn } from "@/lib/builder/set-in";
import { isRecord } from "@/lib/platforms/issues";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";

export const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Field builders bound to one object (a node, or the card): each reads and writes a dotted
 * field, shows the finding at that path, and names its input for labels and tests.
 */
export function fieldKit(options: { value: Record<string, unknown>; path: string; issues: DescribedIssue[]; idPrefix: string; onChange: (next: Record<string, unknown>, field: string) => void }) {
  const { value, path, issues, idPrefix, onChange } = options;
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const errorAt = (field: string) => issues.find((i) => i.path === at(field) || i.path.startsWith(`${at(field)}.`))?.message;
  /** Only a finding about the field itself (a list's), where its items show their own. */
  const errorOn = (field: string) => issues.find((i) => i.path === at(field))?.message;
  const id = (field: string) => `${idPrefix}-${field.replaceAll(".", "-")}`;
  const get = (field: string) => getIn(value, field.split("."));
  const set = (field: string, next: unknown) => onChange(setIn(value, field.split("."), next) as Record<string, unknown>, field);
  /** Several fields in one change (a table's columns and rows), so undo takes them back together. */
  const setAll = (fields: Record<string, unknown>, field: string) =>
    onChange(Object.entries(fields).reduce<unknown>((acc, [f, next]) => setIn(acc, f.split("."), next), value) as Record<string, unknown>, field);

  /** A `{tag, content}` text object; empty removes optional ones. */
  const setText = (field: string, content: string, optional: boolean) => {
    const current = get(field);
    const tag = isRecord(current) && typeof current.tag === "string" ? current.tag : "plain_text";
    set(field, content === "" && optional ? undefined : { ...(isRecord(current) ? current : {}), tag, content });
  };

  const text = (field: string, label: string, help?: string, opts: { mono?: boolean; keepEmpty?: boolean; multiline?: boolean; placeholder?: string; error?: string } = {}) => {
    const error = errorAt(field) ?? opts.error;
    const props = {
      id: id(field),
      className: `${smallInput} ${opts.mono ? "font-mono" : ""}`,
      value: str(get(field)),
      placeholder: opts.placeholder,
      "aria-invalid": error ? true : undefined,
    } as const;
    const onText = (next: string) => set(field, next === "" && !opts.keepEmpty ? undefined : next);
    return (
      <Field id={id(field)} label={label} help={help} error={error}>
        {opts.multiline ? <textarea {...props} rows={3} onChange={(e) => onText(e.target.value)} /> : <input {...props} onChange={(e) => onText(e.target.value)} />}
      </Field>
    );
  };
  const textObject = (field: string, label: string, opts: { help?: string; optional?: boolean; multiline?: boolean } = {}) => {
    const current = get(field);
    const content = isRecord(current) ? str(current.content) : "";
    const props = { id: id(field), className: smallInput, value: content, "aria-invalid": errorAt(field) ? true : undefined };
    return (
      <Field id={id(field)} label={label} help={opts.help} error={errorAt(field)}>
        {opts.multiline ? (
          <textarea {...props} rows={3} onChange={(e) => setText(field, e.target.value, opts.optional ?? true)} />
        ) : (
          <input {...props} onChange={(e) => setText(field, e.target.value, opts.optional ?? true)} />
        )}
      </Field>
    );
  };
  const choice = (field: string, label: string, options: readonly string[], optionLabel: (o: string) => string, opts: { help?: string; empty?: string } = {}) => (
    <Field id={id(field)} label={label} help={opts.help} error={errorAt(field)}>
      <select id={id(field)} className={smallInput} value={str(get(field))} onChange={(e) => set(field, e.target.value === "" ? undefined : e.target.value)}>
        {opts.empty !== undefined ? <option value="">{opts.empty}</option> : null}
        {options.map((o) => <option key={o} value={o}>{optionLabel(o)}</option>)}
      </select>
    </Field>
  );
  /** A boolean whose default is known: the default is shown when unset and written as "unset". */
  const flag = (field: string, label: string, help?: string, opts: { defaultOn?: boolean } = {}): ReactNode => (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={typeof get(field) === "boolean" ? get(field) === true : opts.defaultOn === true}
        onChange={(e) => set(field, e.target.checked === (opts.defaultOn === true) ? undefined : e.target.checked)}
      />
      <span>
        {label}
        {help ? <span className="block text-xs text-slate-500">{help}</span> : null}
        {errorAt(field) ? <span className="block text-xs text-red-600">{errorAt(field)}</span> : null}
      </span>
    </label>
  );
  const number = (field: string, label: string, opts: { min?: number; max?: number; help?: string } = {}) => (
    <Field id={id(field)} label={label} help={opts.help} error={errorAt(field)}>
      <input id={id(field)} type="number" min={opts.min} max={opts.max} className={smallInput} value={typeof get(field) === "number" ? String(get(field)) : ""} onChange={(e) => set(field, e.target.value === "" ? undefined : Number(e.target.value))} />
    </Field>
  );

  /**
   * A boolean whose default the sources disagree on: unset, on or off, so the builder never
   * writes a default it only guessed.
   */
  const tristate = (field: string, label: string, words: { unset: string; on: string; off: string }, help?: string) => {
    const current = get(field);
    return (
      <Field id={id(field)} label={label} help={help} error={errorAt(field)}>
        <select id={id(field)} className={smallInput} value={typeof current === "boolean" ? String(current) : ""} onChange={(e) => set(field, e.target.value === "" ? undefined : e.target.value === "true")}>
          <option value="">{words.unset}</option>
          <option value="true">{words.on}</option>
          <option value="false">{words.off}</option>
        </select>
      </Field>
    );
  };
  /** A list of strings, one a line (option values, user ids); with `key`, each is that key of an object. */
  const list = (field: string, label: string, opts: { help?: string; key?: string } = {}) => {
    const current = get(field);
    const values = Array.isArray(current)
      ? current.map((v) => (opts.key ? (isRecord(v) ? str(v[opts.key]) : "") : str(v)))
      : [];
    const key = opts.key;
    return (
      <ListField
        id={id(field)}
        label={label}
        help={opts.help}
        error={errorAt(field)}
        values={values}
        // Objects keep their other keys (an icon, a style) when only the listed one changes.
        onChange={(next) => set(field, next.length === 0 ? undefined : key ? next.map((v, i) => ({ ...(Array.isArray(current) && isRecord(current[i]) ? current[i] : {}), [key]: v })) : next)}
      />
    );
  };

  return { get, set, setAll, setText, errorAt, errorOn, id, text, textObject, choice, flag, number, tristate, list };
}

export type FieldKit = ReturnType<typeof fieldKit>;
