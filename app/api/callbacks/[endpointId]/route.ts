import { getDb } from "@/lib/db";
import { readLimitedBody } from "@/lib/http/read-limited";
import { route } from "@/lib/http/route";
import { handleCallback } from "@/lib/interactions/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The public URL a platform calls; every request is signature-checked before anything else. */
export const POST = route<{ endpointId: string }>(async ({ request, params }) => {
  const answer = await handleCallback(params.endpointId, { headers: request.headers, body: await readLimitedBody(request) }, { db: getDb(), now: () => new Date() });
  return Response.json(answer.body, { status: answer.status });
});
