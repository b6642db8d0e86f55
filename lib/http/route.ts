import { negotiateLocale } from "@/lib/i18n/negotiate";
import type { Locale } from "@/lib/i18n/locales";
import { toErrorResponse } from "./respond";

export interface RouteContext<P> {
  request: Request;
  params: P;
  /** From Accept-Language only: API messages default to English whatever the UI cookie says. */
  locale: Locale;
}

/**
 * Wraps a route handler: resolves params and locale, and maps every thrown
 * error to the one JSON error shape. Authentication happens earlier, in proxy.ts.
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const locale = negotiateLocale(undefined, request.headers.get("accept-language"));
    try {
      return await handler({ request, params: await segment.params, locale });
    } catch (error) {
      return toErrorResponse(error, locale);
    }
  };
}
