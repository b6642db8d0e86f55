/** Small events only (ids and status); the inspector fetches details on demand. */
export interface LiveEvent {
  /** Orders events; on PostgreSQL the same number on every instance (LiveEvent.id). */
  seq: number;
  /** snapshot.updated: a message's state (reactions) changed; `id` is the message id. */
  type: "interaction.created" | "interaction.updated" | "snapshot.updated";
  id: string;
  endpointId: string;
  status: string;
}

export type LiveEventInput = Omit<LiveEvent, "seq">;

export type LiveListener = (event: LiveEvent) => void;

/** One live log: the in-memory one (SQLite, one process) or the shared one (PostgreSQL, every instance). */
export interface LiveBus {
  /** Never waits: the callback hot path calls it. */
  publish(event: LiveEventInput): void;
  subscribe(listener: LiveListener): () => void;
  /** Events after a Last-Event-ID, or null when they are no longer known (the client reloads its list instead). */
  eventsSince(lastEventId: string): Promise<LiveEvent[] | null>;
  /** The SSE id of an event. */
  eventId(event: LiveEvent): string;
}
