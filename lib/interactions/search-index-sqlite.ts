import "server-only";
import { getSqlite, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite";
import type { SearchIndexStore } from "./search-index";

/**
 * SQLite: the rows past the mark ("InteractionSearchState".indexedUpTo, migration
 * 20261203120000_interaction_search_mark, which replaced the queue of 20261202130000_interaction_search) move
 * into the FTS5 index in one transaction, the oldest first, and the mark moves past them. A callback's insert
 * writes nothing for search (a queue row cost it a b-tree page, ~10 % of the insert at 200,000 rows); a batch
 * of trigram postings is far cheaper than one row at a time (each commit writes an index segment, ~100 µs
 * before any text). Rows are read by rowid range, the table's own key.
 */
export function sqliteSearchIndexStore(): SearchIndexStore {
  const db = getSqlite();
  const mark = db.prepare(`SELECT "indexedUpTo" AS upTo FROM "InteractionSearchState"`);
  const next = db.prepare(`SELECT max(rowid) AS upTo, count(*) AS rows FROM (SELECT rowid FROM "Interaction" WHERE rowid > ? ORDER BY rowid LIMIT ?)`);
  const index = db.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT rowid, "searchText" FROM "Interaction" WHERE rowid > ? AND rowid <= ? AND "searchText" IS NOT NULL`);
  const advance = db.prepare(`UPDATE "InteractionSearchState" SET "indexedUpTo" = ?`);
  const step = db.transaction((batch: number): number => {
    const { upTo: from } = mark.get() as { upTo: number };
    const { upTo, rows } = next.get(from, batch) as { upTo: number | null; rows: number };
    if (upTo === null) return 0;
    index.run(from, upTo);
    advance.run(upTo);
    return rows;
  });
  return {
    indexQueued: async (batch) => {
      // The connection waits up to 5 s for a busy database (busy_timeout), and it waits synchronously, on the event
      // loop every callback shares. Another writer (Prisma's connection, another process) may need that very loop
      // to finish and let go: the feeder would stall everything for 5 s and then fail. It never waits instead:
      // a busy database is simply tried again on the next run. BEGIN IMMEDIATE takes the write lock up front.
      db.pragma("busy_timeout = 0");
      try {
        return step.immediate(batch);
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_BUSY") return 0;
        throw error;
      } finally {
        db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      }
    },
  };
}
