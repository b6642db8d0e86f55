import { ensureAdminPassword } from "@/lib/auth/admin-password";
import { startClusterListeners } from "@/lib/cluster/start";
import { enableWal, getDb } from "@/lib/db";
import { startSweeps } from "@/lib/interactions/expire";
import { startRetention } from "@/lib/interactions/retention";
import { retentionFromEnv } from "@/lib/settings/retention";
import { startSearchIndexer } from "@/lib/interactions/search-index";
import { redactStoredBodies } from "./redact-at-rest";
import { backfillSearchText } from "./search-backfill";

/** Once per server start, after `prisma migrate deploy` (scripts/start.mjs) has run. */
export async function bootstrap(): Promise<void> {
  // A RETENTION_* value that is not a number stops the start, naming the variable: running on with another
  // policy than the one configured could keep what should go, or remove what should stay.
  retentionFromEnv();
  const db = getDb();
  await enableWal(db);
  const generated = await ensureAdminPassword(db);
  // Before any callback or stream is served: other instances' live events, releases and endpoint changes
  // reach this one from the start (nothing on SQLite, where one process is the whole cluster).
  await startClusterListeners();
  startSweeps(db);
  // In small batches with pauses, soon after start and then every minute (lib/interactions/retention.ts).
  startRetention(db);
  startSearchIndexer();
  // In the background, in small steps: a big table must not hold up the start.
  void redactStoredBodies(db)
    .then((report) => report?.changed && console.log(`[boot] hid echoed secrets in ${report.changed} of ${report.scanned} stored callbacks`))
    .catch((error: unknown) => console.error("[boot] redacting stored callbacks failed:", error instanceof Error ? error.message : String(error)));
  void backfillSearchText(db)
    .then((report) => report?.filled && console.log(`[boot] made ${report.filled} of ${report.scanned} stored interactions searchable`))
    .catch((error: unknown) => console.error("[boot] making stored interactions searchable failed:", error instanceof Error ? error.message : String(error)));
  if (generated) {
    // Printed once, like Jupyter's token: only its hash is stored, so it cannot be shown again.
    console.log(
      [
        "",
        "  Button Studio generated an admin password (shown only this once):",
        "",
        `      ${generated}`,
        "",
        "  Sign in with it, or set ADMIN_PASSWORD to choose your own.",
        "",
      ].join("\n"),
    );
  }
}
