"use client";

import { Check, ChevronDown, Copy, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * Copies or downloads the exact send-message body of the saved version; the platform's
 * other export bodies (a callback response…) are one click each in the menu beside it.
 */
export function ExportActions({ templateId, name, dirty, extras = [] }: { templateId: string; name: string; dirty: boolean; extras?: string[] }) {
  const t = useTranslations("editor.export");
  const [copied, setCopied] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const body = async (form?: string) => {
    const query = form ? `?form=${encodeURIComponent(form)}` : "";
    return JSON.stringify(await (await fetch(`/api/templates/${templateId}/export${query}`)).json(), null, 2);
  };
  const copy = async (form?: string) => {
    await navigator.clipboard.writeText(await body(form));
    setCopied(form ?? "message");
    setTimeout(() => setCopied(null), 2000);
  };
  const hint = dirty ? t("savedOnly") : undefined;
  const label = (form: string) => (t.has(`extra.${form}`) ? t(`extra.${form}` as never) : form);

  const dismiss = useCallback(() => setOpen(false), []);
  useDismiss(open, menu, dismiss);

  return (
    <>
      <button type="button" className={buttonClasses("secondary")} title={hint} onClick={() => void copy()}>
        {copied === "message" ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
        {copied === "message" ? t("copied") : t("copy")}
      </button>
      {extras.length > 0 ? (
        <div className="relative" ref={menu}>
          <button type="button" className={buttonClasses("secondary", "px-2.5")} aria-expanded={open} aria-controls="more-exports" onClick={() => setOpen((o) => !o)}>
            {t("more")}
            <ChevronDown aria-hidden className="size-4" />
          </button>
          {open ? (
            <div id="more-exports" role="group" aria-label={t("more")} className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] space-y-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
              {hint ? <p className="px-2 pb-1 text-xs text-slate-500">{hint}</p> : null}
              {extras.map((form) => (
                <button key={form} type="button" className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100" onClick={() => void copy(form)}>
                  {copied === form ? <Check aria-hidden className="size-4 shrink-0 text-emerald-600" /> : <Copy aria-hidden className="size-4 shrink-0" />}
                  <span className="min-w-0 flex-1">{copied === form ? t("copied") : t("copyExtra", { form: label(form) })}</span>
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        className={buttonClasses("secondary", "px-2.5")}
        title={hint ?? t("download")}
        aria-label={t("download")}
        onClick={async () => {
          const url = URL.createObjectURL(new Blob([await body()], { type: "application/json" }));
          const link = Object.assign(document.createElement("a"), { href: url, download: `${name.replace(/[^\p{L}\p{N}_-]+/gu, "-") || "template"}.json` });
          link.click();
          URL.revokeObjectURL(url);
        }}
      >
        <Download aria-hidden className="size-4" />
      </button>
    </>
  );
}
