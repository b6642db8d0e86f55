import { listLayoutPlatforms } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";

export type ImportResult =
  | { ok: true; platform: PlatformId; layout: unknown; text: string; warnings: number }
  | { ok: false; code: "importInvalidJson" | "importUnknownShape"; detail?: string };

/**
 * Reads pasted JSON for a new template. The chosen platform is tried first; a body
 * that is plainly another platform's (Discord components pasted with QQ chosen) is
 * taken as that platform's rather than refused.
 */
export function importLayout(source: string, preferred: PlatformId): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, code: "importInvalidJson", detail: error instanceof Error ? error.message : String(error) };
  }
  const platforms = listLayoutPlatforms();
  const order = [...platforms.filter((p) => p.id === preferred), ...platforms.filter((p) => p.id !== preferred)];
  for (const platform of order) {
    // A platform's other kinds first: they are the more specific shapes (a Discord V2 body is also
    // "components", and the default kind would take it and drop its flag).
    const kinds = platform.layout.kinds;
    const adapters = kinds ? [...kinds.ids.slice(1).map((id) => kinds.get(id)), platform.layout] : [platform.layout];
    for (const adapter of adapters) {
      const imported = adapter.importMessage(json);
      if (!imported) continue;
      const normalized = adapter.normalize(imported.layout);
      return { ok: true, platform: platform.id, layout: normalized.layout, text: imported.text, warnings: normalized.warnings.length };
    }
  }
  return { ok: false, code: "importUnknownShape" };
}
