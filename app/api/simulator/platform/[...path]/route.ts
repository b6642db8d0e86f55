import { getDb } from "@/lib/db";
import { readLimitedBody } from "@/lib/http/read-limited";
import { route } from "@/lib/http/route";
import { answerPlatformCall } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const PREFIX = "/api/simulator/platform";

/**
 * Public like the platforms' APIs it stands in for, and guarded like them: each stand-in requires
 * a token the simulator issued (or the app's id and secret for one). Bodies are size-limited.
 */
const handle = route(async ({ request }) => {
  const bodyText = (await readLimitedBody(request, 64 * 1024)).toString("utf8");
  // The path as sent (still percent-encoded): a stand-in decodes only the segments it reads.
  const pathname = new URL(request.url).pathname;
  const path = pathname.startsWith(`${PREFIX}/`) ? pathname.slice(PREFIX.length) : "/";
  const answer = await answerPlatformCall(getDb(), { method: request.method, path, authorization: request.headers.get("authorization"), bodyText });
  return Response.json(answer.body, { status: answer.status });
});

export { handle as GET, handle as PATCH, handle as POST, handle as PUT };
