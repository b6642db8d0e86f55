import { LayoutTemplate, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewTemplateButton } from "@/components/templates/new-template-button";
import { TemplateFilters } from "@/components/templates/template-filters";
import { TemplateTable } from "@/components/templates/template-table";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { listTemplatesQuery } from "@/lib/templates/input";
import { listTemplates } from "@/lib/templates/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TemplatesPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("templates");
  const raw = await searchParams;
  const parsed = listTemplatesQuery.safeParse({ ...raw, platform: raw.platform || undefined, q: raw.q || undefined });
  const query = parsed.success ? parsed.data : listTemplatesQuery.parse({});
  const { templates, nextCursor } = await listTemplates(getDb(), query).catch(() => listTemplates(getDb(), { ...query, cursor: undefined }));
  const filtered = Boolean(query.q || query.platform);
  const nextHref = nextCursor ? `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.platform ? { platform: query.platform } : {}), cursor: nextCursor })}` : null;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<NewTemplateButton />} />
      <TemplateFilters q={query.q} platform={query.platform} />
      {templates.length > 0 ? (
        <>
          <TemplateTable templates={templates} />
          {nextHref ? (
            <div className="mt-4 flex justify-end">
              <Link href={nextHref} className={buttonClasses("secondary")}>{t("next")}</Link>
            </div>
          ) : null}
        </>
      ) : filtered ? (
        <EmptyState icon={SearchX} title={t("noMatchTitle")} body={t("noMatchBody")}>
          <Link href="/templates" className={buttonClasses("secondary")}>{t("clearFilters")}</Link>
        </EmptyState>
      ) : (
        <EmptyState icon={LayoutTemplate} title={t("emptyTitle")} body={t("emptyBody")}>
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-left font-mono text-xs leading-relaxed text-slate-100">
            {EXAMPLE_REQUEST}
          </pre>
        </EmptyState>
      )}
    </>
  );
}

// A command, not prose: it stays the same in every language.
const EXAMPLE_REQUEST = `curl -X POST http://localhost:3000/api/templates \\
  -H "Authorization: Bearer $API_TOKEN" -H "Content-Type: application/json" \\
  -d '{"platform":"discord","name":"Welcome","layout":{"components":[
       {"type":1,"components":[{"type":2,"style":1,"label":"Hi","custom_id":"hi"}]}]}}'`;
