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
  // Only the fact is logged: request bodies may carry secrets.
  console.error("[api] unhandled error:", error instanceof Error ? error.stack : String(error));
  return errorResponse(new HttpError(500, "internal", "internal"), locale);
}
