import "server-only";
import { remember } from "@/lib/process/remember";

/** Small events only (ids and status); the inspector fetches details on demand. */
export interface LiveEvent {
  seq: number;
  /** snapshot.updated: a message's state (reactions) changed; `id` is the message id. */
  type: "interaction.created" | "interaction.updated" | "snapshot.updated";
  id: string;
  endpointId: string;
  status: string;
}

type Listener = (event: LiveEvent) => void;

interface Bus {
  /** Changes every start: a Last-Event-ID from before a restart asks for a reset, not for "nothing new". */
  boot: string;
  seq: number;
  recent: LiveEvent[];
  listeners: Set<Listener>;
}

/** Enough for a browser that lost its connection for a while to catch up with Last-Event-ID. */
const RECENT_LIMIT = 2000;

// One per process: the custom server's lane and Next's bundle must publish to the same bus.
const bus = remember<Bus>("live-bus", () => ({ boot: Date.now().toString(36), seq: 0, recent: [], listeners: new Set() }));

/** The SSE id of an event: `<boot>-<seq>`. */
export function eventId(event: LiveEvent): string {
  return `${bus.boot}-${event.seq}`;
}

export function publish(event: Omit<LiveEvent, "seq">): LiveEvent {
  const full = { ...event, seq: ++bus.seq };
  bus.recent.push(full);
  if (bus.recent.length > RECENT_LIMIT) bus.recent.splice(0, bus.recent.length - RECENT_LIMIT);
  for (const listener of bus.listeners) listener(full);
  return full;
}

export function subscribe(listener: Listener): () => void {
  bus.listeners.add(listener);
  return () => bus.listeners.delete(listener);
}

/** Events after a Last-Event-ID, or null when they are no longer known (the client reloads its list instead). */
export function eventsSince(lastEventId: string): LiveEvent[] | null {
  const [boot, raw] = lastEventId.split("-");
  const seq = Number(raw);
  if (boot !== bus.boot || !Number.isInteger(seq) || seq > bus.seq) return null;
  if (seq === bus.seq) return [];
  const oldest = bus.recent[0]?.seq ?? bus.seq + 1;
  if (seq + 1 < oldest) return null;
  return bus.recent.filter((event) => event.seq > seq);
}
