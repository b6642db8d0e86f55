"use client";

import { Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-classes";
import { CopyIconButton } from "@/components/ui/copy-icon-button";
import { Dialog } from "@/components/ui/dialog";
import { EndpointFigures } from "@/components/figures/endpoint-figures";
import type { EndpointWithTunnel } from "@/app/api/endpoints/with-tunnel";
import { REFUSAL_CODES } from "@/lib/interactions/kinds";
import { getPlatform, isPlatformId } from "@/lib/platforms/registry";
import { TUNNEL_TARGET } from "@/lib/relay/target";
import { EndpointSettingsEditor } from "./endpoint-settings-editor";
import { ReplyModeEditor } from "./reply-mode-editor";
import { RulesEditor } from "./rules-editor";

export function EndpointCard({ endpoint }: { endpoint: EndpointWithTunnel }) {
  const t = useTranslations("endpoints");
  const tp = useTranslations("platform");
  const tr = useTranslations("refusals");
  const format = useFormatter();
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [toggleFailed, setToggleFailed] = useState(false);
  const platform = isPlatformId(endpoint.platform) ? endpoint.platform : null;
  const publicParts = Object.entries(endpoint.secrets).filter(([key]) => key !== "configured");
  return (
    <li className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label={endpoint.name}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="max-w-full truncate font-semibold text-slate-900">{endpoint.name}</h2>
            {platform ? <Badge tone={platform}>{tp(platform)}</Badge> : null}
            {platform && getPlatform(platform).manualReplies ? <Badge>{t(`modes.${endpoint.mode as "rules"}`)}</Badge> : null}
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {endpoint.handshake
              ? t("handshakeAt", { time: format.dateTime(new Date(endpoint.handshake.at), { dateStyle: "medium", timeStyle: "short" }) })
              : t("noHandshake")}
          </p>
        </div>
        <button type="button" aria-label={t("delete", { name: endpoint.name })} className="rounded-md p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600" onClick={() => setConfirm(true)}>
          <Trash2 aria-hidden className="size-4" />
        </button>
      </div>
      <div className="mt-3">
        <span className="text-xs font-medium text-slate-600">{t("callbackUrl")}</span>
        <div className="mt-1 flex items-center gap-2">
          <code data-testid="callback-url" className="min-w-0 flex-1 truncate rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-800">{endpoint.callbackUrl}</code>
          <CopyIconButton text={endpoint.callbackUrl} label={t("copyUrl")} />
        </div>
      </div>
      <dl className="mt-3 space-y-1 text-xs text-slate-600">
        {publicParts.map(([key, value]) => (
          <div key={key} className="flex min-w-0 gap-1">
            <dt className="font-medium">{key}</dt>
            <dd className="truncate font-mono">{value}</dd>
          </div>
        ))}
        <div className="flex gap-1">
          <dt className="font-medium">{t("secretsLabel")}</dt>
          <dd>{t("secretsHidden")}</dd>
        </div>
        {platform && getPlatform(platform).optionalSignature ? (
          <div className="flex flex-wrap items-center gap-2">
            <dt className="font-medium">{t("signature")}</dt>
            <dd data-testid="require-signature">{endpoint.requireSignature ? t("signatureRequired") : t("signatureOptional")}</dd>
            <dd>
              <button type="button" className="text-indigo-700 underline hover:text-indigo-500" onClick={async () => {
                const response = await fetch(`/api/endpoints/${endpoint.id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ requireSignature: !endpoint.requireSignature }) }).catch(() => null);
                setToggleFailed(!response?.ok);
                router.refresh();
              }}>
                {endpoint.requireSignature ? t("allowUnsigned") : t("requireSigned")}
              </button>
            </dd>
            {toggleFailed ? <dd role="alert" className="text-red-700">{t("saveFailed")}</dd> : null}
          </div>
        ) : null}
        {endpoint.lastRefusal ? (
          <div className="rounded-md bg-red-50 px-2 py-1.5 text-red-800" data-testid="last-refusal">
            <dt className="font-medium">{t("lastRefusal", { time: format.dateTime(new Date(endpoint.lastRefusal.at), { dateStyle: "medium", timeStyle: "short" }) })}</dt>
            <dd>{(REFUSAL_CODES as readonly string[]).includes(endpoint.lastRefusal.code) ? tr(`${endpoint.lastRefusal.code as "bad_signature"}.long`) : tr("other", { code: endpoint.lastRefusal.code })}</dd>
          </div>
        ) : null}
        {endpoint.apiBaseRefused ? (
          <div className="rounded-md bg-amber-50 px-2 py-1.5 text-amber-900" data-testid="api-base-refused">
            <dt className="font-medium">{t("apiBaseRefusedTitle")}</dt>
            <dd>{t("apiBaseRefused")}</dd>
          </div>
        ) : null}
        {endpoint.relayTarget ? (
          <div className="flex min-w-0 gap-1">
            <dt className="shrink-0 font-medium">{t("relay.relaysTo")}</dt>
            <dd data-testid="relay-target" data-relay-target={endpoint.relayTarget === TUNNEL_TARGET ? "tunnel" : "url"} className={endpoint.relayTarget === TUNNEL_TARGET ? undefined : "truncate font-mono"}>
              {endpoint.relayTarget === TUNNEL_TARGET ? t("relay.viaTunnel") : endpoint.relayTarget}
            </dd>
          </div>
        ) : null}
        {endpoint.apiBaseUrl ? (
          <div className="flex min-w-0 gap-1">
            <dt className="shrink-0 font-medium">{t("apiBaseUrl")}</dt>
            <dd className="truncate font-mono">{endpoint.apiBaseUrl}</dd>
          </div>
        ) : null}
      </dl>
      <EndpointFigures endpointId={endpoint.id} />
      {platform && getPlatform(platform).manualReplies ? <ReplyModeEditor endpoint={endpoint} /> : null}
      {platform ? <EndpointSettingsEditor endpoint={endpoint} platform={platform} /> : null}
      {platform && getPlatform(platform).ruleFields.length > 0 ? <RulesEditor endpointId={endpoint.id} platform={platform} rules={endpoint.rules} /> : null}
      <Dialog open={confirm} onOpenChange={setConfirm} title={t("deleteTitle", { name: endpoint.name })} description={t("deleteBody")} closeLabel={t("close")}>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirm(false)}>{t("cancel")}</button>
          <button type="button" className={buttonClasses("primary", "bg-red-600 hover:bg-red-500")} onClick={async () => { await fetch(`/api/endpoints/${endpoint.id}`, { method: "DELETE" }); setConfirm(false); router.refresh(); }}>
            {t("confirmDelete")}
          </button>
        </div>
      </Dialog>
    </li>
  );
}
