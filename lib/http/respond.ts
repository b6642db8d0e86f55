import { createTranslator } from "next-intl";
import { getCatalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { HttpError } from "./errors";

/** `{error: {code, message, issues?}}` plus `errors`/`warnings` for layout failures. */
export function errorResponse(error: HttpError, locale: Locale): Response {
  const t = createTranslator({ locale, messages: getCatalogue(locale), namespace: "errors" });
  const message = t(error.messageKey as Parameters<typeof t>[0], error.params);
  const { issues, errors, warnings, detail } = error.extra;
  const body = {
    // `detail` is the parser's own technical text, untranslated, for developers.
    error: { code: error.code, message, ...(detail ? { detail } : {}), ...(issues ? { issues } : {}) },
    ...(errors ? { errors } : {}),
    ...(warnings ? { warnings } : {}),
  };
  return Response.json(body, { status: error.status });
}

export function toErrorResponse(error: unknown, locale: Locale): Response {
  if (error instanceof HttpError) return errorResponse(error, locale);
  // The client went away mid-body: nobody reads this answer, and nothing went wrong here.
  if (isClientAbort(error)) return errorResponse(new HttpError(400, "client_aborted", "invalidRequest"), locale);
  // Only the fact is logged: request bodies may carry secrets.
  console.error("[api] unhandled error:", error instanceof Error ? error.stack : String(error));
  return errorResponse(new HttpError(500, "internal", "internal"), locale);
}

/** A request whose client disconnected before its body arrived (Node's "aborted", a reset). */
export function isClientAbort(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNRESET" || code === "ECONNABORTED" || code === "ERR_STREAM_PREMATURE_CLOSE" || (error instanceof Error && error.message === "aborted");
}
