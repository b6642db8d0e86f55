import { readLimitedBody } from "@/lib/http/read-limited";
import { route } from "@/lib/http/route";
import { answerPlatformCall } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Public (this server calls it), so bodies are size-limited like every other input.
const handle = route<{ path: string[] }>(async ({ request, params }) => {
  const body = (await readLimitedBody(request, 64 * 1024)).toString("utf8");
  const answer = answerPlatformCall(request.method, `/${params.path.join("/")}`, request.headers.get("authorization"), body);
  return Response.json(answer.body, { status: answer.status });
});

export { handle as GET, handle as PATCH, handle as POST, handle as PUT };
