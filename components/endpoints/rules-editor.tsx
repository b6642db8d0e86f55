"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { platformPanels } from "@/components/platforms/registry";
import { buttonClasses } from "@/components/ui/button-classes";
import { smallInput } from "@/components/ui/field";
import type { EndpointView } from "@/lib/endpoints/view-schema";
import { ruleMatchSchema, type RuleMatch } from "@/lib/interactions/rules";
import { getPlatform } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";

/** A rule as edited: its pattern may still be empty (the API names it when saved). */
interface RuleDraft {
  match: RuleMatch;
  reply: unknown;
}

/**
 * A saved rule read with the rule schema. A match that no longer reads (stored text the schema now
 * refuses) starts over from the platform's first field, rather than being edited as text.
 */
function readRule(rule: EndpointView["rules"][number], platform: PlatformId): RuleDraft {
  return { match: ruleMatchSchema.safeParse(rule.match).data ?? { on: getPlatform(platform).ruleFields[0] ?? "control", pattern: "" }, reply: rule.reply };
}

/** The ordered rules: the first that fits an interaction answers it, before any person is asked. */
export function RulesEditor({ endpointId, platform, rules: initial }: { endpointId: string; platform: PlatformId; rules: EndpointView["rules"] }) {
  const t = useTranslations("endpoints.rules");
  const te = useTranslations("endpoints");
  const locale = useLocale();
  const router = useRouter();
  const [rules, setRules] = useState<RuleDraft[]>(() => initial.map((rule) => readRule(rule, platform)));
  const [status, setStatus] = useState<string | null>(null);
  const { ReplyEditor, starterReply } = platformPanels[platform];
  const update = (i: number, patch: Partial<RuleDraft>) => setRules((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => setRules((all) => {
    const next = [...all];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    return next;
  });

  async function save() {
    const response = await fetch(`/api/endpoints/${endpointId}`, { method: "PUT", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify({ rules }) }).catch(() => null);
    // Not sent at all (offline): the rules stay as edited for another try.
    if (!response) return setStatus(te("saveFailed"));
    const body = await response.json().catch(() => null);
    setStatus(response.ok ? t("saved") : [body?.error?.message, ...((body?.error?.issues ?? []) as { path: string; message: string }[]).map((i) => `${i.path}: ${i.message}`)].join(" "));
    if (response.ok) router.refresh();
  }

  return (
    <details className="mt-4 rounded-lg border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">{t("title", { count: rules.length })}</summary>
      <div className="space-y-2 border-t border-slate-200 p-3">
        <p className="text-xs text-slate-500">{t("help")}</p>
        <ol className="space-y-2">
          {rules.map((rule, i) => (
            <li key={i} className="grid gap-2 rounded-md bg-slate-50 p-2 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1fr)_auto]" aria-label={t("rule", { n: i + 1 })}>
              <select aria-label={t("on")} className={smallInput} value={rule.match.on} onChange={(e) => update(i, { match: { ...rule.match, on: e.target.value } })}>
                {getPlatform(platform).ruleFields.map((on) => <option key={on} value={on}>{t(`match.${on as "control"}`)}</option>)}
              </select>
              <input aria-label={t("pattern")} placeholder={t("patternPlaceholder")} className={`${smallInput} font-mono`} value={rule.match.pattern} onChange={(e) => update(i, { match: { ...rule.match, pattern: e.target.value } })} />
              {ReplyEditor ? <ReplyEditor value={rule.reply} onChange={(reply) => update(i, { reply })} /> : null}
              <div className="flex gap-1">
                <button type="button" aria-label={t("up", { n: i + 1 })} disabled={i === 0} className="rounded p-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30" onClick={() => move(i, -1)}><ArrowUp aria-hidden className="size-4" /></button>
                <button type="button" aria-label={t("down", { n: i + 1 })} disabled={i === rules.length - 1} className="rounded p-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30" onClick={() => move(i, 1)}><ArrowDown aria-hidden className="size-4" /></button>
                <button type="button" aria-label={t("remove", { n: i + 1 })} className="rounded p-1 text-slate-500 hover:bg-red-50 hover:text-red-600" onClick={() => setRules((all) => all.filter((_, j) => j !== i))}><Trash2 aria-hidden className="size-4" /></button>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClasses("secondary", "py-1.5")} onClick={() => setRules((all) => [...all, { match: { on: getPlatform(platform).ruleFields[0] ?? "control", pattern: "" }, reply: starterReply }])}>
            <Plus aria-hidden className="size-4" />
            {t("add")}
          </button>
          <button type="button" className={buttonClasses("primary", "py-1.5")} onClick={() => void save()}>{t("save")}</button>
          {status ? <span role="status" className="text-xs text-slate-600">{status}</span> : null}
        </div>
      </div>
    </details>
  );
}
