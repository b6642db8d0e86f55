"use client";

import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { platformPanels } from "@/components/platforms/registry";
import { buttonClasses, inputClasses } from "@/components/ui/button-classes";
import { Dialog } from "@/components/ui/dialog";
import { PlatformPicker } from "@/components/ui/platform-picker";
import type { EndpointMode } from "@/lib/endpoints/input";
import { getPlatform } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { isRelayMode } from "@/lib/relay/target";
import { readFormError, type FormError } from "./api-error";
import { relayDraftOf, relayTargetOf } from "./relay-target-field";
import { ReplyModeFields } from "./reply-mode-fields";

/** New callback endpoint: platform, name, reply mode (and a relay target), secrets (write-only), optional API base URL. */
export function NewEndpointButton() {
  const t = useTranslations("endpoints");
  const tp = useTranslations("platform");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [platform, setPlatform] = useState<PlatformId>("qq");
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<FormError | null>(null);
  const [mode, setMode] = useState<EndpointMode>("rules");
  const [relayTarget, setRelayTarget] = useState(relayDraftOf(null));
  const SecretsFields = platformPanels[platform].SecretsFields;
  const EndpointSettings = platformPanels[platform].EndpointSettings;
  // Settings only this platform has (QQ's result delivery), sent as they are; the API checks them.
  const [settings, setSettings] = useState<Record<string, unknown>>({});
  const adapter = getPlatform(platform);
  const [requireSignature, setRequireSignature] = useState(true);
  const simulatorBase = typeof window === "undefined" ? "/api/simulator/platform" : `${window.location.origin}/api/simulator/platform`;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const apiBaseUrl = String(form.get("apiBaseUrl") ?? "").trim();
    const cleanSecrets = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ""));
    const response = await fetch("/api/endpoints", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify({
        platform,
        name: form.get("name"),
        // Platforms without replies here (Easemob) show no mode: the API's default.
        ...(adapter.manualReplies ? { mode, ...(isRelayMode(mode) ? { relayTarget: relayTargetOf(relayTarget) } : {}) } : {}),
        secrets: cleanSecrets,
        ...(apiBaseUrl ? { apiBaseUrl } : {}),
        ...(adapter.optionalSignature ? { requireSignature } : {}),
        ...(EndpointSettings ? settings : {}),
      }),
    }).catch(() => null);
    const body = await response?.json().catch(() => null);
    if (!response?.ok) {
      setError(readFormError(body, t("createFailed"), ["relayTarget"]));
      return;
    }
    setOpen(false);
    setSecrets({});
    setSettings({});
    setMode("rules");
    setRelayTarget(relayDraftOf(null));
    setError(null);
    router.refresh();
  }

  return (
    <>
      <button type="button" className={buttonClasses("primary")} onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        {t("new")}
      </button>
      <Dialog open={open} onOpenChange={setOpen} title={t("new")} description={t("newDescription")} closeLabel={t("close")}>
        <form onSubmit={create} className="space-y-3">
          <PlatformPicker legend={t("platform")} value={platform} onChange={(id) => { setPlatform(id); setSecrets({}); setSettings({}); }} label={(id) => tp(id)} />
          <div>
            <label htmlFor="endpoint-name" className="mb-1 block text-sm font-medium text-slate-700">{t("name")}</label>
            <input id="endpoint-name" name="name" required maxLength={120} className={inputClasses} />
          </div>
          {adapter.manualReplies ? (
            <ReplyModeFields id="endpoint-mode" mode={mode} onMode={setMode} target={relayTarget} onTarget={setRelayTarget} targetErrors={error?.fields.relayTarget ?? []} inputClass={inputClasses} />
          ) : null}
          <SecretsFields values={secrets} onChange={setSecrets} />
          {EndpointSettings ? <EndpointSettings values={settings} onChange={setSettings} /> : null}
          {adapter.optionalSignature ? (
            <div>
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
                <input type="checkbox" checked={requireSignature} onChange={(e) => setRequireSignature(e.target.checked)} />
                {t("requireSignature")}
              </label>
              <p className="mt-1 text-xs text-slate-500">{t("requireSignatureHelp")}</p>
            </div>
          ) : null}
          {adapter.manualReplies ? (
            <div>
              <label htmlFor="endpoint-api" className="mb-1 block text-sm font-medium text-slate-700">{t("apiBaseUrl")}</label>
              <input id="endpoint-api" name="apiBaseUrl" className={`${inputClasses} font-mono`} placeholder={t("apiBaseUrlPlaceholder")} />
              <p className="mt-1 text-xs break-all text-slate-500">{t("apiBaseUrlHelp", { example: simulatorBase })}</p>
            </div>
          ) : null}
          {error ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error.message}</p> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClasses("secondary")} onClick={() => setOpen(false)}>{t("cancel")}</button>
            <button type="submit" className={buttonClasses("primary")}>{t("create")}</button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
