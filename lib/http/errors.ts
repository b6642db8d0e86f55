import type { DescribedIssue } from "@/lib/i18n/describe-issue";

/**
 * An error a client caused (or may see): its HTTP status, a stable code, and
 * the catalogue key (under "errors") with parameters for the human message.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly extra: { issues?: DescribedIssue[]; errors?: DescribedIssue[]; warnings?: DescribedIssue[]; detail?: string } = {},
  ) {
    super(code);
  }
}

