import { adminPasswordSource } from "@/lib/auth/admin-password";
import { resolveSqlitePath } from "@/lib/db/url";
import { listPlatforms } from "@/lib/platforms/registry";
import type { LimitNote } from "@/lib/platforms/types";

/** What a platform without a layout (callbacks only) says about its limits. */
const NO_LAYOUT: LimitNote[] = [{ key: "noLayout" }];

/** What the settings page shows: facts about the set-up, never a secret's value. */
export function settingsOverview() {
  return {
    databaseFile: resolveSqlitePath(),
    adminPassword: adminPasswordSource(),
    apiTokenConfigured: Boolean(process.env.API_TOKEN),
    // Each platform says its own limits (catalogue keys under settings.limits), so none reads another's.
    platforms: listPlatforms().map((p) => ({ id: p.id, name: p.name, limits: p.layout?.limitNotes() ?? NO_LAYOUT })),
  };
}
