import "server-only";
import type pg from "pg";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";

/** A row's place in (receivedAt, id) order, in the database's own text for the time, so it compares as the database does. */
export interface RowKey {
  at: string;
  id: string;
}

/** One batch: how many rows went, and where the next batch starts (null: this one found the last of them). */
export interface RemovalStep {
  removed: number;
  next: RowKey | null;
}

/**
 * The statements of a retention run. Each removal is one batch: the oldest `batch` removable rows after
 * `after`, chosen in (receivedAt, id) order through an index and deleted by primary key, in one short
 * transaction. Pending rows are never chosen, nor rows received at or after `before`.
 */
export interface RetentionSteps {
  /** Rows received before `before`, any endpoint (the (receivedAt, id) index). */
  removeOlder(before: Date, after: RowKey | null, batch: number): Promise<RemovalStep>;
  endpointIds(): Promise<string[]>;
  /**
   * An endpoint's row `skip` places older than `from` in newest-first order (`from` itself is place 0; null
   * starts at the newest row), or null when it has no row that far: an index walk of `skip` entries (the
   * (endpointId, receivedAt, id) index), so callers keep `skip` small and take long walks in steps.
   */
  olderBy(endpointId: string, from: RowKey | null, skip: number): Promise<RowKey | null>;
  /** An endpoint's rows at or before `boundary` and received before `before`. */
  removeBeyond(endpointId: string, boundary: RowKey, before: Date, after: RowKey | null, batch: number): Promise<RemovalStep>;
}

export interface RetentionStore {
  /**
   * Runs `work` unless a run is already under way anywhere: null then. On PostgreSQL a session advisory
   * lock, tried once, held by the connection the whole run uses, so one instance removes at a time (two
   * deleting the same rows would only wait on each other's row locks) and a dead instance's lock goes
   * with its connection. On SQLite one process is the whole cluster.
   */
  exclusively<T>(work: (steps: RetentionSteps) => Promise<T>): Promise<T | null>;
}

const step = (ids: readonly RowKey[], batch: number, removed: number): RemovalStep => ({ removed, next: ids.length < batch ? null : ids.at(-1)! });

function sqliteStore(): RetentionStore {
  const db = getSqlite();
  // '' sorts before any time text or id: the first batch starts at the oldest row. U+FFFF sorts after any time text.
  const START: RowKey = { at: "", id: "" };
  const NEWEST: RowKey = { at: "\uffff", id: "" };
  const s = {
    older: db.prepare(`SELECT receivedAt AS at, id FROM "Interaction" WHERE receivedAt < @before AND (receivedAt, id) > (@afterAt, @afterId) AND status <> 'pending'
      ORDER BY receivedAt, id LIMIT @batch`),
    endpoints: db.prepare(`SELECT id FROM "Endpoint" ORDER BY id`),
    olderBy: db.prepare(`SELECT receivedAt AS at, id FROM "Interaction" WHERE endpointId = @endpointId AND (receivedAt, id) <= (@fromAt, @fromId)
      ORDER BY receivedAt DESC, id DESC LIMIT 1 OFFSET @skip`),
    beyond: db.prepare(`SELECT receivedAt AS at, id FROM "Interaction" WHERE endpointId = @endpointId AND (receivedAt, id) <= (@capAt, @capId) AND (receivedAt, id) > (@afterAt, @afterId)
      AND receivedAt < @before AND status <> 'pending' ORDER BY receivedAt, id LIMIT @batch`),
  };
  // By primary key, the status checked again: nothing can turn a row pending, but the delete must never take one.
  const removeIds = db.transaction((select: () => RowKey[], batch: number): RemovalStep => {
    const rows = select();
    let removed = 0;
    if (rows.length > 0) removed = db.prepare(`DELETE FROM "Interaction" WHERE id IN (${rows.map(() => "?").join(", ")}) AND status <> 'pending'`).run(...rows.map((r) => r.id)).changes;
    return step(rows, batch, removed);
  });
  const running = remember("retention-running", () => ({ now: false }));
  const steps: RetentionSteps = {
    removeOlder: async (before, after, batch) => {
      const from = after ?? START;
      return removeIds(() => s.older.all({ before: sqliteTimestamp(before), afterAt: from.at, afterId: from.id, batch }) as RowKey[], batch);
    },
    endpointIds: async () => (s.endpoints.all() as { id: string }[]).map((r) => r.id),
    olderBy: async (endpointId, from, skip) => {
      const { at, id } = from ?? NEWEST;
      return (s.olderBy.get({ endpointId, fromAt: at, fromId: id, skip }) as RowKey | undefined) ?? null;
    },
    removeBeyond: async (endpointId, boundary, before, after, batch) => {
      const from = after ?? START;
      const select = () => s.beyond.all({ endpointId, capAt: boundary.at, capId: boundary.id, afterAt: from.at, afterId: from.id, before: sqliteTimestamp(before), batch }) as RowKey[];
      return removeIds(select, batch);
    },
  };
  return {
    exclusively: async (work) => {
      if (running.now) return null;
      running.now = true;
      try {
        return await work(steps);
      } finally {
        running.now = false;
      }
    },
  };
}

