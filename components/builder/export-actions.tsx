"use client";

import { Check, Copy, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button-classes";

/** Copies or downloads the exact send-message body of the saved version. */
export function ExportActions({ templateId, name, dirty }: { templateId: string; name: string; dirty: boolean }) {
  const t = useTranslations("editor.export");
  const [copied, setCopied] = useState(false);
  const body = async () => JSON.stringify(await (await fetch(`/api/templates/${templateId}/export`)).json(), null, 2);
  const hint = dirty ? t("savedOnly") : undefined;
  return (
    <>
      <button
        type="button"
        className={buttonClasses("secondary")}
        title={hint}
        onClick={async () => {
          await navigator.clipboard.writeText(await body());
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
        {copied ? t("copied") : t("copy")}
      </button>
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
