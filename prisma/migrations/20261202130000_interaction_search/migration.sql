-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "searchText" TEXT;


-- SQLite only below: PostgreSQL runs postgresql.sql in this folder instead.
-- Search (issue 17): a trigram FTS5 index of Interaction.searchText under the row's rowid, holding no copy of
-- the text (contentless; contentless_delete lets a row leave by its rowid alone). detail=full keeps trigram
-- positions, so a query is one phrase that only a substring matches: without them, rows holding a query's
-- trigrams anywhere (the digits of any id) outnumbered the matches by a thousand.
-- A callback's insert writes nothing here: lib/interactions/search-index.ts indexes the rows past
-- "indexedUpTo" in batches, off the callback path, and search reads those rows directly meanwhile. Rows up to it
-- that have search text are in the index; the triggers keep it so when such a row's text changes or it goes.
-- SQLite gives a new row max(rowid) + 1, so when the newest rows go their rowids come back: the mark drops to
-- the highest rowid left. A migration that rebuilds "Interaction" (Prisma's table redefinition) drops these
-- triggers and renumbers the rowids: it must create the triggers again, empty the index and set the mark to 0.
CREATE VIRTUAL TABLE "InteractionSearch" USING fts5("searchText", content='', contentless_delete=1, tokenize='trigram', detail=full);
CREATE TABLE "InteractionSearchState" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), "indexedUpTo" INTEGER NOT NULL);
INSERT INTO "InteractionSearchState" ("id", "indexedUpTo") VALUES (1, 0);
CREATE TRIGGER "Interaction_search_update" AFTER UPDATE OF "searchText" ON "Interaction"
WHEN old.rowid <= (SELECT "indexedUpTo" FROM "InteractionSearchState") BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid;
  INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT new.rowid, new."searchText" WHERE new."searchText" IS NOT NULL;
END;
CREATE TRIGGER "Interaction_search_delete" AFTER DELETE ON "Interaction"
WHEN old.rowid <= (SELECT "indexedUpTo" FROM "InteractionSearchState") BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid;
  UPDATE "InteractionSearchState" SET "indexedUpTo" = (SELECT coalesce(max(rowid), 0) FROM "Interaction")
    WHERE "indexedUpTo" > (SELECT coalesce(max(rowid), 0) FROM "Interaction");
END;
