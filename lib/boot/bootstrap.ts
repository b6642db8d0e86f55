import { ensureAdminPassword } from "@/lib/auth/admin-password";
import { enableWal, getDb } from "@/lib/db";
import { startExpirySweep } from "@/lib/interactions/expire";

/** Once per server start, after `prisma migrate deploy` (scripts/start.mjs) has run. */
export async function bootstrap(): Promise<void> {
  const db = getDb();
  await enableWal(db);
  const generated = await ensureAdminPassword(db);
  startExpirySweep();
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
