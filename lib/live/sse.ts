import "server-only";
import { eventId, eventsSince, subscribe, type LiveEvent } from "./bus";

const HEARTBEAT_MS = 15_000;

function frame(event: LiveEvent): string {
  return `id: ${eventId(event)}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * The live inspector's event stream. With Last-Event-ID the client gets what it
 * missed; when that is no longer kept it gets `reset` and reloads its list.
 */
export function liveStream(lastEventId: string | null, signal: AbortSignal, stillAuthorized: () => boolean = () => true): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send("retry: 2000\n\n");
      if (lastEventId) {
        const missed = eventsSince(lastEventId);
        if (missed === null) send("event: reset\ndata: {}\n\n");
        else missed.forEach((event) => send(frame(event)));
      }
      const unsubscribe = subscribe((event) => send(frame(event)));
      // The gate checked the session when the stream opened; a logout since then must cut it off too.
      const heartbeat = setInterval(() => (stillAuthorized() ? send(": keep-alive\n\n") : stop()), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", stop);
    },
    cancel() {
      stop();
    },
  });
}
