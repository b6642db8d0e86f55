import { getDb } from "@/lib/db";
import { publicOrigin } from "@/lib/endpoints/view";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { replayInput, replayInteraction } from "@/lib/simulator/send";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ request, params, locale }) => {
  const input = parseInput(replayInput, await readJsonBody(request), locale);
  return Response.json(await replayInteraction(getDb(), params.id, input, publicOrigin(request), locale));
});
