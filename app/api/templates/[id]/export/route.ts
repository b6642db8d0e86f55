import { z } from "zod";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { exportTemplate } from "@/lib/templates/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `form`: "message" (default, the send-message body) or one of the platform's extra exports. */
const exportQuery = z.object({ version: z.coerce.number().int().positive().optional(), form: z.string().max(40).optional() });

export const GET = route<{ id: string }>(async ({ request, params, locale }) => {
  const { version, form } = parseInput(exportQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  return Response.json(await exportTemplate(getDb(), params.id, version, form));
});
