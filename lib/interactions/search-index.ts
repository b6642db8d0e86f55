import "server-only";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";
import { pgSearchIndexStore } from "./search-index-pg";
import { sqliteSearchIndexStore } from "./search-index-sqlite";

/**
 * Feeds the text index search uses (issue 17) in the background, so that a callback's insert does not pay for
 * it: the trigrams of a row's ~400 characters cost SQLite ~0.2 ms even in batches (more one at a time: each
 * commit writes an index segment), more than the rest of the insert, and PostgreSQL's GIN index more. SQLite
 * indexes the rows past a mark (the insert writes nothing; migration 20261203120000_interaction_search_mark); on
 * PostgreSQL a trigger queues each row (migration 20261202130000_interaction_search). Until a row is indexed,
 * search tests it directly (list-sqlite.ts, list-pg.ts), so a row is found from the moment it is stored.
 */
export interface SearchIndexStore {
  /** Indexes up to `batch` of the oldest rows not indexed yet in one transaction; how many it took. */
  indexQueued(batch: number): Promise<number>;
}

export function searchIndexStore(): SearchIndexStore {
  const kind = databaseKind();
  return remember(`search-index-store:${kind}`, () => (kind === "postgres" ? pgSearchIndexStore() : sqliteSearchIndexStore()));
}

/**
 * Rows per transaction. SQLite indexes on the process's one connection, blocking its event loop meanwhile:
 * 100 rows is ~20 ms; PostgreSQL works on the server, so bigger batches only cost it.
 */
const BATCH = { sqlite: 100, postgres: 500 } as const;
/**
 * Steps per run, a run every RUN_EVERY_MS: SQLite indexes at most 1,000 rows a second, a fifth of its event
 * loop, so a burst of callbacks is served first and the queue drains after it (searches read the queue meanwhile).
 */
const STEPS_PER_RUN = 5;
const RUN_EVERY_MS = 500;

/** Indexes queued rows until the queue is empty or `maxSteps` batches ran; how many rows were indexed. */
export async function indexQueuedSearch(maxSteps = Infinity): Promise<number> {
  const store = searchIndexStore();
  const batch = BATCH[databaseKind()];
  let indexed = 0;
  for (let step = 0; step < maxSteps; step++) {
    const taken = await store.indexQueued(batch);
    indexed += taken;
    if (taken < batch) break;
    // Callbacks are served between steps.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return indexed;
}

/** Runs the feeder every RUN_EVERY_MS in this process, never two runs at once (on PostgreSQL every instance feeds). */
export function startSearchIndexer(): void {
  remember("search-indexer", () => {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      void indexQueuedSearch(STEPS_PER_RUN)
        .catch((error: unknown) => console.error("[search] indexing queued interactions failed:", error instanceof Error ? error.message : String(error)))
        .finally(() => (running = false));
    };
    setInterval(run, RUN_EVERY_MS).unref();
    return true;
  });
}
