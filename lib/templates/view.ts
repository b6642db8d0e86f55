import type { Template, TemplateVersion } from "@/lib/db/generated/client";
import type { TemplateView, VersionView } from "./view-schema";

export type { TemplateView, VersionView };

/** What the API returns for a template: the stored JSON parsed, no internal columns. */
export function templateView(row: Template): TemplateView {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    text: row.text,
    layout: JSON.parse(row.layout) as unknown,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } satisfies TemplateView;
}

export function versionView(row: TemplateVersion): VersionView {
  return {
    version: row.version,
    name: row.name,
    text: row.text,
    layout: JSON.parse(row.layout) as unknown,
    createdAt: row.createdAt.toISOString(),
  } satisfies VersionView;
}
