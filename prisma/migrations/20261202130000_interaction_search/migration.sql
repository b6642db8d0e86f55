-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "searchText" TEXT;


-- SQLite only below: PostgreSQL runs postgresql.sql in this folder instead.
-- Search (issue 17): a trigram FTS5 index of Interaction.searchText under the row's rowid, holding no copy of
-- the text (contentless; contentless_delete lets a row leave by its rowid alone). detail=full keeps trigram
-- positions, so a query is one phrase that only a substring matches: without them, rows holding a query's
-- trigrams anywhere (the digits of any id) outnumbered the matches by a thousand. A callback's insert only queues its
-- rowid (InteractionSearchQueue): lib/interactions/search-index.ts indexes queued rows in batches, off the
-- callback path, and search reads the queued rows directly meanwhile. A row with search text is in one of the two.
-- A migration that rebuilds "Interaction" (Prisma's table redefinition) drops these triggers and renumbers the
-- rowids: it must create the triggers again, empty the index and queue every row.
CREATE VIRTUAL TABLE "InteractionSearch" USING fts5("searchText", content='', contentless_delete=1, tokenize='trigram', detail=full);
CREATE TABLE "InteractionSearchQueue" ("interaction" INTEGER NOT NULL PRIMARY KEY);
CREATE TRIGGER "Interaction_search_insert" AFTER INSERT ON "Interaction" BEGIN
  INSERT INTO "InteractionSearchQueue" ("interaction") VALUES (new.rowid);
END;
CREATE TRIGGER "Interaction_search_update" AFTER UPDATE OF "searchText" ON "Interaction" BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid;
  INSERT OR IGNORE INTO "InteractionSearchQueue" ("interaction") VALUES (new.rowid);
END;
CREATE TRIGGER "Interaction_search_delete" AFTER DELETE ON "Interaction" BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid;
  DELETE FROM "InteractionSearchQueue" WHERE "interaction" = old.rowid;
END;
