import { adminPasswordSource } from "@/lib/auth/admin-password";
import { resolveSqlitePath } from "@/lib/db/url";
import { listPlatforms } from "@/lib/platforms/registry";

/** What the settings page shows: facts about the set-up, never a secret's value. */
export function settingsOverview() {
  return {
    databaseFile: resolveSqlitePath(),
    adminPassword: adminPasswordSource(),
    apiTokenConfigured: Boolean(process.env.API_TOKEN),
    platforms: listPlatforms().map((p) => ({ id: p.id, name: p.name, limits: p.layout?.limits ?? {} })),
  };
}
