"use client";

import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";

/** Findings with their paths; choosing one selects the control it is about. */
export function IssueList({ errors, warnings, onPick }: { errors: DescribedIssue[]; warnings: DescribedIssue[]; onPick: (issue: DescribedIssue) => void }) {
  const t = useTranslations("editor.issues");
  if (errors.length === 0 && warnings.length === 0) {
    return (
      <p className="flex items-center gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700" role="status">
        <CheckCircle2 aria-hidden className="size-4" />
        {t("none")}
      </p>
    );
  }
  const item = (issue: DescribedIssue, severity: "error" | "warning", i: number) => (
    <li key={`${severity}-${i}`}>
      <button type="button" onClick={() => onPick(issue)} className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100">
        {severity === "error" ? <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-500" /> : <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-500" />}
        <span className="min-w-0">
          <span className={severity === "error" ? "text-red-700" : "text-amber-800"}>{issue.message}</span>
          <code className="block truncate font-mono text-xs text-slate-500">{issue.path || t("root")}</code>
        </span>
      </button>
    </li>
  );
  return (
    <div role="status" aria-label={t("label")}>
      <p className="mb-1 text-xs font-medium text-slate-600">
        {t("summary", { errors: errors.length, warnings: warnings.length })}
      </p>
      <ul className="space-y-0.5">
        {errors.map((issue, i) => item(issue, "error", i))}
        {warnings.map((issue, i) => item(issue, "warning", i))}
      </ul>
    </div>
  );
}
