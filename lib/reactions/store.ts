import "server-only";
import { interactionStore } from "@/lib/interactions/store";

export interface MessageSnapshotInput {
  /** Platform time of the change, ms. */
  at: number;
  state: unknown;
  conversation: Record<string, string>;
}

/** A snapshot as stored: the callback path writes it with the interaction that brought it (lib/interactions/store). */
export interface SnapshotRow {
  endpointId: string;
  messageId: string;
  at: number;
  state: string;
  conversation: string;
  updatedAt: Date;
}

/** Clocks differ; a day ahead is not a clock any more. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The row to store for a message's state, or null when its time is too far ahead to be believed. */
export function snapshotRow(endpointId: string, messageId: string, snapshot: MessageSnapshotInput, now: Date): SnapshotRow | null {
  // No platform time: the time it arrived. A time far ahead would freeze the message's state: ignored.
  const at = snapshot.at > 0 ? Math.trunc(snapshot.at) : now.getTime();
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) return null;
  return { endpointId, messageId, at, state: JSON.stringify(snapshot.state), conversation: JSON.stringify(snapshot.conversation), updatedAt: now };
}

/**
 * Stores a message's whole state unless a newer (or same-millisecond: two users at once) one is
 * stored; returns whether it changed. A late older callback changes nothing.
 */
export async function saveSnapshot(endpointId: string, messageId: string, snapshot: MessageSnapshotInput, now: Date): Promise<boolean> {
  const row = snapshotRow(endpointId, messageId, snapshot, now);
  return row !== null && (await interactionStore().saveSnapshot(row));
}
