import "server-only";
import { CHANNELS, MAX_PAYLOAD_BYTES, type PgLink } from "@/lib/cluster/link";
import type { LiveBus, LiveEvent, LiveEventInput, LiveListener } from "./types";

/** Rows kept for Last-Event-ID resume (the in-memory bus keeps as many). */
export const KEEP = 2000;
/** Pruning runs once per this many events an instance writes: one indexed DELETE, amortized. */
const PRUNE_EVERY = 500;
/** Events waiting while the database is slow; past this the newest are dropped (they are display hints). */
const MAX_QUEUE = 20_000;
/**
 * Publishers on every instance take this transaction-level advisory lock, so ids are committed in
 * id order and NOTIFYs arrive in id order: a browser resuming after id n can never miss an n - 1
 * that committed later. (Other advisory locks in the project use other keys.)
 */
const ORDER_LOCK = 0x5354_4c49_5645; // "STLIVE"

const COLUMNS = `"id"::text AS "seq", "type", "ref", "endpointId", "status"`;

/**
 * One statement, one round trip, for a batch: lock, insert in publish order, NOTIFY the batch as a JSON
 * array. The commit is asynchronous (synchronous_commit off for this transaction only): an event lost
 * to a crash costs a browser a `reset`, and the lock is not held through a WAL flush.
 */
const INSERT = `WITH "lock" AS (SELECT pg_advisory_xact_lock(${ORDER_LOCK}), set_config('synchronous_commit', 'off', true)),
"added" AS (
  INSERT INTO "LiveEvent" ("type", "ref", "endpointId", "status")
  SELECT u.t, u.r, u.e, u.s FROM "lock", unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(t, r, e, s, n) ORDER BY u.n
  RETURNING "id", "type", "ref", "endpointId", "status"
)
SELECT pg_notify('${CHANNELS.live}', (SELECT json_agg(json_build_array("id", "type", "ref", "endpointId", "status") ORDER BY "id")::text FROM "added")),
  (SELECT max("id") FROM "added")::text AS "last"`;

interface Row {
  seq: string;
  type: LiveEvent["type"];
  ref: string;
  endpointId: string;
  status: string;
}

const TYPES = new Set<string>(["interaction.created", "interaction.updated", "snapshot.updated"]);

function fromRow(row: Row): LiveEvent {
  return { seq: Number(row.seq), type: row.type, id: row.ref, endpointId: row.endpointId, status: row.status };
}

/** A NOTIFY payload back into events; null for anything this code did not send. */
function parsePayload(payload: string): LiveEvent[] | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const events: LiveEvent[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 5) return null;
    const [seq, type, id, endpointId, status] = item as unknown[];
    if (typeof seq !== "number" || typeof type !== "string" || !TYPES.has(type) || typeof id !== "string" || typeof endpointId !== "string" || typeof status !== "string") return null;
    events.push({ seq, type: type as LiveEvent["type"], id, endpointId, status });
  }
  return events.length > 0 ? events : null;
}

/** What one event adds to the batch's payload (its array, the separator, the id's digits). */
function payloadBytes(event: LiveEventInput): number {
  return Buffer.byteLength(JSON.stringify([0, event.type, event.id, event.endpointId, event.status])) + 24;
}

