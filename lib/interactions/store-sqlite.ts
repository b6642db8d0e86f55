import "server-only";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import type { SnapshotRow } from "@/lib/reactions/store";
import type { EventStored, EventWrite, InteractionStore, NewInteraction, PendingRow, StoredState } from "./store";

/**
 * The store on better-sqlite3: prepared statements on one connection, run synchronously (a prepared
 * insert costs ~35 µs where a Prisma create costs ~800 µs). The async interface only wraps results:
 * nothing else can run between a statement and the next on this connection.
 */
function statements() {
  const db = getSqlite();
  return {
    insert: db.prepare(`INSERT INTO "Interaction" (id, endpointId, platform, eventId, kind, status, actor, scene, control, data, subject, summary, headers, body, decoded, reply, replySource, replyChannel, receivedAt, deadlineAt, holdUntil, answeredAt, searchText)
      VALUES (@id, @endpointId, @platform, @eventId, @kind, @status, @actor, @scene, @control, @data, @subject, @summary, @headers, @body, @decoded, @reply, @replySource, @replyChannel, @receivedAt, @deadlineAt, @holdUntil, @answeredAt, @searchText)
      ON CONFLICT (endpointId, eventId) DO NOTHING`),
    byEvent: db.prepare(`SELECT id, status, reply, replySource FROM "Interaction" WHERE endpointId = ? AND eventId = ?`),
    // `IS` compares NULL too: a deferred fallback sets only the source, and an answer decided before it must lose.
    answer: db.prepare(`UPDATE "Interaction" SET status = @status, reply = @reply, replySource = @replySource, replyChannel = COALESCE(@replyChannel, replyChannel), answeredAt = @answeredAt
      WHERE id = @id AND status = @from AND replySource IS @fromSource`),
    state: db.prepare(`SELECT id, status, reply, replySource FROM "Interaction" WHERE id = ?`),
    handshake: db.prepare(`UPDATE "Endpoint" SET handshakeAt = ?, handshakeOk = ? WHERE id = ?`),
    // Both halves walk the (endpointId, status, receivedAt, id) index over this endpoint's refused rows
    // only: the cost is the rows kept plus the rows deleted, however many other interactions there are.
    pruneRefused: db.prepare(`DELETE FROM "Interaction" WHERE endpointId = @endpointId AND status = 'refused' AND (receivedAt, id) <=
      (SELECT receivedAt, id FROM "Interaction" WHERE endpointId = @endpointId AND status = 'refused' ORDER BY receivedAt DESC, id DESC LIMIT 1 OFFSET @keep)`),
    exhaustUpdates: db.prepare(`UPDATE "Interaction" SET updates = @max WHERE id = @id`),
    refundUpdate: db.prepare(`UPDATE "Interaction" SET updates = updates - 1 WHERE id = ? AND updates > 0`),
    reserveUpdate: db.prepare(`UPDATE "Interaction" SET updates = updates + 1 WHERE id = @id AND updates < @max`),
    recordUpdate: db.prepare(`UPDATE "Interaction" SET status = 'answered', reply = @reply, replySource = COALESCE(replySource, 'manual'), answeredAt = COALESCE(answeredAt, @at) WHERE id = @id`),
    // Only a newer (or same-millisecond: two users at once) `at` replaces the row: a late older callback
    // changes nothing. Retries never get here: their event ids are already stored.
    snapshot: db.prepare(`INSERT INTO "MessageSnapshot" (endpointId, messageId, at, state, conversation, updatedAt)
      VALUES (@endpointId, @messageId, @at, @state, @conversation, @updatedAt)
      ON CONFLICT (endpointId, messageId) DO UPDATE SET at = excluded.at, state = excluded.state, conversation = excluded.conversation, updatedAt = excluded.updatedAt
      WHERE excluded.at >= "MessageSnapshot".at`),
    // Through the (status, receivedAt, id) index: pending rows are few, whatever the table holds.
    pending: db.prepare(`SELECT id, endpointId, eventId, kind, control, data, status, replySource, receivedAt, deadlineAt, updates FROM "Interaction"
      WHERE status = 'pending' AND receivedAt >= @from AND receivedAt < @before AND platform = @platform
        AND (@dueBefore IS NULL OR (replySource IS NULL AND deadlineAt < @dueBefore))
      ORDER BY receivedAt, id LIMIT @limit`),
    expire: db.prepare(`UPDATE "Interaction" SET status = 'expired' WHERE id = @id AND status = 'pending' AND replySource IS @fromSource`),
  };
}

type Statements = ReturnType<typeof statements>;

