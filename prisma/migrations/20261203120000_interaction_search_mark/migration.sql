-- SQLite only below: PostgreSQL runs postgresql.sql in this folder instead.
-- Search (issue 17), SQLite: a callback's insert writes nothing for search any more. Until now a trigger queued
-- each new row's rowid (InteractionSearchQueue, migration 20261202130000_interaction_search, which is applied
-- and so stays as it was), and that queue row cost the insert a b-tree page, ~10 % of it at 200,000 rows.
-- Instead lib/interactions/search-index.ts indexes the rows past "indexedUpTo" in batches, by rowid range, off
-- the callback path, and search reads those rows directly meanwhile. Rows up to it that have search text are in
-- the index; the triggers keep it so when such a row's text changes or it goes. SQLite gives a new row
-- max(rowid) + 1, so when the newest rows go their rowids come back: the mark drops to the highest rowid left.
-- A migration that rebuilds "Interaction" (Prisma's table redefinition) drops these triggers and renumbers the
-- rowids: it must create the triggers again, empty the index and set the mark to 0.
--
-- From the queue to the mark, losing and repeating nothing: a queued row is not in the index (the old update
-- trigger took it out when it queued it), and every other row with search text is. The mark goes just below
-- the oldest queued row (the highest rowid when nothing is queued, 0 on an empty table), and the rows above it
-- that were indexed leave the index, for the feeder to index them again with the rest. The delete names every
-- rowid above the mark: deleting a rowid a contentless_delete FTS5 table does not hold changes nothing
-- (lib/db/search-mark-migration.test.ts), while indexing a rowid it holds would keep both entries.
CREATE TABLE "InteractionSearchState" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), "indexedUpTo" INTEGER NOT NULL);
INSERT INTO "InteractionSearchState" ("id", "indexedUpTo")
  VALUES (1, coalesce((SELECT min("interaction") - 1 FROM "InteractionSearchQueue"), (SELECT max(rowid) FROM "Interaction"), 0));
DELETE FROM "InteractionSearch" WHERE rowid IN (SELECT rowid FROM "Interaction" WHERE rowid > (SELECT "indexedUpTo" FROM "InteractionSearchState"));
DROP TRIGGER "Interaction_search_insert";
DROP TRIGGER "Interaction_search_update";
DROP TRIGGER "Interaction_search_delete";
DROP TABLE "InteractionSearchQueue";
-- A segment of the FTS5 index with a tenth of its rows deleted is rewritten whole by the next automatic merge
-- (FTS5's 'deletemerge', 10 % by default), in the statement that deleted them: the index built over every row at
-- once is one segment, and retention's 500-row deletes then took up to 3.4 s each at 100,000 rows (p90 2.9 s),
-- with SQLite, and the event loop every callback shares, held for all of it. Without it the same batches took at
-- most 120 ms. Deleted rows' entries are dropped when their segment merges with others, as new rows come in.
INSERT INTO "InteractionSearch" ("InteractionSearch", rank) VALUES ('deletemerge', 0);
CREATE TRIGGER "Interaction_search_update" AFTER UPDATE OF "searchText" ON "Interaction"
WHEN old.rowid <= (SELECT "indexedUpTo" FROM "InteractionSearchState") BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid;
  INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT new.rowid, new."searchText" WHERE new."searchText" IS NOT NULL;
END;
-- The delete trigger runs for every row, not only those up to the mark: when the last rows above the mark go after
-- the last one below it (an endpoint's rows deleted oldest first, by cascade), the mark must still drop to what is
-- left, or the rowids SQLite hands out again would sit below it, never indexed and never read as unindexed.
-- The index entry goes first, while the mark still says whether there is one.
CREATE TRIGGER "Interaction_search_delete" AFTER DELETE ON "Interaction" BEGIN
  DELETE FROM "InteractionSearch" WHERE rowid = old.rowid AND old.rowid <= (SELECT "indexedUpTo" FROM "InteractionSearchState");
  UPDATE "InteractionSearchState" SET "indexedUpTo" = (SELECT coalesce(max(rowid), 0) FROM "Interaction")
    WHERE "indexedUpTo" > (SELECT coalesce(max(rowid), 0) FROM "Interaction");
END;
