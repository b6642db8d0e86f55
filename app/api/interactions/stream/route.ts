import { isAuthorized } from "@/lib/auth/authorized";
import { liveStream } from "@/lib/live/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * liveStream asks at each heartbeat, synchronously; the session lookup is a database read, so each
 * heartbeat reads the answer of the check the previous one started: a logout ends the stream
 * within two heartbeats. Starts as authorized: proxy.ts has just let this request through.
 */
function checkedEachHeartbeat(headers: Headers): () => boolean {
  let authorized = true;
  const check = () => void isAuthorized(headers).then((ok) => (authorized = ok), () => (authorized = false));
  return () => {
    const answer = authorized;
    check();
    return answer;
  };
}

export function GET(request: Request): Response {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return new Response(liveStream(lastEventId, request.signal, checkedEachHeartbeat(request.headers)), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
