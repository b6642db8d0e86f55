"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { platformPanels } from "@/components/platforms/registry";
import { buttonClasses } from "@/components/ui/button-classes";
import type { EndpointView } from "@/lib/endpoints/view";
import type { PlatformId } from "@/lib/platforms/types";

/** The settings a platform adds to its endpoints (its own panel), saved with PUT /api/endpoints/:id. */
export function EndpointSettingsEditor({ endpoint, platform }: { endpoint: EndpointView; platform: PlatformId }) {
  const t = useTranslations("endpoints");
  const locale = useLocale();
  const router = useRouter();
  const Settings = platformPanels[platform].EndpointSettings;
  // Stored null means the platform's default: such keys are left out, and the panel shows the default.
  const stored = Object.fromEntries(Object.entries({ resultDelivery: endpoint.resultDelivery, holdMs: endpoint.holdMs }).filter(([, value]) => value !== null));
  const [draft, setDraft] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!Settings) return null;

  async function save() {
    const response = await fetch(`/api/endpoints/${encodeURIComponent(endpoint.id)}`, { method: "PUT", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(draft) }).catch(() => null);
    const body = await response?.json().catch(() => null);
    if (!response?.ok) {
      const issues = (body?.error?.issues ?? []) as { path: string; message: string }[];
      setError([body?.error?.message ?? t("saveFailed"), ...issues.map((i) => `${i.path}: ${i.message}`)].join(" "));
      return;
    }
    setDraft(null);
    setError(null);
    router.refresh();
  }

  return (
    <div className="mt-3 space-y-2 rounded-lg border border-slate-200 p-3">
      <Settings values={draft ?? stored} onChange={setDraft} />
      {draft ? <button type="button" className={buttonClasses("secondary", "py-1.5")} onClick={() => void save()}>{t("saveSettings")}</button> : null}
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
