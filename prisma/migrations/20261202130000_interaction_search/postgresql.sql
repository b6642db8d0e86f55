-- Search (issue 17): pg_trgm over a copy of Interaction.searchText in a table of its own, so that neither a
-- callback's insert nor an answer's update (a new row version, which every index of "Interaction" takes)
-- pays for the GIN index. A trigger queues the interaction's id (InteractionSearchQueue);
-- lib/interactions/search-index.ts copies queued rows in batches on whichever instance claims them, and
-- search reads the queued rows directly meanwhile.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE "InteractionSearch" (
  "interactionId" TEXT NOT NULL PRIMARY KEY REFERENCES "Interaction" ("id") ON DELETE CASCADE,
  "searchText" TEXT NOT NULL
);
CREATE INDEX "InteractionSearch_searchText_idx" ON "InteractionSearch" USING gin ("searchText" gin_trgm_ops);
-- No foreign key: a callback's insert pays no check, and a deleted interaction's id leaves with the next batch.
CREATE TABLE "InteractionSearchQueue" ("interactionId" TEXT NOT NULL PRIMARY KEY);
CREATE FUNCTION "interaction_search_queue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InteractionSearchQueue" ("interactionId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Interaction_search_queue" AFTER INSERT OR UPDATE OF "searchText" ON "Interaction"
  FOR EACH ROW EXECUTE FUNCTION "interaction_search_queue"();
