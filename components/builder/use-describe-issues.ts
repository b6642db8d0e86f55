"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import { formatPath } from "@/lib/platforms/issues";
import type { RuleIssue } from "@/lib/platforms/types";

/** The browser-side twin of describeIssues: same codes, messages from the page's catalogue. */
export function useDescribeIssues(): (issues: RuleIssue[]) => DescribedIssue[] {
  const t = useTranslations("rules");
  return useCallback(
    (issues) => issues.map((issue) => ({ code: issue.code, path: formatPath(issue.path), message: t(issue.code as never, issue.params as never) })),
    [t],
  );
}
