import "server-only";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { remember } from "@/lib/process/remember";

export interface MessageSnapshotInput {
  /** Platform time of the change, ms. */
  at: number;
  state: unknown;
  conversation: Record<string, string>;
}

/** Clocks differ; a day ahead is not a clock any more. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

function statements() {
  // Only a newer (or same-millisecond: two users at once) `at` replaces the row: a late older callback
  // changes nothing. Retries never get here: their event ids are already stored.
  return {
    upsert: getSqlite().prepare(`INSERT INTO "MessageSnapshot" (endpointId, messageId, at, state, conversation, updatedAt)
      VALUES (@endpointId, @messageId, @at, @state, @conversation, @updatedAt)
      ON CONFLICT (endpointId, messageId) DO UPDATE SET at = excluded.at, state = excluded.state, conversation = excluded.conversation, updatedAt = excluded.updatedAt
      WHERE excluded.at >= "MessageSnapshot".at`),
  };
}

const prepared = () => remember("reactions.snapshotStatements", statements);

/** Stores a message's whole state unless a newer one is stored; returns whether it changed. Synchronous, for the callback path. */
export function saveSnapshot(endpointId: string, messageId: string, snapshot: MessageSnapshotInput, now: Date): boolean {
  // No platform time: the time it arrived. A time far ahead would freeze the message's state: ignored.
  const at = snapshot.at > 0 ? Math.trunc(snapshot.at) : now.getTime();
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) return false;
  const result = prepared().upsert.run({
    endpointId,
    messageId,
    at,
    state: JSON.stringify(snapshot.state),
    conversation: JSON.stringify(snapshot.conversation),
    updatedAt: sqliteTimestamp(now),
  });
  return result.changes === 1;
}
