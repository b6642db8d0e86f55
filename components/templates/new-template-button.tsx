"use client";

import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClasses, inputClasses } from "@/components/ui/button-classes";
import { useStarterText } from "@/components/builder/use-starter-text";
import { Dialog } from "@/components/ui/dialog";
import { PlatformPicker } from "@/components/ui/platform-picker";
import { importLayout } from "@/lib/builder/import-layout";
import { getLayout, layoutOfKind, listLayoutPlatforms } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { savedTemplateSchema } from "@/lib/templates/view-schema";

/** Templates are made only for platforms with a layout. */
const LAYOUT_PLATFORM_IDS = listLayoutPlatforms().map((p) => p.id);

interface ApiIssue {
  path: string;
  message: string;
}

/** New template: pick a platform and a name, and optionally paste JSON to start from. */
export function NewTemplateButton() {
  const t = useTranslations("library");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [platform, setPlatform] = useState<PlatformId>("qq");
  // A platform with several kinds of layout (Discord: message, Components V2 message, modal) asks which.
  const [kind, setKind] = useState<string | undefined>(undefined);
  const kinds = getLayout(platform).kinds?.ids ?? [];
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const starter = useStarterText("library");

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const pasted = String(form.get("json") ?? "").trim();
    setError(null);
    setIssues([]);
    const adapter = layoutOfKind(platform, kind);
    let body = { platform: platform as string, name, text: adapter.hasText ? t("starterText") : "", layout: adapter.emptyLayout(starter) };
    if (pasted) {
      const imported = importLayout(pasted, platform);
      if (!imported.ok) return setError(t(imported.code, { detail: imported.detail ?? "" }));
      body = { platform: imported.platform, name, text: imported.text, layout: imported.layout };
    }
    setBusy(true);
    const response = await fetch("/api/templates", { method: "POST", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(body) }).catch(() => null);
    const result = await response?.json().catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      setError(result?.error?.message ?? t("createFailed"));
      setIssues([...(result?.errors ?? []), ...(result?.error?.issues ?? [])]);
      return;
    }
    // The saved template read with the API's schema; an answer without one is a failure, not a crash.
    const saved = savedTemplateSchema.safeParse(result).data;
    if (!saved) return setError(t("createFailed"));
    router.push(`/templates/${saved.template.id}`);
  }

  return (
    <>
      <button type="button" className={buttonClasses("primary")} onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        {t("new")}
      </button>
      <Dialog open={open} onOpenChange={setOpen} title={t("newTitle")} description={t("newDescription")} closeLabel={t("close")}>
        <form onSubmit={create} className="space-y-4">
          <PlatformPicker legend={t("platform")} ids={LAYOUT_PLATFORM_IDS} value={platform} onChange={(id) => { setPlatform(id); setKind(undefined); }} label={(id) => (t.has(`platforms.${id}`) ? t(`platforms.${id}` as never) : id)} />
          {kinds.length > 1 ? (
            <fieldset>
              <legend className="mb-1.5 block text-sm font-medium text-slate-700">{t("kind")}</legend>
              <div className="space-y-1.5">
                {kinds.map((id, index) => (
                  <label key={id} className="flex items-start gap-2 text-sm text-slate-700">
                    <input type="radio" name="kind" value={id} className="mt-1" checked={(kind ?? kinds[0]) === id} onChange={() => setKind(index === 0 ? undefined : id)} />
                    <span>
                      <span className="font-medium">{t.has(`kinds.${id}.name`) ? t(`kinds.${id}.name` as never) : id}</span>
                      {t.has(`kinds.${id}.help`) ? <span className="block text-xs text-slate-500">{t(`kinds.${id}.help` as never)}</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div>
            <label htmlFor="new-name" className="mb-1.5 block text-sm font-medium text-slate-700">{t("name")}</label>
            <input id="new-name" name="name" required maxLength={120} className={inputClasses} />
          </div>
          <div>
            <label htmlFor="new-json" className="mb-1.5 block text-sm font-medium text-slate-700">{t("paste")}</label>
            <textarea id="new-json" name="json" rows={6} className={`${inputClasses} font-mono text-xs`} placeholder={t("pastePlaceholder")} />
            <p className="mt-1 text-xs text-slate-500">{t("pasteHelp")}</p>
          </div>
          {error ? (
            <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              <p>{error}</p>
              {issues.length ? (
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {issues.map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path}</code> {issue.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClasses("secondary")} onClick={() => setOpen(false)}>{t("cancel")}</button>
            <button type="submit" className={buttonClasses("primary")} disabled={busy}>{t("create")}</button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
