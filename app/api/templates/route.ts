import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { createTemplateInput, listTemplatesQuery } from "@/lib/templates/input";
import { createTemplate, listTemplates } from "@/lib/templates/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ request, locale }) => {
  const query = parseInput(listTemplatesQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  return Response.json(await listTemplates(getDb(), query));
});

export const POST = route(async ({ request, locale }) => {
  const input = parseInput(createTemplateInput, await readJsonBody(request), locale);
  return Response.json(await createTemplate(getDb(), input, locale), { status: 201 });
});
