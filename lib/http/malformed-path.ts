import { createTranslator } from "next-intl";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { negotiateLocale } from "@/lib/i18n/negotiate";

/** Whether every segment of a URL path percent-decodes (`%ff` is not UTF-8; Next answers it with a plain-text 500). */
export function isDecodablePath(path: string): boolean {
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The JSON 400 for a path that does not decode, in the caller's language; null for a good path. */
export function malformedPathAnswer(path: string, acceptLanguage: string | null): { status: 400; body: unknown } | null {
  if (isDecodablePath(path)) return null;
  const locale = negotiateLocale(undefined, acceptLanguage);
  const t = createTranslator({ locale, messages: getCatalogue(locale), namespace: "errors" });
  return { status: 400, body: { error: { code: "malformed_path", message: t("malformedPath") } } };
}
