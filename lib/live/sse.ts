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
      // Subscribed before the missed events are read (on PostgreSQL that read waits on the database):
      // what arrives meanwhile waits its turn, and the sequence numbers drop what the read already sent.
      let lastSent = 0;
      let waiting: LiveEvent[] | null = lastEventId ? [] : null;
      const sendEvent = (event: LiveEvent) => {
        if (event.seq <= lastSent) return;
        lastSent = event.seq;
        send(frame(event));
      };
      const unsubscribe = subscribe((event) => (waiting ? waiting.push(event) : sendEvent(event)));
      if (lastEventId) {
        const replay = (missed: LiveEvent[] | null) => {
          if (missed === null) send("event: reset\ndata: {}\n\n");
          else missed.forEach(sendEvent);
          const live = waiting ?? [];
          waiting = null;
          live.forEach(sendEvent);
        };
        eventsSince(lastEventId).then(replay, (error: unknown) => {
          console.error("live stream: missed events not read", error);
          replay(null);
        });
      }
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
