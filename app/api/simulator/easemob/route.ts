import { getDb } from "@/lib/db";
import { publicOrigin } from "@/lib/endpoints/view";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { reactionSimulationInput, simulateReaction } from "@/lib/simulator/easemob";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async ({ request, locale }) => {
  const input = parseInput(reactionSimulationInput, await readJsonBody(request), locale);
  return Response.json(await simulateReaction(getDb(), input, publicOrigin(request), locale));
});
