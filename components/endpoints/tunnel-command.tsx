"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { z } from "zod";
import { CopyIconButton } from "@/components/ui/copy-icon-button";

/** How often the card asks whether the CLI has connected (or dropped) while it is shown. */
const POLL_MS = 5000;
const tunnelState = z.object({ tunnelConnected: z.boolean() });

/**
 * The `button-studio relay` command for an endpoint whose target is the tunnel, and whether a CLI is connected now.
 * The token stays a placeholder: the page never holds API_TOKEN, and a command copied into a terminal history
 * should not carry a secret the reader did not type.
 */
export function tunnelCommand(origin: string, endpointId: string): string {
  return `npx button-studio relay --server ${origin} --token <API_TOKEN> --endpoint ${endpointId} --to http://localhost:3000/interactions`;
}

export function TunnelCommand({ endpointId, origin, connected: initial }: { endpointId: string; origin: string; connected: boolean }) {
  const t = useTranslations("endpoints.relay");
  // What the last poll said, once one has answered: fresher than the page's render.
  const [polled, setPolled] = useState<boolean | null>(null);
  const connected = polled ?? initial;
  const command = tunnelCommand(origin, endpointId);
  useEffect(() => {
    let live = true;
    const timer = setInterval(async () => {
      if (document.visibilityState !== "visible") return;
      const response = await fetch(`/api/endpoints/${encodeURIComponent(endpointId)}`).catch(() => null);
      // A failed look keeps what was last known: the next tick asks again.
      const read = tunnelState.safeParse(await response?.json().catch(() => null));
      if (live && response?.ok && read.success) setPolled(read.data.tunnelConnected);
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [endpointId]);
  return (
    <div className="space-y-1.5" data-testid="tunnel">
      <p className="flex items-center gap-1.5 text-xs" role="status" data-testid="tunnel-status" data-connected={connected}>
        <span aria-hidden className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-400"}`} />
        <span className={connected ? "font-medium text-emerald-700" : "text-slate-600"}>{connected ? t("connected") : t("notConnected")}</span>
      </p>
      <p className="text-xs text-slate-600">{t("commandHelp")}</p>
      <div className="flex items-start gap-2">
        <code data-testid="tunnel-command" className="min-w-0 flex-1 rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs break-all text-slate-800">{command}</code>
        <CopyIconButton text={command} label={t("copyCommand")} />
      </div>
    </div>
  );
}
