import type { Template, TemplateVersion } from "@/lib/db/generated/client";

/** What the API returns for a template: the stored JSON parsed, no internal columns. */
export function templateView(row: Template) {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    text: row.text,
    layout: JSON.parse(row.layout) as unknown,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function versionView(row: TemplateVersion) {
  return {
    version: row.version,
    name: row.name,
    text: row.text,
    layout: JSON.parse(row.layout) as unknown,
    createdAt: row.createdAt.toISOString(),
  };
}

export type TemplateView = ReturnType<typeof templateView>;
export type VersionView = ReturnType<typeof versionView>;
