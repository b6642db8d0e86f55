import "server-only";
import pg from "pg";
import { DEFAULT_DATABASE_URL } from "./url";
import { forget, remember } from "@/lib/process/remember";

/**
 * PostgreSQL beside Prisma: one pool per process (Prisma's adapter uses it too, see
 * client.ts), a dedicated LISTEN connection, and NOTIFY.
 *
 * Timestamps: Prisma stores a DateTime on PostgreSQL as `timestamp(3) without time zone`
 * holding UTC, and writes it as the text `YYYY-MM-DD HH:MM:SS.mmm`. Raw SQL must do the
 * same: bind `pgTimestamp(date)` (a bare JS Date would be sent in the process's local time
 * zone, whose offset PostgreSQL then drops), and this pool reads such columns back as UTC
 * Dates. Sessions run with TimeZone=UTC so `now()` / CURRENT_TIMESTAMP defaults are UTC too.
 * BIGINT columns (MessageSnapshot.at) come back as strings, as pg returns them.
 */

const TIMESTAMP_OID = pg.types.builtins.TIMESTAMP;

/** Prisma's text format for a DateTime on PostgreSQL, so rows written by raw SQL read back through Prisma. */
export function pgTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** Reads a `timestamp without time zone` as the UTC it holds. */
export function fromPgTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? fromPgTimestamp : pg.types.getTypeParser(oid, format),
};

function urlOf(url?: string): string {
  return url || process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

function connectionConfig(url: string): pg.ClientConfig {
  // keepAlive: a connection whose server vanished is noticed (and the LISTEN one re-made).
  return { connectionString: url, options: "-c TimeZone=UTC", keepAlive: true, types };
}

/** The process's pool for `url` (default DATABASE_URL), shared by Prisma and raw SQL. */
export function getPgPool(url?: string): pg.Pool {
  const connectionString = urlOf(url);
  return remember(`pg-pool:${connectionString}`, () => {
    const pool = new pg.Pool(connectionConfig(connectionString));
    // An idle connection that drops (server restart, pg_terminate_backend) emits here; without a
    // listener Node would end the process. The pool discards it and makes a new one on demand.
    pool.on("error", (error) => console.error(`[pg] idle connection lost: ${error.message}`));
    return pool;
  });
}

/** NOTIFY payloads must be shorter than 8000 bytes (PostgreSQL's limit): send ids, not rows. */
export const NOTIFY_MAX_BYTES = 7999;

type Queryable = Pick<pg.ClientBase, "query">;

/**
 * Sends `payload` (at most NOTIFY_MAX_BYTES bytes of UTF-8) on `channel`. Given a client inside
 * a transaction, listeners get it only if and when that transaction commits.
 */
export async function notify(channel: string, payload: string, via: Queryable = getPgPool()): Promise<void> {
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > NOTIFY_MAX_BYTES) throw new Error(`NOTIFY payload on "${channel}" is ${bytes} bytes; the limit is ${NOTIFY_MAX_BYTES}`);
  // pg_notify takes the channel as a value, so any name works without quoting.
  await via.query("SELECT pg_notify($1, $2)", [channel, payload]);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One dedicated connection per process holds every LISTEN (a pooled one would be handed to
 * other queries). When it drops, it is re-made with backoff and every channel re-LISTENed;
 * notifications sent while it was down are lost, so `onReconnect` tells callers to catch up
 * from the database.
 */
class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  readonly reconnected = new Set<() => void>();
  private retryMs = 100;
  private closed = false;
  /** LISTEN / UNLISTEN one at a time: pg deprecates a second query on a client still running one (gone in pg 9). */
  private commands: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string) {}

  async add(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    set.add(handler);
    try {
      // LISTEN is idempotent; a connection made meanwhile already listens to it.
      await this.command(async () => (await this.connected()).query(`LISTEN ${quoteIdent(channel)}`));
    } catch (error) {
      this.remove(channel, handler);
      throw error;
    }
    return async () => {
      if (!this.remove(channel, handler) || !this.client) return;
      const client = this.client;
      await this.command(() => client.query(`UNLISTEN ${quoteIdent(channel)}`)).catch(() => undefined);
    };
  }

  private command<T>(run: () => Promise<T>): Promise<T> {
    const next = this.commands.then(run, run);
    this.commands = next.catch(() => undefined);
    return next;
  }

  /** Removes one handler; true when it was the channel's last. */
  private remove(channel: string, handler: (payload: string) => void): boolean {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client(connectionConfig(this.url));
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? "");
        } catch (error) {
          console.error(`[pg] a handler for "${message.channel}" failed`, error);
        }
      }
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    if (this.closed) {
      await client.end();
      throw new Error("the PostgreSQL listener was closed");
    }
    this.client = client;
    this.retryMs = 100;
    return client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.closed) return;
    console.error(`[pg] LISTEN connection lost${error ? `: ${error.message}` : ""}; reconnecting`);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    setTimeout(() => {
      if (this.closed) return;
      this.connected().then(
        () => this.reconnected.forEach((callback) => callback()),
        () => this.reconnectLater(),
      );
    }, delay).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

const listenerKey = (url: string) => `pg-listener:${url}`;

/**
 * Calls `onPayload` with every NOTIFY on `channel` (of the database at DATABASE_URL) once the
 * LISTEN is in place; resolves to a function that stops it. `onReconnect` runs after the
 * connection was lost and re-made, when notifications may have been missed.
 */
export function listen(
  channel: string,
  onPayload: (payload: string) => void,
  options: { url?: string; onReconnect?: () => void } = {},
): Promise<() => Promise<void>> {
  const url = urlOf(options.url);
  const listener = remember(listenerKey(url), () => new Listener(url));
  const { onReconnect } = options;
  if (onReconnect) listener.reconnected.add(onReconnect);
  return listener.add(channel, onPayload).then(
    (stop) => async () => {
      if (onReconnect) listener.reconnected.delete(onReconnect);
      await stop();
    },
    (error: unknown) => {
      if (onReconnect) listener.reconnected.delete(onReconnect);
      throw error;
    },
  );
}

/** Ends the process's pool and LISTEN connection for `url` (tests, shutdown). */
export async function closePg(url?: string): Promise<void> {
  const key = urlOf(url);
  const listener = remember<Listener | null>(listenerKey(key), () => null);
  const pool = remember<pg.Pool | null>(`pg-pool:${key}`, () => null);
  forget(listenerKey(key));
  forget(`pg-pool:${key}`);
  await listener?.close();
  await pool?.end();
}
