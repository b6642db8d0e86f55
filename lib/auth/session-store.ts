import "server-only";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";

/** The Session table's four statements, on whichever database DATABASE_URL selects. */
export interface SessionStore {
  insert(id: string, createdAt: Date, expiresAt: Date): Promise<void>;
  /** Whether the row exists and has not expired by `now`. */
  live(id: string, now: Date): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Deletes what has expired (Session_expiresAt_idx: a range delete, nothing else is read). */
  prune(now: Date): Promise<void>;
}

/** A prepared primary-key read costs a few µs here: cheap enough for proxy.ts to run on every request. */
function sqliteSessions(): SessionStore {
  const db = getSqlite();
  const insert = db.prepare('INSERT INTO "Session" ("id", "createdAt", "expiresAt") VALUES (?, ?, ?)');
  const find = db.prepare('SELECT 1 FROM "Session" WHERE "id" = ? AND "expiresAt" > ?').pluck();
  const remove = db.prepare('DELETE FROM "Session" WHERE "id" = ?');
  const prune = db.prepare('DELETE FROM "Session" WHERE "expiresAt" <= ?');
  return {
    insert: async (id, createdAt, expiresAt) => void insert.run(id, sqliteTimestamp(createdAt), sqliteTimestamp(expiresAt)),
    live: async (id, now) => find.get(id, sqliteTimestamp(now)) === 1,
    remove: async (id) => void remove.run(id),
    prune: async (now) => void prune.run(sqliteTimestamp(now)),
  };
}

/** Named queries: each pooled connection plans them once. */
function pgSessions(): SessionStore {
  const query = (name: string, text: string, values: unknown[]) => getPgPool().query({ name: `sessions.${name}`, text, values });
  return {
    insert: async (id, createdAt, expiresAt) => void (await query("insert", 'INSERT INTO "Session" ("id", "createdAt", "expiresAt") VALUES ($1, $2, $3)', [id, pgTimestamp(createdAt), pgTimestamp(expiresAt)])),
    live: async (id, now) => (await query("find", 'SELECT 1 FROM "Session" WHERE "id" = $1 AND "expiresAt" > $2', [id, pgTimestamp(now)])).rowCount === 1,
    remove: async (id) => void (await query("remove", 'DELETE FROM "Session" WHERE "id" = $1', [id])),
    prune: async (now) => void (await query("prune", 'DELETE FROM "Session" WHERE "expiresAt" <= $1', [pgTimestamp(now)])),
  };
}

export function sessionStore(): SessionStore {
  const kind = databaseKind();
  return remember(`session-store:${kind}`, () => (kind === "postgres" ? pgSessions() : sqliteSessions()));
}
