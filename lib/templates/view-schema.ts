import { z } from "zod";

/**
 * What the templates API answers, shared with the browser, which parses it instead of trusting a
 * cast (view.ts builds these and `satisfies` them). Client-safe: zod only. The layout is the
 * platform's JSON as stored: each platform's layout schema reads it where it is edited.
 */
export const templateViewSchema = z.object({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  text: z.string(),
  layout: z.unknown(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

/** One saved version of a template (`GET /api/templates/:id/versions`). */
export const versionViewSchema = z.object({
  version: z.number(),
  name: z.string(),
  text: z.string(),
  layout: z.unknown(),
  createdAt: z.string(),
});
export type VersionView = z.infer<typeof versionViewSchema>;

/** `GET /api/templates`: newest change first, a page at a time. */
export const templatePageSchema = z.object({
  templates: z.array(templateViewSchema),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TemplatePage = z.infer<typeof templatePageSchema>;

/** `POST /api/templates` and `PUT /api/templates/:id`: the saved template (its warnings are read where shown). */
export const savedTemplateSchema = z.object({ template: templateViewSchema });
