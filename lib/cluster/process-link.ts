import "server-only";
import { getPgPool, listen, notify } from "@/lib/db/pg";
import { remember } from "@/lib/process/remember";
import { newInstanceId, type PgLink } from "./link";

/**
 * A link over lib/db/pg.ts for the database at `url` (default DATABASE_URL). Each distinct url has
 * its own pool and LISTEN connection there, so tests make two instances on one database with two
 * spellings of its URL (e.g. a different application_name).
 */
export function createPgLink(url?: string): PgLink {
  const pool = getPgPool(url);
  return {
    instance: newInstanceId(),
    query: async <Row>(text: string, values?: unknown[], name?: string) => (await pool.query({ text, values, name })).rows as Row[],
    listen: (channel, fn, onReconnect) => listen(channel, fn, { url, onReconnect }),
    notify: (channel, payload) => notify(channel, payload, pool),
  };
}

/** This process's link (one per process: the lane and Next's bundle share it). */
export function processLink(): PgLink {
  return remember("pg-cluster-link", () => createPgLink());
}
