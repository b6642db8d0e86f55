"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import { str } from "./feishu-fields";

const BEHAVIOR_TYPES = ["callback", "open_url", "form_action"] as const;
export type FeishuBehaviorType = (typeof BEHAVIOR_TYPES)[number];
/** Every interactive component but a button: only a button submits or resets a form. */
export const CONTROL_BEHAVIOR_TYPES: readonly FeishuBehaviorType[] = ["callback", "open_url"];
const URL_FIELDS = ["default_url", "pc_url", "ios_url", "android_url"] as const;

function fresh(type: string): Record<string, unknown> {
  if (type === "open_url") return { type, default_url: "https://" };
  if (type === "form_action") return { type, behavior: "submit" };
  return { type: "callback", value: { action: "clicked" } };
}

function sameJson(draft: string, json: string): boolean {
  try {
    return JSON.stringify(JSON.parse(draft)) === json;
  } catch {
    return false;
  }
}

/** A callback value: plain text, or a JSON object edited as text and applied once it parses. */
function CallbackValue({ id, value, error, onChange }: { id: string; value: unknown; error?: string; onChange: (value: unknown) => void }) {
  const t = useTranslations("editor.feishu");
  const isObject = isRecord(value);
  const [draft, setDraft] = useState(() => (isObject ? JSON.stringify(value, null, 2) : ""));
  const [parseError, setParseError] = useState(false);
  // The value can change elsewhere (undo, the JSON tab): the draft follows unless it already says the same.
  const external = isObject ? JSON.stringify(value) : null;
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    if (external !== null && !sameJson(draft, external)) {
      setDraft(JSON.stringify(value, null, 2));
      setParseError(false);
    }
  }
  return (
    <div className="space-y-1.5">
      <fieldset className="flex gap-3 text-xs text-slate-700">
        <legend className="sr-only">{t("valueKind")}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" checked={!isObject} onChange={() => onChange(isObject ? JSON.stringify(value) : value)} />
          {t("valueText")}
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={isObject}
            onChange={() => {
              const next = { value: str(value) };
              setDraft(JSON.stringify(next, null, 2));
              onChange(next);
            }}
          />
          {t("valueJson")}
        </label>
      </fieldset>
      <Field id={id} label={t("value")} help={isObject ? t("valueJsonHelp") : t("valueTextHelp")} error={parseError ? t("valueNotObject") : error}>
        {isObject ? (
          <textarea
            id={id}
            rows={4}
            className={`${smallInput} font-mono text-xs`}
            value={draft}
            aria-invalid={parseError || undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              try {
                const parsed: unknown = JSON.parse(e.target.value);
                if (!isRecord(parsed)) throw new Error("not an object");
                setParseError(false);
                onChange(parsed);
              } catch {
                setParseError(true);
              }
            }}
          />
        ) : (
          <input id={id} className={`${smallInput} font-mono`} value={str(value)} onChange={(e) => onChange(e.target.value)} />
        )}
      </Field>
    </div>
  );
}

/**
 * A component's behaviors: what using it does (callback, open a link, and for a button submit or
 * reset the form). `types` narrows the kinds offered; `legend` names when they happen.
 */
export function FeishuBehaviors({ behaviors, path, issues, onChange, types = BEHAVIOR_TYPES, legend }: { behaviors: unknown[]; path: string; issues: DescribedIssue[]; onChange: (next: unknown[] | undefined) => void; types?: readonly FeishuBehaviorType[]; legend?: string }) {
  const t = useTranslations("editor.feishu");
  const list = behaviors.map((b) => (isRecord(b) ? b : {}));
  const errorAt = (i: number, field?: string) => {
    const at = `${path}.behaviors.${i}${field ? `.${field}` : ""}`;
    return issues.find((issue) => issue.path === at)?.message;
  };
  const update = (i: number, next: Record<string, unknown> | null) => {
    const all = next ? list.map((b, j) => (j === i ? next : b)) : list.filter((_, j) => j !== i);
    onChange(all.length ? all : undefined);
  };
  const listError = issues.find((issue) => issue.path === `${path}.behaviors`)?.message;
  const unused = types.filter((type) => !list.some((b) => b.type === type));
  return (
    <fieldset className="space-y-3">
      <legend className="text-xs font-medium text-slate-700">{legend ?? t("behaviors")}</legend>
      {listError ? <p className="text-xs text-red-600">{listError}</p> : null}
      {list.map((behavior, i) => {
        const id = (field: string) => `feishu-behavior-${i}-${field}`;
        return (
          <div key={`${i}-${str(behavior.type)}`} className="space-y-2 rounded-lg border border-slate-200 p-2.5">
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <Field id={id("type")} label={t("behaviorType", { n: i + 1 })} error={errorAt(i, "type")}>
                  <select id={id("type")} className={smallInput} value={str(behavior.type)} onChange={(e) => update(i, fresh(e.target.value))}>
                    {/* A kind already stored stays listed, so a form_action on a non-button shows (and its finding explains it). */}
                    {BEHAVIOR_TYPES.filter((type) => types.includes(type) || type === behavior.type).map((type) => <option key={type} value={type}>{t(`behaviorTypes.${type}`)}</option>)}
                  </select>
                </Field>
              </div>
              <button type="button" aria-label={t("removeBehavior", { n: i + 1 })} title={t("removeBehavior", { n: i + 1 })} className="mb-0.5 rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => update(i, null)}>
                <Trash2 aria-hidden className="size-4" />
              </button>
            </div>
            {behavior.type === "callback" ? <CallbackValue id={id("value")} value={behavior.value} error={errorAt(i, "value")} onChange={(value) => update(i, { ...behavior, value })} /> : null}
            {behavior.type === "open_url"
              ? URL_FIELDS.map((field) => (
                  <Field key={field} id={id(field)} label={t(`urls.${field}`)} error={errorAt(i, field)}>
                    <input id={id(field)} className={`${smallInput} font-mono`} value={str(behavior[field])} onChange={(e) => update(i, { ...behavior, [field]: e.target.value === "" && field !== "default_url" ? undefined : e.target.value })} />
                  </Field>
                ))
              : null}
            {behavior.type === "form_action" ? (
              <Field id={id("behavior")} label={t("formAction")} error={errorAt(i, "behavior")}>
                <select id={id("behavior")} className={smallInput} value={str(behavior.behavior)} onChange={(e) => update(i, { ...behavior, behavior: e.target.value })}>
                  <option value="submit">{t("formActions.submit")}</option>
                  <option value="reset">{t("formActions.reset")}</option>
                </select>
              </Field>
            ) : null}
          </div>
        );
      })}
      {unused.length ? (
        <div className="flex flex-wrap gap-2">
          {unused.map((type) => (
            <button key={type} type="button" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500" onClick={() => onChange([...list, fresh(type)])}>
              <Plus aria-hidden className="size-4" />
              {t("addBehavior", { type: t(`behaviorTypes.${type}`) })}
            </button>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
