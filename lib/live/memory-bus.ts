import "server-only";
import { remember } from "@/lib/process/remember";
import type { LiveBus, LiveEvent, LiveEventInput, LiveListener } from "./types";

interface State {
  /** Changes every start: a Last-Event-ID from before a restart asks for a reset, not for "nothing new". */
  boot: string;
  seq: number;
  recent: LiveEvent[];
  listeners: Set<LiveListener>;
}

/** Enough for a browser that lost its connection for a while to catch up with Last-Event-ID. */
const RECENT_LIMIT = 2000;

/**
 * The live log of a single process (SQLite): nothing is written anywhere, an event reaches the
 * listeners synchronously. One per process: the custom server's lane and Next's bundle must
 * publish to the same bus.
 */
export function memoryBus(): LiveBus & { publishNow(event: LiveEventInput): LiveEvent; eventsSinceNow(lastEventId: string): LiveEvent[] | null } {
  const bus = remember<State>("live-bus", () => ({ boot: Date.now().toString(36), seq: 0, recent: [], listeners: new Set() }));

  function publishNow(event: LiveEventInput): LiveEvent {
    const full = { ...event, seq: ++bus.seq };
    bus.recent.push(full);
    if (bus.recent.length > RECENT_LIMIT) bus.recent.splice(0, bus.recent.length - RECENT_LIMIT);
    for (const listener of bus.listeners) listener(full);
    return full;
  }

  function eventsSinceNow(lastEventId: string): LiveEvent[] | null {
    const [boot, raw] = lastEventId.split("-");
    const seq = Number(raw);
    if (boot !== bus.boot || !Number.isInteger(seq) || seq > bus.seq) return null;
    if (seq === bus.seq) return [];
    const oldest = bus.recent[0]?.seq ?? bus.seq + 1;
    if (seq + 1 < oldest) return null;
    return bus.recent.filter((event) => event.seq > seq);
  }

  return {
    publishNow,
    eventsSinceNow,
    publish: (event) => void publishNow(event),
    subscribe(listener) {
      bus.listeners.add(listener);
      return () => bus.listeners.delete(listener);
    },
    eventsSince: (lastEventId) => Promise.resolve(eventsSinceNow(lastEventId)),
    /** `<boot>-<seq>`. */
    eventId: (event) => `${bus.boot}-${event.seq}`,
  };
}
