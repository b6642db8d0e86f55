import "server-only";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";

export interface MessageSnapshotInput {
  /** Platform time of the change, ms. */
  at: number;
  state: unknown;
  conversation: Record<string, string>;
}

function statements() {
  // Only a strictly newer `at` replaces the row: a late or retried older callback changes nothing.
  return {
    upsert: getSqlite().prepare(`INSERT INTO "MessageSnapshot" (endpointId, messageId, at, state, conversation, updatedAt)
      VALUES (@endpointId, @messageId, @at, @state, @conversation, @updatedAt)
      ON CONFLICT (endpointId, messageId) DO UPDATE SET at = excluded.at, state = excluded.state, conversation = excluded.conversation, updatedAt = excluded.updatedAt
      WHERE excluded.at > "MessageSnapshot".at`),
  };
}

const holder = globalThis as typeof globalThis & { __buttonStudioSnapshotStatements?: ReturnType<typeof statements> };
const prepared = () => (holder.__buttonStudioSnapshotStatements ??= statements());

/** Stores a message's whole state unless a newer one is stored; returns whether it changed. Synchronous, for the callback path. */
export function saveSnapshot(endpointId: string, messageId: string, snapshot: MessageSnapshotInput, now: Date): boolean {
  const result = prepared().upsert.run({
    endpointId,
    messageId,
    at: Math.trunc(snapshot.at),
    state: JSON.stringify(snapshot.state),
    conversation: JSON.stringify(snapshot.conversation),
    updatedAt: sqliteTimestamp(now),
  });
  return result.changes === 1;
}
