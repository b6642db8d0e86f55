import { z } from "zod";
import type { Snapshot } from "./editor-state";

/** Unsaved work is kept in this browser so a reload or a crash loses nothing. */
const draftSchema = z.object({
  version: z.number().int(),
  snapshot: z.object({ name: z.string(), text: z.string(), layout: z.unknown() }),
  at: z.number(),
});

export type Draft = z.infer<typeof draftSchema> & { snapshot: Snapshot };

const key = (templateId: string) => `button-studio:draft:${templateId}`;

export function readDraft(storage: Storage, templateId: string): Draft | null {
  try {
    const parsed = draftSchema.safeParse(JSON.parse(storage.getItem(key(templateId)) ?? "null"));
    return parsed.success ? (parsed.data as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(storage: Storage, templateId: string, draft: Draft): void {
  try {
    storage.setItem(key(templateId), JSON.stringify(draft));
  } catch {
    // A full or disabled storage only costs the draft, never the editor.
  }
}

export function clearDraft(storage: Storage, templateId: string): void {
  storage.removeItem(key(templateId));
}
