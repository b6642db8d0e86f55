import "server-only";
import type pg from "pg";
import { getPgPool } from "@/lib/db/pg";
import { DEFAULT_DATABASE_URL, databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";

/**
 * The simulator's state (the call log, QQ results, Feishu cards and card-update tokens, Discord interaction
 * tokens it sent, Easemob messages) as records of a kind: a log (append, list) or keyed records (get,
 * update). SQLite: one process is the whole cluster, so they stay in this process's memory, as fast as a Map.
 * PostgreSQL: every instance behind the load balancer must answer alike, so they are rows of
 * "SimulatorRecord", read and written by named queries through the process's pool.
 *
 * Order: a kind's records are kept oldest first. A log appends at the end; a keyed record is placed at the end
 * when created, and moved there when updated with `touch`. Bounds: past `limit` the oldest goes first.
 */
export interface SimulatorStore {
  /** Appends to a kind's log, keeping its newest `limit` records. */
  append(kind: string, value: unknown, limit: number): Promise<void>;
  /** A kind's records, oldest first. */
  list<T>(kind: string): Promise<T[]>;
  /** The keyed record, or null. */
  get<T>(kind: string, key: string): Promise<T | null>;
  /**
   * Reads the keyed record, lets `change` say what it becomes and what to answer, and writes that: one
   * update of a kind at a time across every instance, so a count is never lost. `change` returns no `value`
   * to leave the record as it was. A new record when the kind holds `limit` first makes room from the oldest,
   * if `evictable(oldest)` (default: always); when not, nothing is written and the answer is FULL.
   */
  update<T, R>(kind: string, key: string, change: (current: T | null) => Change<T, R>, options: UpdateOptions<T>): Promise<R | typeof FULL>;
  /** How many records the kind holds. */
  count(kind: string): Promise<number>;
}

export interface Change<T, R> {
  value?: T;
  result: R;
}

export interface UpdateOptions<T> {
  limit: number;
  /** Moves the record to the end (the newest) when it is written. */
  touch?: boolean;
  evictable?: (oldest: T) => boolean;
}

export const FULL = Symbol("full");

/** Today's in-memory state: a Map per kind keeps insertion order, an array per log. Values are stored as given. */
export function memorySimulatorStore(): SimulatorStore {
  const logs = new Map<string, unknown[]>();
  const keyed = new Map<string, Map<string, unknown>>();
  const mapOf = (kind: string) => {
    let map = keyed.get(kind);
    if (!map) keyed.set(kind, (map = new Map()));
    return map;
  };
  return {
    async append(kind, value, limit) {
      let log = logs.get(kind);
      if (!log) logs.set(kind, (log = []));
      log.push(value);
      if (log.length > limit) log.splice(0, log.length - limit);
    },
    async list<T>(kind: string) {
      return [...(logs.get(kind) ?? mapOf(kind).values())] as T[];
    },
    async get<T>(kind: string, key: string) {
      return (mapOf(kind).get(key) as T | undefined) ?? null;
    },
    async update<T, R>(kind: string, key: string, change: (current: T | null) => Change<T, R>, options: UpdateOptions<T>) {
      const map = mapOf(kind);
      const current = map.has(key) ? (map.get(key) as T) : null;
      const { value, result } = change(current);
      if (value === undefined) return result;
      if (current === null) {
        while (map.size >= options.limit) {
          const oldest = map.entries().next();
          if (oldest.done) break;
          if (options.evictable && !options.evictable(oldest.value[1] as T)) return FULL;
          map.delete(oldest.value[0]);
        }
      } else if (options.touch) {
        map.delete(key);
      }
      map.set(key, value);
      return result;
    },
    async count(kind) {
      return logs.get(kind)?.length ?? mapOf(kind).size;
    },
  };
}

/**
 * PostgreSQL text holds no U+0000 and a key may carry one (a separator): keys are stored as JSON strings,
 * values as JSON (whose escapes hold any string).
 */
const keyText = (key: string) => JSON.stringify(key);
const named = (name: string, text: string) => (values: unknown[]): pg.QueryConfig => ({ name: `simulator.${name}`, text, values });
/** One update of a kind at a time: a transaction-scoped advisory lock on two keys (a space the one-key locks elsewhere do not share). */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('simulator-record'), hashtext($1))`;

const sql = {
  append: named("append", `INSERT INTO "SimulatorRecord" ("kind", "value") VALUES ($1, $2)`),
  // Pruned by one instance at a time (tried, not waited for): the one that skips loses nothing, the next append catches up.
  prune: named("prune", `WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('simulator-prune'), hashtext($1)) AS mine)
    DELETE FROM "SimulatorRecord" WHERE (SELECT mine FROM turn) AND "kind" = $1 AND "id" <=
      (SELECT "id" FROM "SimulatorRecord" WHERE "kind" = $1 ORDER BY "id" DESC LIMIT 1 OFFSET $2)`),
  list: named("list", `SELECT "value" FROM "SimulatorRecord" WHERE "kind" = $1 ORDER BY "id"`),
  get: named("get", `SELECT "value" FROM "SimulatorRecord" WHERE "kind" = $1 AND "key" = $2`),
  lock: named("lock", LOCK),
  oldest: named("oldest", `SELECT "id", "value", (SELECT count(*)::int FROM "SimulatorRecord" WHERE "kind" = $1) AS "n" FROM "SimulatorRecord" WHERE "kind" = $1 ORDER BY "id" LIMIT 1`),
  remove: named("remove", `DELETE FROM "SimulatorRecord" WHERE "id" = $1`),
  insert: named("insert", `INSERT INTO "SimulatorRecord" ("kind", "key", "value") VALUES ($1, $2, $3)`),
  replace: named("replace", `UPDATE "SimulatorRecord" SET "value" = $3 WHERE "kind" = $1 AND "key" = $2`),
  // SET "id" = DEFAULT: the next id of the sequence, so the record becomes the kind's newest.
  replaceTouched: named("replace-touched", `UPDATE "SimulatorRecord" SET "value" = $3, "id" = DEFAULT WHERE "kind" = $1 AND "key" = $2`),
  count: named("count", `SELECT count(*)::int AS "n" FROM "SimulatorRecord" WHERE "kind" = $1`),
};

const parsed = <T>(rows: { value: string }[]): T[] => rows.map((row) => JSON.parse(row.value) as T);

export function pgSimulatorStore(url?: string): SimulatorStore {
  const pool = () => getPgPool(url);
  return {
    async append(kind, value, limit) {
      await pool().query(sql.append([kind, JSON.stringify(value)]));
      await pool().query(sql.prune([kind, limit]));
    },
    async list<T>(kind: string) {
      return parsed<T>((await pool().query<{ value: string }>(sql.list([kind]))).rows);
    },
    async get<T>(kind: string, key: string) {
      return parsed<T>((await pool().query<{ value: string }>(sql.get([kind, keyText(key)]))).rows)[0] ?? null;
    },
    async update<T, R>(kind: string, key: string, change: (current: T | null) => Change<T, R>, options: UpdateOptions<T>) {
      const client = await pool().connect();
      try {
        await client.query("BEGIN");
        await client.query(sql.lock([kind]));
        const [current = null] = parsed<T>((await client.query<{ value: string }>(sql.get([kind, keyText(key)]))).rows);
        const { value, result } = change(current);
        if (value === undefined) {
          await client.query("COMMIT");
          return result;
        }
        if (current === null) {
          let { rows } = await client.query<{ id: string; value: string; n: number }>(sql.oldest([kind]));
          while (rows[0] && rows[0].n >= options.limit) {
            if (options.evictable && !options.evictable(JSON.parse(rows[0].value) as T)) {
              await client.query("COMMIT");
              return FULL;
            }
            await client.query(sql.remove([rows[0].id]));
            ({ rows } = await client.query<{ id: string; value: string; n: number }>(sql.oldest([kind])));
          }
          await client.query(sql.insert([kind, keyText(key), JSON.stringify(value)]));
        } else {
          await client.query((options.touch ? sql.replaceTouched : sql.replace)([kind, keyText(key), JSON.stringify(value)]));
        }
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async count(kind) {
      return (await pool().query<{ n: number }>(sql.count([kind]))).rows[0]?.n ?? 0;
    },
  };
}

function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/**
 * State of this instance's simulator, remembered per process and per DATABASE_URL: one URL per server, and
 * two "instances" in one test process are two URLs of one database (lib/cluster/two-instances.ts).
 */
export function instanceState<T>(name: string, create: () => T): T {
  return remember(`simulator.${name}:${databaseUrl()}`, create);
}

/** The store of the database DATABASE_URL selects: memory on SQLite, rows on PostgreSQL. */
export function simulatorStore(): SimulatorStore {
  const url = databaseUrl();
  return instanceState("store", () => (databaseKind(url) === "postgres" ? pgSimulatorStore(url) : memorySimulatorStore()));
}
