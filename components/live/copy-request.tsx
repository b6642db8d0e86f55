"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button-classes";
import { curlCommand } from "@/lib/interactions/curl";

/**
 * "Copy as curl" (the request as received, aimed at the URL in the replay box, else this endpoint's callback URL)
 * and "Copy reply" (what went back to the platform). What is copied is also shown on hover (title) for a check.
 */
export function CopyRequest({ endpointId, headers, body, reply, targetUrl }: { endpointId: string; headers: Record<string, string>; body: string; reply: unknown; targetUrl: string }) {
  const t = useTranslations("live.copy");
  const [copied, setCopied] = useState<"curl" | "reply" | null>(null);
  const url = () => targetUrl.trim() || `${window.location.origin}/api/callbacks/${encodeURIComponent(endpointId)}`;
  async function copy(what: "curl" | "reply") {
    const text = what === "curl" ? curlCommand(url(), headers, body) : JSON.stringify(reply, null, 2);
    await navigator.clipboard.writeText(text).then(() => setCopied(what), () => setCopied(null));
  }
  const icon = (what: "curl" | "reply") => (copied === what ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />);
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" data-testid="copy-curl" className={buttonClasses("secondary", "py-1.5 text-xs")} onClick={() => void copy("curl")}>
        {icon("curl")}
        {copied === "curl" ? t("copied") : t("curl")}
      </button>
      {reply !== null ? (
        <button type="button" data-testid="copy-reply" className={buttonClasses("secondary", "py-1.5 text-xs")} onClick={() => void copy("reply")}>
          {icon("reply")}
          {copied === "reply" ? t("copied") : t("reply")}
        </button>
      ) : null}
    </div>
  );
}
