import { isAuthorized } from "@/lib/auth/authorized";
import { liveStream } from "@/lib/live/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return new Response(liveStream(lastEventId, request.signal, () => isAuthorized(request.headers)), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
