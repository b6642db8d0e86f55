import "server-only";
import Database from "better-sqlite3";
import { resolveSqlitePath } from "./url";
import { remember } from "@/lib/process/remember";

/** How long a statement on the direct connection waits for another writer (synchronously: see search-index-sqlite.ts). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * A direct better-sqlite3 connection to the same file, for the callback hot path:
 * a prepared insert costs ~35 µs where a Prisma create costs ~800 µs (measured here).
 */
export function getSqlite(): Database.Database {
  return remember("sqlite-connection", () => {
    const db = new Database(resolveSqlitePath());
    db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL skips the fsync per commit; a committed row still survives the
    // process being killed (only an OS crash or power loss can take the last commits).
    db.pragma("synchronous = NORMAL");
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return db;
  });
}

/** Prisma's own text format for DateTime on SQLite, so rows written here read back through Prisma. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
