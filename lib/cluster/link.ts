import "server-only";
import { randomUUID } from "node:crypto";

/**
 * What the cross-instance features (live log, held-request release, cache invalidation) need of
 * PostgreSQL: statements on a pool, LISTEN and NOTIFY. Each feature takes one, so a test can run two
 * "instances" (two links with their own LISTEN connections) on one database in one process.
 */
export interface PgLink {
  /** Tells holders which instance asks, so an acknowledgement goes back to the asker only. */
  readonly instance: string;
  /** `name` makes it a prepared statement (parsed and planned once per connection): for the hot ones. */
  query<Row>(text: string, values?: unknown[], name?: string): Promise<Row[]>;
  /**
   * Resolves once the LISTEN is in place: a NOTIFY committed after that reaches `fn`. `onReconnect`
   * runs when the LISTEN connection was lost and re-made: notifications may have been missed.
   */
  listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

/** The channels, in one place so no two features share one by accident. */
export const CHANNELS = {
  live: "studio_live",
  release: "studio_release",
  releaseAck: "studio_release_ack",
  endpoint: "studio_endpoint",
} as const;

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; what is sent stays under this. */
export const MAX_PAYLOAD_BYTES = 7900;

export function newInstanceId(): string {
  return randomUUID().slice(0, 8);
}
