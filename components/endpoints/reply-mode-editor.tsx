"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { EndpointWithTunnel } from "@/app/api/endpoints/with-tunnel";
import { buttonClasses } from "@/components/ui/button-classes";
import { smallInput } from "@/components/ui/field";
import type { EndpointMode } from "@/lib/endpoints/input";
import { isRelayMode, TUNNEL_TARGET } from "@/lib/relay/target";
import { readFormError, type FormError } from "./api-error";
import { relayDraftOf, relayTargetOf, type RelayDraft } from "./relay-target-field";
import { isEndpointMode, ReplyModeFields } from "./reply-mode-fields";
import { TunnelCommand } from "./tunnel-command";

/**
 * An endpoint's reply mode and relay target, changed in place with PUT /api/endpoints/:id: the callback URL is
 * pasted into the platform's console, so pointing it at a bot (or another bot) must not mean a new endpoint.
 */
export function ReplyModeEditor({ endpoint }: { endpoint: EndpointWithTunnel }) {
  const t = useTranslations("endpoints");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  // A mode this build does not know (an older row) shows as rules until changed; the badge still says what is stored.
  const storedMode: EndpointMode = isEndpointMode(endpoint.mode) ? endpoint.mode : "rules";
  const [draft, setDraft] = useState<{ mode: EndpointMode; target: RelayDraft } | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const shown = draft ?? { mode: storedMode, target: relayDraftOf(endpoint.relayTarget) };
  // The command and the tunnel's state are for what is saved, not for a draft.
  const tunnel = isRelayMode(endpoint.mode) && endpoint.relayTarget === TUNNEL_TARGET;
  const origin = endpoint.callbackUrl.replace(/\/api\/callbacks\/[^/]+$/, "");

  async function save() {
    if (!draft) return;
    // A mode that does not relay sends no target: the API clears the stored one.
    const body = { mode: draft.mode, ...(isRelayMode(draft.mode) ? { relayTarget: relayTargetOf(draft.target) } : {}) };
    const response = await fetch(`/api/endpoints/${encodeURIComponent(endpoint.id)}`, { method: "PUT", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(body) }).catch(() => null);
    if (!response?.ok) {
      setError(readFormError(await response?.json().catch(() => null), t("saveFailed"), ["relayTarget"]));
      return;
    }
    setDraft(null);
    setError(null);
    router.refresh();
  }

  return (
    <div className="mt-3 space-y-2 rounded-lg border border-slate-200 p-3" data-testid="endpoint-reply-mode">
      <ReplyModeFields id={`${id}-mode`} mode={shown.mode} onMode={(mode) => setDraft({ ...shown, mode })} target={shown.target} onTarget={(target) => setDraft({ ...shown, target })} targetErrors={error?.fields.relayTarget ?? []} inputClass={smallInput} />
      {draft ? (
        <div className="flex gap-2">
          <button type="button" className={buttonClasses("secondary", "py-1.5")} onClick={() => void save()}>{t("saveSettings")}</button>
          <button type="button" className={buttonClasses("ghost", "py-1.5")} onClick={() => { setDraft(null); setError(null); }}>{t("cancel")}</button>
        </div>
      ) : null}
      {error ? <p role="alert" className="text-xs text-red-700">{error.message}</p> : null}
      {tunnel ? <TunnelCommand endpointId={endpoint.id} origin={origin} connected={endpoint.tunnelConnected} /> : null}
    </div>
  );
}
