import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { reactionBoard, reactionBoardQuery } from "@/lib/reactions/board";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ request, locale }) => {
  const query = parseInput(reactionBoardQuery, Object.fromEntries(new URL(request.url).searchParams), locale);
  return Response.json(await reactionBoard(getDb(), query));
});
