import type { Db } from "@/lib/db";
import { encodeCursor, readCursor } from "@/lib/http/cursor";
import { HttpError } from "@/lib/http/errors";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import { isLayoutPlatform, layoutOf, listLayoutPlatforms } from "@/lib/platforms/registry";
import type { PlatformId, ValidationResult } from "@/lib/platforms/types";
import type { CreateTemplateInput, ListTemplatesQuery, UpdateTemplateInput } from "./input";
import { appendVersion, deleteTemplate, findTemplate, findTemplatePage, findVersion, findVersions, insertTemplate } from "./store";
import { templateView, versionView } from "./view";

/** A platform templates can be made for (one with a layout). */
export function requireLayoutPlatform(platform: string): PlatformId {
  if (isLayoutPlatform(platform)) return platform;
  const platforms = listLayoutPlatforms().map((p) => p.id).join(", ");
  throw new HttpError(400, "unknown_platform", "unknownPlatform", { platform, platforms });
}

/** Runs every rule of the layout's own kind; errors block a save (422), warnings travel with the result. */
export function validateLayout(platform: PlatformId, layout: unknown, scene: string | undefined, text?: string): ValidationResult {
  const adapter = layoutOf(platform, layout);
  if (scene !== undefined && !adapter.scenes.includes(scene)) {
    throw new HttpError(400, "unknown_scene", "unknownScene", { scene, scenes: adapter.scenes.join(", ") || "-" });
  }
  const result = adapter.validate(layout, { scene });
  if (text === undefined) return result;
  const textFindings = adapter.checkText(text);
  const errors = [...result.errors, ...textFindings.errors];
  return { ...result, ok: errors.length === 0, errors, warnings: [...result.warnings, ...textFindings.warnings] };
}

function requireValid(result: ValidationResult, locale: Locale): void {
  if (result.ok) return;
  throw new HttpError(422, "invalid_layout", "invalidLayout", { count: result.errors.length }, {
    errors: describeIssues(result.errors, locale),
    warnings: describeIssues(result.warnings, locale),
  });
}

async function requireTemplate(db: Db, id: string) {
  const row = await findTemplate(db, id);
  if (!row) throw new HttpError(404, "not_found", "templateNotFound", { id });
  return row;
}

export async function createTemplate(db: Db, input: CreateTemplateInput, locale: Locale) {
  const platform = requireLayoutPlatform(input.platform);
  const result = validateLayout(platform, input.layout, input.scene, input.text);
  requireValid(result, locale);
  const row = await insertTemplate(db, { platform, name: input.name, text: input.text, layout: result.layout });
  return { template: templateView(row), warnings: describeIssues(result.warnings, locale) };
}

/** Attempts when saves race without a baseVersion: each retry re-reads and re-validates. */
const SAVE_ATTEMPTS = 5;

export async function updateTemplate(db: Db, id: string, input: UpdateTemplateInput, locale: Locale) {
  for (let attempt = 1; ; attempt++) {
    const current = await requireTemplate(db, id);
    if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
      throw new HttpError(409, "version_conflict", "versionConflict", { base: input.baseVersion, current: current.version });
    }
    const platform = requireLayoutPlatform(current.platform);
    const layout = input.layout === undefined ? (JSON.parse(current.layout) as unknown) : input.layout;
    const text = input.text ?? current.text;
    const result = validateLayout(platform, layout, input.scene, text);
    requireValid(result, locale);
    const row = await appendVersion(db, id, current.version, {
      name: input.name ?? current.name,
      text,
      layout: result.layout,
    });
    if (row) return { template: templateView(row), warnings: describeIssues(result.warnings, locale) };
    // Another save landed between our read and write. With a baseVersion the client
    // must see it; without one, "last write wins" means trying again on the new version.
    if (input.baseVersion !== undefined || attempt >= SAVE_ATTEMPTS) {
      await requireTemplate(db, id);
      throw new HttpError(409, "version_conflict", "concurrentSave");
    }
  }
}

export async function getTemplate(db: Db, id: string) {
  return templateView(await requireTemplate(db, id));
}

export async function removeTemplate(db: Db, id: string): Promise<void> {
  if (!(await deleteTemplate(db, id))) throw new HttpError(404, "not_found", "templateNotFound", { id });
}

export async function listTemplateVersions(db: Db, id: string) {
  await requireTemplate(db, id);
  return (await findVersions(db, id)).map(versionView);
}

export async function listTemplates(db: Db, query: ListTemplatesQuery) {
  const after = readCursor(query.cursor);
  const rows = await findTemplatePage(db, { platform: query.platform, q: query.q, after, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    templates: page.map(templateView),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}

/**
 * The exact body of the platform's send-message API, for the current or a given version;
 * with `form`, one of the platform's other export bodies (e.g. a callback response).
 */
export async function exportTemplate(db: Db, id: string, version?: number, form?: string) {
  const current = await requireTemplate(db, id);
  const source = version === undefined ? current : await findVersion(db, id, version);
  if (!source) throw new HttpError(404, "not_found", "versionNotFound", { id, version: version ?? 0 });
  // The stored JSON as saved (validated then), key order and all: export is byte-faithful.
  const layout = JSON.parse(source.layout) as never;
  const adapter = layoutOf(requireLayoutPlatform(current.platform), layout);
  if (form === undefined || form === "message") return adapter.toMessage(layout, source.text);
  const extra = adapter.extraExports?.(layout) ?? {};
  if (!Object.hasOwn(extra, form)) throw new HttpError(400, "unknown_export", "unknownExport", { form, forms: ["message", ...Object.keys(extra)].join(", ") });
  return extra[form];
}
