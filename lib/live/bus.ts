import "server-only";

/** Small events only (ids and status); the inspector fetches details on demand. */
export interface LiveEvent {
  seq: number;
  type: "interaction.created" | "interaction.updated";
  id: string;
  endpointId: string;
  status: string;
}

type Listener = (event: LiveEvent) => void;

interface Bus {
  seq: number;
  recent: LiveEvent[];
  listeners: Set<Listener>;
}

/** Enough for a browser that lost its connection for a while to catch up with Last-Event-ID. */
const RECENT_LIMIT = 2000;

// On globalThis: a custom server lane and Next's bundle must publish to the same bus.
const holder = globalThis as typeof globalThis & { __buttonStudioBus?: Bus };
const bus = (holder.__buttonStudioBus ??= { seq: 0, recent: [], listeners: new Set() });

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

/** Events after `seq`, or null when they are no longer kept (the client reloads its list instead). */
export function eventsSince(seq: number): LiveEvent[] | null {
  if (seq >= bus.seq) return [];
  const oldest = bus.recent[0]?.seq ?? bus.seq + 1;
  if (seq + 1 < oldest) return null;
  return bus.recent.filter((event) => event.seq > seq);
}
