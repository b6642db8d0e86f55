import { createTranslator } from "next-intl";
import { formatPath } from "@/lib/platforms/issues";
import type { RuleIssue } from "@/lib/platforms/types";
import { getCatalogue } from "./catalogue";
import type { Locale } from "./locales";

export interface DescribedIssue {
  code: string;
  path: string;
  message: string;
  params?: RuleIssue["params"];
}

/** A rule finding as the API and UI show it: stable code, dotted path, message in the reader's language. */
export function describeIssues(issues: RuleIssue[], locale: Locale): DescribedIssue[] {
  const t = createTranslator({ locale, messages: getCatalogue(locale), namespace: "rules" });
  return issues.map((issue) => ({
    code: issue.code,
    path: formatPath(issue.path),
    // Codes are typed as plain strings at the rule sites; the catalogue check test keeps them in step.
    message: t(issue.code as Parameters<typeof t>[0], issue.params),
    ...(issue.params ? { params: issue.params } : {}),
  }));
}
