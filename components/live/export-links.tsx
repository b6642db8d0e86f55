"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Filters } from "./use-live-interactions";

/** The export of what the list shows: the same filters, streamed by the server as NDJSON or CSV (issue 17). */
export function ExportLinks({ filters }: { filters: Filters }) {
  const t = useTranslations("live.export");
  const href = (format: "ndjson" | "csv") => {
    const query = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(filters)) if (typeof value === "string" && value) query.set(key, value);
    return `/api/interactions/export?${query}`;
  };
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600">
      <Download aria-hidden className="size-3.5" />
      {t("label")}
      {(["ndjson", "csv"] as const).map((format) => (
        <a key={format} href={href(format)} download data-testid={`export-${format}`} className="rounded-md border border-slate-300 px-2 py-1 font-medium text-slate-700 hover:bg-slate-50">
          {t(format)}
        </a>
      ))}
    </span>
  );
}
