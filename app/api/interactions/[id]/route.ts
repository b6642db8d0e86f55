import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getInteraction } from "@/lib/interactions/list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ params }) => Response.json(await getInteraction(getDb(), params.id)));
