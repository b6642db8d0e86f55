import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";

export default getRequestConfig(async () => {
  const locale = negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return { locale, messages: getCatalogue(locale) };
});
