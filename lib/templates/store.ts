import type { Db } from "@/lib/db";
import type { PlatformId } from "@/lib/platforms/types";
import type { Cursor } from "@/lib/http/cursor";

export interface TemplateDraft {
  platform: PlatformId;
  name: string;
  text: string;
  layout: unknown;
}

/** Inserts the template and its version 1 in one transaction. */
export function insertTemplate(db: Db, draft: TemplateDraft) {
  const layout = JSON.stringify(draft.layout);
  return db.template.create({
    data: {
      platform: draft.platform,
      name: draft.name,
      text: draft.text,
      layout,
      version: 1,
      versions: { create: { version: 1, name: draft.name, text: draft.text, layout } },
    },
  });
}

/**
 * Appends version N+1 and moves the template to it, only if it is still at N:
 * null tells the caller another save won, so no save is ever silently lost.
 */
export async function appendVersion(db: Db, id: string, expectedVersion: number, next: Omit<TemplateDraft, "platform">) {
  const layout = JSON.stringify(next.layout);
  const version = expectedVersion + 1;
  return db.$transaction(async (tx) => {
    const moved = await tx.template.updateMany({
      where: { id, version: expectedVersion },
      data: { name: next.name, text: next.text, layout, version },
    });
    if (moved.count === 0) return null;
    await tx.templateVersion.create({ data: { templateId: id, version, name: next.name, text: next.text, layout } });
    return tx.template.findUniqueOrThrow({ where: { id } });
  });
}

export function findTemplate(db: Db, id: string) {
  return db.template.findUnique({ where: { id } });
}

export async function deleteTemplate(db: Db, id: string): Promise<boolean> {
  const deleted = await db.template.deleteMany({ where: { id } });
  return deleted.count > 0;
}

export function findVersions(db: Db, templateId: string) {
  return db.templateVersion.findMany({ where: { templateId }, orderBy: { version: "desc" } });
}

export function findVersion(db: Db, templateId: string, version: number) {
  return db.templateVersion.findUnique({ where: { templateId_version: { templateId, version } } });
}

export function findTemplatePage(
  db: Db,
  filter: { platform?: PlatformId; q?: string; after?: Cursor; take: number },
) {
  const { after } = filter;
  return db.template.findMany({
    where: {
      ...(filter.platform ? { platform: filter.platform } : {}),
      ...(filter.q ? { name: { contains: filter.q } } : {}),
      ...(after
        ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: filter.take,
  });
}