export type PgBus = LiveBus & {
  /** LISTENs (once); resolves when a NOTIFY committed from now on will be heard. */
  start(): Promise<void>;
  /** Resolves when everything published so far is committed (tests). */
  flushed(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The live log shared by every instance on one PostgreSQL: an event is a row in "LiveEvent" (its
 * BIGSERIAL id is the SSE id everywhere) and a NOTIFY that every instance's LISTEN hands to its
 * streams. `publish` queues and returns at once; a single writer per instance sends what queued
 * while the previous batch was in flight, so a burst costs few statements.
 */
export function createPgBus(link: PgLink): PgBus {
  const queue: LiveEventInput[] = [];
  const listeners = new Set<LiveListener>();
  let writing: Promise<void> | null = null;
  let sincePrune = 0;
  let dropped = false;
  let listening: Promise<() => Promise<void>> | null = null;
  /** The newest id handed to listeners: a jump past it is read back from the table (a NOTIFY lost to a reconnect). */
  let lastSeen: number | null = null;
  let delivery = Promise.resolve();

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch();
      if (batch.length === 0) continue;
      try {
        const [result] = await link.query<{ last: string }>(INSERT, [batch.map((e) => e.type), batch.map((e) => e.id), batch.map((e) => e.endpointId), batch.map((e) => e.status)], "studio-live-insert");
        sincePrune += batch.length;
        if (sincePrune >= PRUNE_EVERY && result) {
          sincePrune = 0;
          await link.query(`DELETE FROM "LiveEvent" WHERE "id" <= $1`, [String(Number(result.last) - KEEP)]);
        }
      } catch (error) {
        console.error("live log: events not published", error);
      }
    }
  }

  function startWriting(): void {
    // An event queued after the loop saw an empty queue, but before this writer finished, starts the next one.
    writing = writeAll().finally(() => {
      writing = null;
      if (queue.length > 0) startWriting();
    });
  }

  /** The next events whose NOTIFY payload fits; one that can never fit is dropped (a huge message id). */
  function takeBatch(): LiveEventInput[] {
    const batch: LiveEventInput[] = [];
    let bytes = 2;
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      const size = payloadBytes(next);
      if (size + 2 > MAX_PAYLOAD_BYTES) {
        console.warn(`live log: an event for ${next.endpointId} is too large to announce`);
        queue.shift();
        continue;
      }
      if (bytes + size > MAX_PAYLOAD_BYTES) break;
      bytes += size;
      batch.push(next);
      queue.shift();
    }
    return batch;
  }

  function emit(events: LiveEvent[]): void {
    for (const event of events) {
      if (lastSeen !== null && event.seq <= lastSeen) continue;
      lastSeen = event.seq;
      for (const listener of listeners) {
        // One failing stream must not stop the others, nor every later event (the delivery chain).
        try {
          listener(event);
        } catch (error) {
          console.error("live log: a subscriber failed", error);
        }
      }
    }
  }

  /** Emits the rows after `lastSeen` (and before `before`): events whose NOTIFY this instance missed. */
  async function catchUp(before?: number): Promise<void> {
    if (lastSeen === null) return;
    try {
      const upper = before === undefined ? "" : ` AND "id" < ${before}`;
      const rows = await link.query<Row>(`SELECT ${COLUMNS} FROM "LiveEvent" WHERE "id" > $1${upper} ORDER BY "id" LIMIT ${KEEP}`, [String(lastSeen)]);
      emit(rows.map(fromRow));
    } catch (error) {
      console.error("live log: missed events not read back", error);
    }
  }

  async function deliver(events: LiveEvent[]): Promise<void> {
    const first = events[0]?.seq ?? 0;
    // Ids also skip when an insert rolled back; then the read finds nothing, which is right.
    if (lastSeen !== null && first > lastSeen + 1) await catchUp(first);
    emit(events);
  }

  function onNotify(payload: string): void {
    const events = parsePayload(payload);
    if (events) delivery = delivery.then(() => deliver(events)).catch((error: unknown) => console.error("live log: delivery failed", error));
  }

  function ensureListening(): Promise<() => Promise<void>> {
    // After a reconnect, what committed while the connection was down is read back at once.
    const reconnected = () => void (delivery = delivery.then(() => catchUp()));
    listening ??= link.listen(CHANNELS.live, onNotify, reconnected).catch((error: unknown) => {
      listening = null;
      throw error;
    });
    return listening;
  }

  return {
    publish(event) {
      if (queue.length >= MAX_QUEUE) {
        if (!dropped) console.warn("live log: the database is behind, events dropped");
        dropped = true;
        return;
      }
      dropped = false;
      queue.push(event);
      if (!writing) startWriting();
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureListening().catch((error: unknown) => console.error("live log: LISTEN failed", error));
      return () => listeners.delete(listener);
    },
    async eventsSince(lastEventId) {
      if (!/^[1-9][0-9]{0,14}$/.test(lastEventId)) return null;
      // LISTEN first: whatever commits after the read below arrives as a NOTIFY.
      await ensureListening();
      const rows = await link.query<Row>(`SELECT ${COLUMNS} FROM "LiveEvent" WHERE "id" >= $1 ORDER BY "id" LIMIT ${KEEP + 2}`, [lastEventId], "studio-live-since");
      // Pruned, never written (another database), or more missed than is kept: the client reloads its list.
      if (rows[0]?.seq !== lastEventId || rows.length > KEEP + 1) return null;
      return rows.slice(1).map(fromRow);
    },
    eventId: (event) => String(event.seq),
    start: () => ensureListening().then(() => undefined),
    async flushed() {
      while (writing) await writing;
    },
    async close() {
      const unlisten = await listening?.catch(() => null);
      listening = null;
      await unlisten?.();
    },
  };
}
