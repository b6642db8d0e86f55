import "server-only";
import { getPgPool } from "@/lib/db/pg";
import type { SearchIndexStore } from "./search-index";

/**
 * PostgreSQL: one statement claims a batch of the queue (SKIP LOCKED: instances feeding at once take
 * different rows), copies their text into "InteractionSearch" (its GIN index takes it there, in one go) and
 * drops them from the queue. An interaction deleted meanwhile is skipped; one deleted between the read and
 * the copy fails the batch's foreign key, which leaves the batch queued for the next run to skip it. The rows
 * are read by primary key from the batch's ids (= ANY(ARRAY(…))): as a join the planner may scan the table.
 */
const INDEX_QUEUED = `WITH batch AS (
    DELETE FROM "InteractionSearchQueue" WHERE "interactionId" IN (
      SELECT "interactionId" FROM "InteractionSearchQueue" LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING "interactionId"
  ), copied AS (
    INSERT INTO "InteractionSearch" ("interactionId", "searchText")
    SELECT "id", "searchText" FROM "Interaction" WHERE "id" = ANY(ARRAY(SELECT "interactionId" FROM batch)) AND "searchText" IS NOT NULL
    ON CONFLICT ("interactionId") DO UPDATE SET "searchText" = EXCLUDED."searchText"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM batch)::int AS taken, (SELECT count(*) FROM copied)::int AS copied`;

export function pgSearchIndexStore(): SearchIndexStore {
  return {
    indexQueued: async (batch) => (await getPgPool().query<{ taken: number }>({ name: "search.index-queued", text: INDEX_QUEUED, values: [batch] })).rows[0]!.taken,
  };
}