const named = (name: string, text: string) => (values: unknown[]): pg.QueryConfig => ({ name: `retention.${name}`, text, values });
const pgSql = {
  lock: named("lock", `SELECT pg_try_advisory_lock(hashtext('interaction-retention')) AS mine`),
  unlock: named("unlock", `SELECT pg_advisory_unlock(hashtext('interaction-retention'))`),
  older: named("older", `SELECT "receivedAt" AS at, "id" FROM "Interaction" WHERE "receivedAt" < $1::timestamp(3) AND ("receivedAt", "id") > ($2::timestamp(3), $3::text)
    AND "status" <> 'pending' ORDER BY "receivedAt", "id" LIMIT $4`),
  endpoints: named("endpoints", `SELECT "id" FROM "Endpoint" ORDER BY "id"`),
  olderBy: named("older-by", `SELECT "receivedAt" AS at, "id" FROM "Interaction" WHERE "endpointId" = $1 AND ("receivedAt", "id") <= ($2::timestamp(3), $3::text)
    ORDER BY "receivedAt" DESC, "id" DESC LIMIT 1 OFFSET $4`),
  beyond: named("beyond", `SELECT "receivedAt" AS at, "id" FROM "Interaction" WHERE "endpointId" = $1 AND ("receivedAt", "id") <= ($2::timestamp(3), $3::text)
    AND ("receivedAt", "id") > ($4::timestamp(3), $5::text) AND "receivedAt" < $6::timestamp(3) AND "status" <> 'pending' ORDER BY "receivedAt", "id" LIMIT $7`),
  remove: named("remove", `DELETE FROM "Interaction" WHERE "id" = ANY($1::text[]) AND "status" <> 'pending'`),
};

function pgStore(): RetentionStore {
  // Before (after) every time PostgreSQL has: the first batch starts at the oldest row, a walk at the newest.
  const START: RowKey = { at: "-infinity", id: "" };
  const NEWEST: RowKey = { at: "infinity", id: "" };
  // The pool reads timestamps as Dates; keys go back as the same UTC text they were stored as.
  const keys = (rows: { at: Date; id: string }[]): RowKey[] => rows.map((r) => ({ at: pgTimestamp(r.at), id: r.id }));
  const stepsOn = (client: pg.PoolClient): RetentionSteps => {
    // Two autocommit statements: a row chosen and then removed meanwhile by someone else is simply not counted.
    const remove = async (rows: RowKey[], batch: number) => step(rows, batch, rows.length === 0 ? 0 : ((await client.query(pgSql.remove([rows.map((r) => r.id)]))).rowCount ?? 0));
    return {
      removeOlder: async (before, after, batch) => {
        const from = after ?? START;
        return remove(keys((await client.query<{ at: Date; id: string }>(pgSql.older([pgTimestamp(before), from.at, from.id, batch]))).rows), batch);
      },
      endpointIds: async () => (await client.query<{ id: string }>(pgSql.endpoints([]))).rows.map((r) => r.id),
      olderBy: async (endpointId, from, skip) => {
        const { at, id } = from ?? NEWEST;
        return keys((await client.query<{ at: Date; id: string }>(pgSql.olderBy([endpointId, at, id, skip]))).rows)[0] ?? null;
      },
      removeBeyond: async (endpointId, boundary, before, after, batch) => {
        const from = after ?? START;
        const { rows } = await client.query<{ at: Date; id: string }>(pgSql.beyond([endpointId, boundary.at, boundary.id, from.at, from.id, pgTimestamp(before), batch]));
        return remove(keys(rows), batch);
      },
    };
  };
  return {
    exclusively: async (work) => {
      const client = await getPgPool().connect();
      let broken = false;
      try {
        const { rows } = await client.query<{ mine: boolean }>(pgSql.lock([]));
        if (!rows[0]?.mine) return null;
        try {
          return await work(stepsOn(client));
        } finally {
          // A connection that cannot unlock is closed instead, which ends its lock too.
          await client.query(pgSql.unlock([])).catch(() => (broken = true));
        }
      } catch (error) {
        // Whatever went wrong may have been the connection: it is not given back to the pool.
        broken = true;
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

/** The store for the database DATABASE_URL selects (read each time: tests switch between both). */
export function retentionStore(): RetentionStore {
  const kind = databaseKind();
  return remember(`retention-store:${kind}`, () => (kind === "postgres" ? pgStore() : sqliteStore()));
}
