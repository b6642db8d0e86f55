import { getDb } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { runRetentionNow } from "@/lib/interactions/retention";
import { retentionView } from "@/lib/settings/retention";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Applies the limits now (after changing them, a developer should not wait for the next minute); the view with this run. */
export const POST = route(async () => {
  const run = await runRetentionNow(getDb());
  if (run === "running") throw new HttpError(409, "retention_running", "retentionRunning", {});
  return Response.json(await retentionView(getDb()));
});
