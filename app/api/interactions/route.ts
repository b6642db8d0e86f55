import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { listInteractions, listInteractionsQuery } from "@/lib/interactions/list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ request, locale }) => {
  const query = parseInput(listInteractionsQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  return Response.json(await listInteractions(getDb(), query));
});
