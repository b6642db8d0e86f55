import "server-only";
import type pg from "pg";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import type { SnapshotRow } from "@/lib/reactions/store";
import type { Answer, EventStored, EventWrite, Expected, InteractionStore, NewInteraction, PendingRow, StoredState } from "./store";

/**
 * The store on PostgreSQL through `pg`: every statement is a named query, so each pooled connection
 * parses and plans it once and then only binds values (a Prisma create per request would cost far
 * more). Identifiers are quoted as Prisma creates them. Timestamps are bound as Prisma's UTC text
 * (pgTimestamp) and read back as UTC Dates by the pool's type parser (lib/db/pg.ts).
 */
type Queryable = Pick<pg.ClientBase, "query">;
const named = (name: string, text: string) => (values: unknown[]): pg.QueryConfig => ({ name: `interactions.${name}`, text, values });

const COLUMNS = ["id", "endpointId", "platform", "eventId", "kind", "status", "actor", "scene", "control", "data", "subject", "summary", "headers", "body", "decoded", "reply", "replySource", "replyChannel", "receivedAt", "deadlineAt", "holdUntil", "answeredAt", "searchText"] as const;
const STATE = `"id", "status", "reply", "replySource"`;

const sql = {
  insert: named("insert", `INSERT INTO "Interaction" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})
    ON CONFLICT ("endpointId", "eventId") DO NOTHING`),
  // A separate statement after the insert: it sees a row a concurrent delivery committed while the insert waited for it.
  byEvent: named("by-event", `SELECT ${STATE} FROM "Interaction" WHERE "endpointId" = $1 AND "eventId" = $2`),
  // IS NOT DISTINCT FROM compares NULL too: a deferred fallback sets only the source, and an answer decided before it must lose.
  answer: named("answer", `UPDATE "Interaction" SET "status" = $4, "reply" = $5, "replySource" = $6, "replyChannel" = COALESCE($7, "replyChannel"), "answeredAt" = $8
    WHERE "id" = $1 AND "status" = $2 AND "replySource" IS NOT DISTINCT FROM $3`),
  state: named("state", `SELECT ${STATE} FROM "Interaction" WHERE "id" = $1`),
  handshake: named("handshake", `UPDATE "Endpoint" SET "handshakeAt" = $2, "handshakeOk" = $3 WHERE "id" = $1`),
  // The (endpointId, status, receivedAt, id) index, as on SQLite. One instance prunes an endpoint at a time (a
  // transaction-scoped advisory lock, tried once per statement): two deletes over the same rows could deadlock,
  // and the one that skips loses nothing, the next prune catches up.
  pruneRefused: named("prune-refused", `WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('refused-prune:' || $1::text)) AS mine)
    DELETE FROM "Interaction" WHERE (SELECT mine FROM turn) AND "endpointId" = $1 AND "status" = 'refused' AND ("receivedAt", "id") <=
      (SELECT "receivedAt", "id" FROM "Interaction" WHERE "endpointId" = $1 AND "status" = 'refused' ORDER BY "receivedAt" DESC, "id" DESC LIMIT 1 OFFSET $2)`),
  exhaustUpdates: named("exhaust-updates", `UPDATE "Interaction" SET "updates" = $2 WHERE "id" = $1`),
  refundUpdate: named("refund-update", `UPDATE "Interaction" SET "updates" = "updates" - 1 WHERE "id" = $1 AND "updates" > 0`),
  reserveUpdate: named("reserve-update", `UPDATE "Interaction" SET "updates" = "updates" + 1 WHERE "id" = $1 AND "updates" < $2`),
  recordUpdate: named("record-update", `UPDATE "Interaction" SET "status" = 'answered', "reply" = $2, "replySource" = COALESCE("replySource", 'manual'), "answeredAt" = COALESCE("answeredAt", $3) WHERE "id" = $1`),
  // Only a newer (or same-millisecond) `at` replaces the row: a late older callback changes nothing.
  snapshot: named("snapshot", `INSERT INTO "MessageSnapshot" ("endpointId", "messageId", "at", "state", "conversation", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT ("endpointId", "messageId") DO UPDATE SET "at" = excluded."at", "state" = excluded."state", "conversation" = excluded."conversation", "updatedAt" = excluded."updatedAt"
    WHERE excluded."at" >= "MessageSnapshot"."at"`),
  // Rows another sweeper holds are skipped, not waited for: each instance claims its own share.
  pending: named("claim-pending", `SELECT "id", "endpointId", "eventId", "kind", "control", "data", "status", "replySource", "receivedAt", "deadlineAt", "updates" FROM "Interaction"
    WHERE "status" = 'pending' AND "receivedAt" >= $2 AND "receivedAt" < $3 AND "platform" = $1
      AND ($4::timestamp(3) IS NULL OR ("replySource" IS NULL AND "deadlineAt" < $4::timestamp(3)))
    ORDER BY "receivedAt", "id" LIMIT $5 FOR UPDATE SKIP LOCKED`),
  expire: named("expire", `UPDATE "Interaction" SET "status" = 'expired' WHERE "id" = $1 AND "status" = 'pending' AND "replySource" IS NOT DISTINCT FROM $2`),
};

