import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { answerInteraction } from "@/lib/interactions/answer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ request, params, locale }) =>
  Response.json(await answerInteraction(getDb(), params.id, await readJsonBody(request), locale)),
);
