import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validateRequest, validateRequestInput } from "@/lib/templates/validate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async ({ request, locale }) => {
  const input = parseInput(validateRequestInput, await readJsonBody(request), locale);
  return Response.json(validateRequest(input, locale));
});