const optional = (date: Date | undefined) => (date ? pgTimestamp(date) : null);

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a refused body of random bytes, or a field a JSON
 * `\u0000` escape put in, is stored with U+FFFD there instead, as bytes that are not UTF-8 already are.
 */
const textSafe = (value: unknown) => (typeof value === "string" && value.includes("\0") ? value.replaceAll("\0", "\uFFFD") : value);

function rowValues(row: NewInteraction): unknown[] {
  const times = { receivedAt: pgTimestamp(row.receivedAt), deadlineAt: optional(row.deadlineAt), holdUntil: optional(row.holdUntil), answeredAt: optional(row.answeredAt) };
  const all: Record<string, unknown> = { ...row, ...times };
  return COLUMNS.map((column) => textSafe(all[column] ?? null));
}

const answerValues = (id: string, from: Expected, to: Answer) => [id, from.status, from.replySource, to.status, JSON.stringify(to.reply), to.replySource, to.channel ?? null, pgTimestamp(to.at)];

async function insertRow(db: Queryable, row: NewInteraction): Promise<StoredState | null> {
  const values = rowValues(row);
  const result = await db.query(sql.insert(values));
  if (result.rowCount === 1) return null;
  // The key as stored (values[1], values[3]: endpointId, eventId).
  return (await db.query<StoredState>(sql.byEvent([values[1], values[3]]))).rows[0] ?? null;
}

async function saveSnapshot(db: Queryable, row: SnapshotRow): Promise<boolean> {
  const result = await db.query(sql.snapshot([row.endpointId, row.messageId, row.at, row.state, row.conversation, pgTimestamp(row.updatedAt)]));
  return result.rowCount === 1;
}

async function storeEvents(db: Queryable, events: readonly EventWrite[]): Promise<EventStored[]> {
  const stored: EventStored[] = [];
  for (const { row, snapshot } of events) {
    const existing = await insertRow(db, row);
    stored.push({ existing, snapshotChanged: existing === null && snapshot ? await saveSnapshot(db, snapshot) : false });
    // A retried callback (its first event already stored) stores nothing more.
    if (existing && stored.length === 1) break;
  }
  return stored;
}

/** Runs `work` in one transaction on one pooled connection. */
async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPgPool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query("ROLLBACK").catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}

type RawPending = Omit<PendingRow, "receivedAt" | "deadlineAt"> & { receivedAt: Date; deadlineAt: Date | null };

export function pgInteractionStore(): InteractionStore {
  // The pool is looked up per call (a Map read): it belongs to whichever PostgreSQL DATABASE_URL names.
  const pool = () => getPgPool();
  return {
    insert: (row) => insertRow(pool(), row),
    // A single event is one autocommit statement; several are all or none.
    insertEvents: (events) => (events.length > 1 ? inTransaction((client) => storeEvents(client, events)) : storeEvents(pool(), events)),
    transition: async (id, from, to) => (await pool().query(sql.answer(answerValues(id, from, to)))).rowCount === 1,
    state: async (id) => (await pool().query<StoredState>(sql.state([id]))).rows[0],
    recordHandshake: async (endpointId, ok, at) => void (await pool().query(sql.handshake([endpointId, pgTimestamp(at), ok]))),
    reserveUpdate: async (id, max) => (await pool().query(sql.reserveUpdate([id, max]))).rowCount === 1,
    recordUpdate: async (id, reply, at) => void (await pool().query(sql.recordUpdate([id, JSON.stringify(reply), pgTimestamp(at)]))),
    refundUpdate: async (id) => void (await pool().query(sql.refundUpdate([id]))),
    exhaustUpdates: async (id, max) => void (await pool().query(sql.exhaustUpdates([id, max]))),
    pruneRefused: async (endpointId, keep) => void (await pool().query(sql.pruneRefused([endpointId, keep]))),
    saveSnapshot: (row) => saveSnapshot(pool(), row),
    // The claim: rows locked FOR UPDATE SKIP LOCKED, each write conditional as well (a timer on the instance that
    // received the row takes no lock, and its transition waits for this commit, then finds the row changed).
    claimPending: (query, settle) =>
      inTransaction(async (client) => {
        const due = query.undecidedDueBefore ? pgTimestamp(query.undecidedDueBefore) : null;
        const { rows } = await client.query<RawPending>(sql.pending([query.platform, pgTimestamp(query.receivedFrom ?? new Date(0)), pgTimestamp(query.receivedBefore), due, query.limit ?? null]));
        const won: PendingRow[] = [];
        for (const raw of rows) {
          const row: PendingRow = { ...raw, receivedAt: raw.receivedAt.getTime(), deadlineAt: raw.deadlineAt?.getTime() ?? null };
          const write = await settle(row);
          if (!write) continue;
          const from = { status: row.status, replySource: row.replySource };
          const result = await client.query(write.op === "expire" ? sql.expire([row.id, row.replySource]) : sql.answer(answerValues(row.id, from, write.to)));
          if (result.rowCount === 1) won.push(row);
        }
        return won;
      }),
  };
}
