import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { figuresQuery, getFigures } from "@/lib/interactions/figures";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * `?endpointId=<id>`: that endpoint's figures over the last hour and day (404 for an unknown one); without it,
 * every endpoint's together. Behind the sign-in like the rest of the API (proxy.ts).
 */
export const GET = route(async ({ request, locale }) => {
  const query = parseInput(figuresQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  return Response.json(await getFigures(getDb(), query), { headers: { "cache-control": "no-store" } });
});
