import { getFormatter, getNow, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { isLayoutPlatform, isPlatformId, layoutOf } from "@/lib/platforms/registry";
import { summarizeLayout } from "@/lib/platforms/summarize";
import type { TemplateView } from "@/lib/templates/view";
import { TemplateRowActions } from "./template-row-actions";

const FULL_DATE = { dateStyle: "medium", timeStyle: "short" } as const;

export async function TemplateTable({ templates }: { templates: TemplateView[] }) {
  const t = await getTranslations("templates");
  const tp = await getTranslations("platform");
  const format = await getFormatter();
  const now = await getNow();
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="w-full px-4 py-3">{t("columns.name")}</th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("columns.platform")}</th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("columns.size")}</th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("columns.version")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("columns.updated")}</th>
            <th scope="col" className="px-2 py-3"><span className="sr-only">{t("columns.actions")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {templates.map((template) => {
            const platform = isPlatformId(template.platform) ? template.platform : null;
            const layout = platform && isLayoutPlatform(platform) ? layoutOf(platform, template.layout) : null;
            const controls = layout ? summarizeLayout(layout, template.layout).controls : 0;
            const size = layout?.tree ? t("elementCount", { count: controls }) : t("buttonCount", { count: controls });
            const updated = new Date(template.updatedAt);
            const badge = platform ? <Badge tone={platform}>{tp(platform)}</Badge> : <Badge>{template.platform}</Badge>;
            return (
              <tr key={template.id} className="hover:bg-slate-50">
                <td className="w-full max-w-0 px-4 py-3">
                  <Link href={`/templates/${template.id}`} className="block truncate font-medium text-slate-900 hover:text-indigo-600" title={template.name}>
                    {template.name}
                  </Link>
                  {/* Small screens fold the platform and size columns into the name cell. */}
                  <div className="mt-1 flex items-center gap-2 text-xs text-slate-500 sm:hidden">
                    {badge}
                    <span className="whitespace-nowrap">{size}</span>
                  </div>
                </td>
                <td className="hidden px-4 py-3 sm:table-cell">{badge}</td>
                <td className="hidden px-4 py-3 whitespace-nowrap text-slate-600 tabular-nums sm:table-cell">{size}</td>
                <td className="hidden px-4 py-3 whitespace-nowrap text-slate-600 tabular-nums sm:table-cell">{t("versionLabel", { version: template.version })}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap text-slate-600">
                  <time dateTime={template.updatedAt} title={format.dateTime(updated, FULL_DATE)}>
                    {format.relativeTime(updated, now)}
                  </time>
                </td>
                <td className="px-2 py-2">
                  <TemplateRowActions template={template} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
