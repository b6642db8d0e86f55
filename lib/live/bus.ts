import "server-only";
import { processLink } from "@/lib/cluster/process-link";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";
import { memoryBus } from "./memory-bus";
import { createPgBus } from "./pg-bus";
import type { LiveBus, LiveEvent, LiveEventInput, LiveListener } from "./types";

export type { LiveEvent, LiveEventInput } from "./types";

/**
 * SQLite (one process): the in-memory bus, nothing written on the hot path. PostgreSQL (any number of
 * instances): the shared log in "LiveEvent" with LISTEN/NOTIFY, ids the same on every instance.
 * Chosen at first use, when DATABASE_URL is settled.
 */
function bus(): LiveBus & { start?: () => Promise<void> } {
  return remember<LiveBus & { start?: () => Promise<void> }>("live-bus-for-database", () => (databaseKind() === "postgres" ? createPgBus(processLink()) : memoryBus()));
}

/** On PostgreSQL, LISTENs now rather than at the first stream (lib/cluster/start.ts); nothing on SQLite. */
export async function startLiveLog(): Promise<void> {
  await bus().start?.();
}

/** Announces an event; never waits (on PostgreSQL it is queued and written in the background). */
export function publish(event: LiveEventInput): void {
  bus().publish(event);
}

export function subscribe(listener: LiveListener): () => void {
  return bus().subscribe(listener);
}

/** Events after a Last-Event-ID, or null when they are no longer known (the client reloads its list instead). */
export function eventsSince(lastEventId: string): Promise<LiveEvent[] | null> {
  return bus().eventsSince(lastEventId);
}

/** The SSE id of an event (`<boot>-<seq>` in memory, the global id on PostgreSQL). */
export function eventId(event: LiveEvent): string {
  return bus().eventId(event);
}
