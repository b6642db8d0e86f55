import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listTemplateVersions } from "@/lib/templates/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ params }) =>
  Response.json({ versions: await listTemplateVersions(getDb(), params.id) }),
);
