"use client";

import { ExternalLink, MousePointerClick, Send, TextCursorInput } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ClickOutcome } from "@/lib/platforms/types";

/** What the platform would do for a click in the preview. */
export function ClickResult({ outcome, label }: { outcome: ClickOutcome | null; label: string }) {
  const t = useTranslations("editor.click");
  const tr = useTranslations("rules");
  if (!outcome) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-500">
        <MousePointerClick aria-hidden className="size-4" />
        {t("hint")}
      </p>
    );
  }
  return (
    <section aria-label={t("title")} className="space-y-2">
      <h3 className="text-sm font-medium text-slate-900">{t("clicked", { label })}</h3>
      {outcome.kind === "request" ? (
        <>
          <p className="flex items-center gap-1.5 text-sm text-slate-600">
            <Send aria-hidden className="size-4" />
            {t("request")}
          </p>
          <pre data-testid="click-payload" className="max-h-72 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {JSON.stringify(outcome.payload, null, 2)}
          </pre>
        </>
      ) : outcome.kind === "insert" ? (
        <p className="flex items-center gap-1.5 text-sm text-slate-700">
          <TextCursorInput aria-hidden className="size-4" />
          {outcome.send ? t("insertSend") : t("insert")}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{outcome.text}</code>
        </p>
      ) : outcome.kind === "link" ? (
        <p className="flex items-center gap-1.5 text-sm text-slate-700">
          <ExternalLink aria-hidden className="size-4" />
          {t("link")}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono break-all">{outcome.url}</code>
        </p>
      ) : (
        <p className="text-sm text-slate-600">{tr(outcome.code as never)}</p>
      )}
    </section>
  );
}
