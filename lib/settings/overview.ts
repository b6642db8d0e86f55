import { adminPasswordSource } from "@/lib/auth/admin-password";
import { databaseKind, resolveSqlitePath } from "@/lib/db/url";
import { listPlatforms } from "@/lib/platforms/registry";
import type { LayoutAdapter, LimitNote } from "@/lib/platforms/types";

/** What a platform without a layout (callbacks only) says about its limits. */
const NO_LAYOUT: LimitNote[] = [{ key: "noLayout" }];

/** What the settings page shows: facts about the set-up, never a secret's value. */
export function settingsOverview() {
  return {
    // PostgreSQL has no file to show (and its URL carries a password).
    databaseFile: databaseKind() === "sqlite" ? resolveSqlitePath() : null,
    adminPassword: adminPasswordSource(),
    apiTokenConfigured: Boolean(process.env.API_TOKEN),
    // Each platform says its own limits (catalogue keys under settings.limits), so none reads another's.
    // A platform with several kinds of layout (Discord: message, V2 message, modal) lists each kind's.
    platforms: listPlatforms().map((p) => ({ id: p.id, name: p.name, limits: p.layout ? kindNotes(p.layout) : NO_LAYOUT })),
  };
}

function kindNotes(layout: LayoutAdapter): LimitNote[] {
  const kinds = layout.kinds;
  if (!kinds) return layout.limitNotes();
  const notes = kinds.ids.flatMap((id) => kinds.get(id).limitNotes());
  return notes.filter((note, i) => notes.findIndex((n) => JSON.stringify(n) === JSON.stringify(note)) === i);
}
