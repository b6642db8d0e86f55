import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { EXPORT_CONTENT_TYPES, exportFileName, exportInteractions, exportInteractionsQuery } from "@/lib/interactions/export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The list's view as a download: `?…the list's filters…&format=ndjson|csv`, streamed a page at a time. */
export const GET = route(async ({ request, locale }) => {
  const query = parseInput(exportInteractionsQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  // Checks the cursor before the answer starts: a bad one is a 400, not a broken download.
  const body = exportInteractions(getDb(), query, query.format);
  return new Response(body, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[query.format],
      "content-disposition": `attachment; filename="${exportFileName(query.format, new Date())}"`,
      "cache-control": "no-store",
    },
  });
});
