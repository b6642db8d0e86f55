import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { updateTemplateInput } from "@/lib/templates/input";
import { getTemplate, removeTemplate, updateTemplate } from "@/lib/templates/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async ({ params }) => Response.json({ template: await getTemplate(getDb(), params.id) }));

export const PUT = route<Params>(async ({ request, params, locale }) => {
  const input = parseInput(updateTemplateInput, await readJsonBody(request), locale);
  return Response.json(await updateTemplate(getDb(), params.id, input, locale));
});

export const DELETE = route<Params>(async ({ params }) => {
  await removeTemplate(getDb(), params.id);
  return new Response(null, { status: 204 });
});
