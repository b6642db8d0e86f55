import { Search } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClasses, inputClasses } from "@/components/ui/button-classes";
import { PLATFORM_IDS } from "@/lib/platforms/types";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export async function TemplateFilters({ q, platform }: { q?: string; platform?: string }) {
  const t = await getTranslations();
  return (
    <form method="get" role="search" className="mb-4 flex flex-col gap-2 sm:flex-row">
      <div className="relative flex-1">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          type="search"
          name="q"
          defaultValue={q}
          aria-label={t("templates.search")}
          placeholder={t("templates.search")}
          className={`${inputClasses} pl-9`}
        />
      </div>
      <select name="platform" defaultValue={platform ?? ""} aria-label={t("templates.platformFilter")} className={`${inputClasses} sm:w-48`}>
        <option value="">{t("templates.allPlatforms")}</option>
        {PLATFORM_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`platform.${id}`)}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("templates.searchSubmit")}
      </button>
    </form>
  );
}