const optional = (date: Date | undefined) => (date ? sqliteTimestamp(date) : null);
/** Text columns come back as written; timestamps as Prisma's text (an ISO string). */
const millis = (text: string) => Date.parse(text);

function insertRow(s: Statements, row: NewInteraction): StoredState | null {
  const result = s.insert.run({
    ...row,
    actor: row.actor ?? null,
    scene: row.scene ?? null,
    control: row.control ?? null,
    data: row.data ?? null,
    subject: row.subject ?? null,
    summary: row.summary ?? null,
    decoded: row.decoded ?? null,
    reply: row.reply ?? null,
    replySource: row.replySource ?? null,
    replyChannel: row.replyChannel ?? null,
    searchText: row.searchText ?? null,
    receivedAt: sqliteTimestamp(row.receivedAt),
    deadlineAt: optional(row.deadlineAt),
    holdUntil: optional(row.holdUntil),
    answeredAt: optional(row.answeredAt),
  });
  return result.changes === 1 ? null : ((s.byEvent.get(row.endpointId, row.eventId) as StoredState | undefined) ?? null);
}

function saveSnapshot(s: Statements, row: SnapshotRow): boolean {
  return s.snapshot.run({ ...row, updatedAt: sqliteTimestamp(row.updatedAt) }).changes === 1;
}

function storeEvents(s: Statements, events: readonly EventWrite[]): EventStored[] {
  const stored: EventStored[] = [];
  for (const { row, snapshot } of events) {
    const existing = insertRow(s, row);
    stored.push({ existing, snapshotChanged: existing === null && snapshot ? saveSnapshot(s, snapshot) : false });
    // A retried callback (its first event already stored) stores nothing more.
    if (existing && stored.length === 1) break;
  }
  return stored;
}

export function sqliteInteractionStore(): InteractionStore {
  const s = statements();
  const db = getSqlite();
  // A single event is one autocommit insert: an explicit transaction around it costs ~3× as much (measured).
  const storeInOne = db.transaction((events: readonly EventWrite[]) => storeEvents(s, events));
  return {
    insert: async (row) => insertRow(s, row),
    insertEvents: async (events) => (events.length > 1 ? storeInOne(events) : storeEvents(s, events)),
    transition: async (id, from, to) =>
      s.answer.run({ id, from: from.status, fromSource: from.replySource, status: to.status, reply: JSON.stringify(to.reply), replySource: to.replySource, replyChannel: to.channel ?? null, answeredAt: sqliteTimestamp(to.at) }).changes === 1,
    state: async (id) => s.state.get(id) as StoredState | undefined,
    recordHandshake: async (endpointId, ok, at) => void s.handshake.run(sqliteTimestamp(at), ok ? 1 : 0, endpointId),
    reserveUpdate: async (id, max) => s.reserveUpdate.run({ id, max }).changes === 1,
    recordUpdate: async (id, reply, at) => void s.recordUpdate.run({ id, reply: JSON.stringify(reply), at: sqliteTimestamp(at) }),
    refundUpdate: async (id) => void s.refundUpdate.run(id),
    exhaustUpdates: async (id, max) => void s.exhaustUpdates.run({ id, max }),
    pruneRefused: async (endpointId, keep) => void s.pruneRefused.run({ endpointId, keep }),
    saveSnapshot: async (row) => saveSnapshot(s, row),
    // SQLite has no row locks to skip: the conditional update alone is the claim (still exactly one wins).
    claimPending: async (query, settle) => {
      type Raw = Omit<PendingRow, "receivedAt" | "deadlineAt"> & { receivedAt: string; deadlineAt: string | null };
      const raw = s.pending.all({
        platform: query.platform,
        from: sqliteTimestamp(query.receivedFrom ?? new Date(0)),
        before: sqliteTimestamp(query.receivedBefore),
        dueBefore: optional(query.undecidedDueBefore),
        limit: query.limit ?? -1,
      }) as Raw[];
      const won: PendingRow[] = [];
      for (const r of raw) {
        const row: PendingRow = { ...r, receivedAt: millis(r.receivedAt), deadlineAt: r.deadlineAt === null ? null : millis(r.deadlineAt) };
        const write = await settle(row);
        if (!write) continue;
        const from = { id: row.id, fromSource: row.replySource };
        const changed =
          write.op === "expire"
            ? s.expire.run(from).changes
            : s.answer.run({ ...from, from: row.status, status: write.to.status, reply: JSON.stringify(write.to.reply), replySource: write.to.replySource, replyChannel: write.to.channel ?? null, answeredAt: sqliteTimestamp(write.to.at) }).changes;
        if (changed === 1) won.push(row);
      }
      return won;
    },
  };
}
