import { getDb } from "@/lib/db";
import { updateEndpointInput } from "@/lib/endpoints/input";
import { getEndpoint, removeEndpoint, updateEndpoint } from "@/lib/endpoints/service";
import { publicOrigin } from "@/lib/endpoints/view";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { withTunnel } from "../with-tunnel";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async ({ request, params }) => Response.json(withTunnel(await getEndpoint(getDb(), params.id, publicOrigin(request)))));

export const PUT = route<Params>(async ({ request, params, locale }) => {
  const input = parseInput(updateEndpointInput, await readJsonBody(request), locale);
  return Response.json(withTunnel(await updateEndpoint(getDb(), params.id, input, publicOrigin(request), locale)));
});

export const DELETE = route<Params>(async ({ params }) => {
  await removeEndpoint(getDb(), params.id);
  return new Response(null, { status: 204 });
});
