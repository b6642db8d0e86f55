import "server-only";
import { getSqlite, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite";
import type { SearchIndexStore } from "./search-index";

/**
 * SQLite: the oldest queued rowids move into the FTS5 index in one transaction (their text read from
 * "Interaction"; a row deleted meanwhile left the queue with it, by trigger). A batch of trigram postings is
 * far cheaper than one row at a time: each commit writes a new index segment, ~100 µs before any text.
 * CROSS JOIN reads the queue first: without statistics SQLite read all of "Interaction" instead (300 ms a step
 * at 200,000 rows).
 */
export function sqliteSearchIndexStore(): SearchIndexStore {
  const db = getSqlite();
  const last = db.prepare(`SELECT max("interaction") AS upTo FROM (SELECT "interaction" FROM "InteractionSearchQueue" ORDER BY "interaction" LIMIT ?)`);
  const index = db.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText")
    SELECT i.rowid, i."searchText" FROM "InteractionSearchQueue" q CROSS JOIN "Interaction" i ON i.rowid = q."interaction"
    WHERE q."interaction" <= ? AND i."searchText" IS NOT NULL`);
  const dequeue = db.prepare(`DELETE FROM "InteractionSearchQueue" WHERE "interaction" <= ?`);
  const step = db.transaction((batch: number): number => {
    const { upTo } = last.get(batch) as { upTo: number | null };
    if (upTo === null) return 0;
    index.run(upTo);
    return dequeue.run(upTo).changes;
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
