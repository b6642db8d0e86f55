import { getDb } from "@/lib/db";
import { createEndpointInput } from "@/lib/endpoints/input";
import { createEndpoint, listEndpoints } from "@/lib/endpoints/service";
import { publicOrigin } from "@/lib/endpoints/view";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { withTunnel } from "./with-tunnel";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ request }) => Response.json({ endpoints: (await listEndpoints(getDb(), publicOrigin(request))).map(withTunnel) }));

export const POST = route(async ({ request, locale }) => {
  const input = parseInput(createEndpointInput, await readJsonBody(request), locale);
  return Response.json(withTunnel(await createEndpoint(getDb(), input, publicOrigin(request), locale)), { status: 201 });
});
