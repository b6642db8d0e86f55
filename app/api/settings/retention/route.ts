import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { retentionInput, retentionView, saveRetention } from "@/lib/settings/retention";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `{stored, effective, fromEnv, lastRun}`: what is saved, what applies (the environment wins), the last run. */
export const GET = route(async () => Response.json(await retentionView(getDb())));

/** `{days?, maxPerEndpoint?}`: whole numbers, or null for no limit; a limit left out stays as it is. */
export const PUT = route(async ({ request, locale }) => {
  const input = parseInput(retentionInput, await readJsonBody(request), locale);
  return Response.json(await saveRetention(getDb(), input));
});
