// SQLite only: migration 20261203120000_interaction_search_mark moves a database whose search was fed from a queue
// (migration 20261202130000_interaction_search, applied in the wild) to the mark, and loses or repeats no row.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { listInteractions, listInteractionsQuery } from "@/lib/interactions/list";
import { indexQueuedSearch } from "@/lib/interactions/search-index";
import { PLATFORM_IDS } from "@/lib/platforms/types";

const MIGRATIONS = path.resolve("prisma", "migrations");
const QUEUE = "20261202130000_interaction_search";
const MARK = "20261203120000_interaction_search_mark";
const names = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const migration = (name: string) => readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
/** Applies the migrations after `after` (exclusive) up to `upTo` (inclusive), in order. */
function migrate(sqlite: Database.Database, after: string, upTo: string) {
  for (const name of names.filter((n) => n > after && n <= upTo)) sqlite.exec(migration(name));
}

/** Any platform: search does not look at it. */
const PLATFORM = PLATFORM_IDS[0];
const newFile = () => path.join(mkdtempSync(path.join(tmpdir(), "button-studio-")), "test.db");
const at = (minutes: number) => sqliteTimestamp(new Date(Date.UTC(2026, 11, 1) + minutes * 60_000));
function addEndpoint(sqlite: Database.Database) {
  sqlite.prepare(`INSERT INTO "Endpoint" (id, platform, name, fallback, secrets, updatedAt) VALUES ('ep', ?, 'e', '{}', '-', ?)`).run(PLATFORM, at(0));
}
/** A row as the callback stores it; `name`'s token is in no other row, "sharedtoken" in all. */
function insert(sqlite: Database.Database, name: string, minute: number, text = true) {
  const columns = `id, endpointId, platform, eventId, kind, status, headers, body, receivedAt${text ? `, searchText` : ""}`;
  const values = [name, "ep", PLATFORM, name, "button", "answered", "{}", "{}", at(minute), ...(text ? [`token-${name}-end sharedtoken`] : [])];
  return Number(sqlite.prepare(`INSERT INTO "Interaction" (${columns}) VALUES (${values.map(() => "?").join(", ")})`).run(...values).lastInsertRowid);
}
const fill = (sqlite: Database.Database, name: string) => sqlite.prepare(`UPDATE "Interaction" SET "searchText" = ? WHERE id = ?`).run(`token-${name}-end sharedtoken`, name);
const matches = (sqlite: Database.Database, token: string) =>
  (sqlite.prepare(`SELECT rowid AS r FROM "InteractionSearch" WHERE "InteractionSearch" MATCH ? ORDER BY rowid`).all(`"${token}"`) as { r: number }[]).map((m) => m.r);
const mark = (sqlite: Database.Database) => (sqlite.prepare(`SELECT "indexedUpTo" AS m FROM "InteractionSearchState"`).get() as { m: number }).m;
const queued = (sqlite: Database.Database) => (sqlite.prepare(`SELECT "interaction" AS r FROM "InteractionSearchQueue" ORDER BY 1`).all() as { r: number }[]).map((q) => q.r);
const objects = (sqlite: Database.Database) => (sqlite.prepare(`SELECT type || ' ' || name AS o FROM sqlite_master WHERE name LIKE '%Search%' OR name LIKE 'Interaction_search%' ORDER BY 1`).all() as { o: string }[]).map((o) => o.o);

/** The feeder before the mark (lib/interactions/search-index-sqlite.ts at 20261202130000): the oldest queued rows into the index. */
function oldFeed(sqlite: Database.Database, batch: number) {
  sqlite.transaction(() => {
    const { upTo } = sqlite.prepare(`SELECT max("interaction") AS upTo FROM (SELECT "interaction" FROM "InteractionSearchQueue" ORDER BY "interaction" LIMIT ?)`).get(batch) as { upTo: number | null };
    if (upTo === null) return;
    sqlite.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT i.rowid, i."searchText" FROM "InteractionSearchQueue" q CROSS JOIN "Interaction" i ON i.rowid = q."interaction" WHERE q."interaction" <= ? AND i."searchText" IS NOT NULL`).run(upTo);
    sqlite.prepare(`DELETE FROM "InteractionSearchQueue" WHERE "interaction" <= ?`).run(upTo);
  })();
}

let db: Db | undefined;
afterAll(() => db?.$disconnect());

describe(`migration ${MARK}`, () => {
  it("a contentless_delete FTS5 table takes a delete of a rowid it does not hold as nothing (the migration deletes every rowid above the mark)", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec(`CREATE VIRTUAL TABLE "InteractionSearch" USING fts5("searchText", content='', contentless_delete=1, tokenize='trigram', detail=full)`);
    const add = sqlite.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText") VALUES (?, ?)`);
    for (const r of [1, 2, 4]) add.run(r, `token-r${r}-end sharedtoken`);
    sqlite.exec(`DELETE FROM "InteractionSearch" WHERE rowid IN (0, 3, 5, 99)`);
    sqlite.exec(`INSERT INTO "InteractionSearch" ("InteractionSearch") VALUES ('integrity-check')`);
    expect(matches(sqlite, "sharedtoken")).toEqual([1, 2, 4]);
    // A rowid deleted while absent is indexed later as any other, and one delete takes it out again.
    add.run(3, "token-r3-end sharedtoken");
    expect(matches(sqlite, "token-r3-end")).toEqual([3]);
    sqlite.exec(`DELETE FROM "InteractionSearch" WHERE rowid = 3`);
    expect(matches(sqlite, "sharedtoken")).toEqual([1, 2, 4]);
    sqlite.close();
  });

  it("a contentless_delete FTS5 table takes a rowid it already holds as a second entry, whose older text one delete leaves behind (why the migration takes the indexed rows above the mark out)", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec(`CREATE VIRTUAL TABLE "InteractionSearch" USING fts5("searchText", content='', contentless_delete=1, tokenize='trigram', detail=full)`);
    const add = sqlite.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText") VALUES (?, ?)`);
    for (const r of [1, 2, 3]) add.run(r, `token-r${r}-end`);
    // No error: both entries are kept, and the text the row no longer has still matches it.
    add.run(2, "quite different");
    expect(matches(sqlite, "quite different")).toEqual([2]);
    expect(matches(sqlite, "token-r2-end")).toEqual([2]);
    // A delete tombstones the segment of the rowid's latest entry only (its origin in %_docsize).
    sqlite.exec(`DELETE FROM "InteractionSearch" WHERE rowid = 2`);
    expect(matches(sqlite, "quite different")).toEqual([]);
    expect(matches(sqlite, "token-r2-end")).toEqual([2]);
    sqlite.close();
  });

  it("on an empty queue the mark is the highest rowid (0 without rows), the index untouched", () => {
    const empty = new Database(newFile());
    migrate(empty, "", MARK);
    expect(mark(empty)).toBe(0);
    // Deleted rows never make FTS5 rewrite a whole segment inside the delete (the migration says why).
    expect(empty.prepare(`SELECT v FROM "InteractionSearch_config" WHERE k = 'deletemerge'`).get()).toEqual({ v: 0 });
    empty.close();
    const sqlite = new Database(newFile());
    migrate(sqlite, "", QUEUE);
    addEndpoint(sqlite);
    for (const [i, name] of ["a1", "a2", "a3"].entries()) insert(sqlite, name, i);
    oldFeed(sqlite, 100);
    expect(queued(sqlite)).toEqual([]);
    migrate(sqlite, QUEUE, MARK);
    expect(mark(sqlite)).toBe(3);
    expect(matches(sqlite, "sharedtoken")).toEqual([1, 2, 3]);
    sqlite.close();
  });

  it("the mark drops to what is left when the rows past it go after the last one up to it, so rowids handed out again get indexed", () => {
    /** What the feeder (search-index-sqlite.ts) does in a step: the rows past the mark into the index, up to `upTo`. */
    const feed = (sqlite: Database.Database, upTo: number) => {
      sqlite.prepare(`INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT rowid, "searchText" FROM "Interaction" WHERE rowid > ? AND rowid <= ? AND "searchText" IS NOT NULL`).run(mark(sqlite), upTo);
      sqlite.prepare(`UPDATE "InteractionSearchState" SET "indexedUpTo" = ?`).run(upTo);
    };
    const rows = (sqlite: Database.Database) => {
      for (let i = 1; i <= 6; i++) insert(sqlite, `r${i}`, i);
      feed(sqlite, 4);
    };
    // Deleted one at a time, oldest first: the last two were past the mark.
    const one = new Database(newFile());
    migrate(one, "", names.at(-1)!);
    addEndpoint(one);
    rows(one);
    for (let i = 1; i <= 6; i++) one.prepare(`DELETE FROM "Interaction" WHERE id = ?`).run(`r${i}`);
    expect(mark(one)).toBe(0);
    // SQLite gives the next row rowid 1 again: past the mark, so the feeder takes it and search finds it.
    expect(insert(one, "n1", 10)).toBe(1);
    feed(one, 1);
    expect(matches(one, "token-n1-end")).toEqual([1]);
    expect(matches(one, "sharedtoken")).toEqual([1]);
    one.close();
    // The endpoint removed: its rows go by cascade, in whatever order SQLite takes them.
    const all = new Database(newFile());
    migrate(all, "", names.at(-1)!);
    all.pragma("foreign_keys = ON");
    addEndpoint(all);
    rows(all);
    all.exec(`DELETE FROM "Endpoint" WHERE id = 'ep'`);
    expect(all.prepare(`SELECT count(*) AS n FROM "Interaction"`).get()).toEqual({ n: 0 });
    expect(mark(all)).toBe(0);
    expect(matches(all, "sharedtoken")).toEqual([]);
    all.exec(`INSERT INTO "InteractionSearch" ("InteractionSearch") VALUES ('integrity-check')`);
    all.close();
  });

  it("every row is found once after the move, indexed or queued before it; the queue is gone and an insert writes only its row", async () => {
    const file = newFile();
    const sqlite = new Database(file);
    migrate(sqlite, "", "20261202120000_interaction_filters");
    addEndpoint(sqlite);
    // Stored before search: no text until the start-up job fills it.
    for (const [i, name] of ["p1", "p2", "p3"].entries()) insert(sqlite, name, i, false);
    migrate(sqlite, "20261202120000_interaction_filters", QUEUE);
    for (const [i, name] of ["a1", "a2", "a3", "a4"].entries()) insert(sqlite, name, 10 + i);
    oldFeed(sqlite, 100);
    // The start-up job fills p1 (queued, then indexed by the feeder) and p2 (still queued); p3 stays without text.
    fill(sqlite, "p1");
    oldFeed(sqlite, 1);
    fill(sqlite, "p2");
    // a2's text changes (an answer's update: out of the index, queued again); a5 and a6 just came in.
    sqlite.prepare(`UPDATE "Interaction" SET "searchText" = 'token-a2-end sharedtoken changed' WHERE id = 'a2'`).run();
    insert(sqlite, "a5", 20);
    insert(sqlite, "a6", 21);
    const rowids = new Map((sqlite.prepare(`SELECT id, rowid AS r FROM "Interaction"`).all() as { id: string; r: number }[]).map((row) => [row.id, row.r]));
    const rowid = (name: string) => rowids.get(name)!;
    const texted = ["p1", "p2", "a1", "a2", "a3", "a4", "a5", "a6"];
    expect(queued(sqlite)).toEqual(["p2", "a2", "a5", "a6"].map(rowid));
    // Indexed above the oldest queued row: a1, a3 and a4; p3 above it too, with no text and never indexed.
    expect(matches(sqlite, "sharedtoken")).toEqual(["p1", "a1", "a3", "a4"].map(rowid));
    sqlite.close();

    const migrated = new Database(file);
    migrate(migrated, QUEUE, MARK);
    expect(mark(migrated)).toBe(rowid("p2") - 1);
    expect(matches(migrated, "sharedtoken")).toEqual([rowid("p1")]);
    expect(objects(migrated)).not.toContain("table InteractionSearchQueue");
    expect(objects(migrated)).not.toContain("trigger Interaction_search_insert");
    expect(objects(migrated)).toEqual(expect.arrayContaining(["table InteractionSearchState", "trigger Interaction_search_update", "trigger Interaction_search_delete"]));
    migrated.exec(`INSERT INTO "InteractionSearch" ("InteractionSearch") VALUES ('integrity-check')`);
    // a4 was indexed and is past the mark now: its text changes before the feeder comes (no trigger past the
    // mark). Had the migration left its entry in the index, the old text would still match it after the feeder.
    migrated.prepare(`UPDATE "Interaction" SET "searchText" = 'quite different' WHERE id = 'a4'`).run();
    migrated.close();
    const kept = texted.filter((name) => name !== "a4");

    process.env.DATABASE_URL = `file:${file}`;
    db = createDb(`file:${file}`);
    const search = async (q: string) => (await listInteractions(db!, listInteractionsQuery.parse({ q, limit: 100 }))).items.map((item) => item.id);
    // Before the feeder: the rows past the mark are tested directly.
    for (const name of kept) expect(await search(`token-${name}-end`), name).toEqual([name]);
    expect(await search("quite different")).toEqual(["a4"]);
    expect(await indexQueuedSearch()).toBe(9 - rowid("p2") + 1);
    const app = getSqlite();
    expect(mark(app)).toBe(9);
    for (const name of kept) {
      expect(matches(app, `token-${name}-end`), name).toEqual([rowid(name)]);
      expect(await search(`token-${name}-end`), name).toEqual([name]);
    }
    expect(matches(app, "quite different")).toEqual([rowid("a4")]);
    expect(matches(app, "token-a4-end")).toEqual([]);
    expect(await search("token-a4-end")).toEqual([]);
    expect(await search("token-a2-end sharedtoken changed")).toEqual(["a2"]);
    // p3 gets its text now: it is below the mark, so the update's trigger indexes it at once.
    fill(app, "p3");
    expect(matches(app, "token-p3-end")).toEqual([rowid("p3")]);

    // A callback's insert writes its row and nothing else (no queue row), and is found before the feeder runs.
    const before = (app.prepare(`SELECT total_changes() AS n`).get() as { n: number }).n;
    const n1 = insert(app, "n1", 30);
    expect((app.prepare(`SELECT total_changes() AS n`).get() as { n: number }).n - before).toBe(1);
    expect(matches(app, "token-n1-end")).toEqual([]);
    expect(await search("token-n1-end")).toEqual(["n1"]);
    expect(await indexQueuedSearch()).toBe(1);
    expect(matches(app, "sharedtoken")).toEqual([...kept, "p3"].map(rowid).concat(n1).sort((a, b) => a - b));
    expect(mark(app)).toBe(n1);

    // No row is in the index twice: one delete per row (the trigger's) leaves nothing behind.
    app.exec(`DELETE FROM "Interaction"`);
    expect(matches(app, "sharedtoken")).toEqual([]);
    expect(matches(app, "token-")).toEqual([]);
    expect(matches(app, "quite different")).toEqual([]);
    expect(mark(app)).toBe(0);
    app.exec(`INSERT INTO "InteractionSearch" ("InteractionSearch") VALUES ('integrity-check')`);
  });
});
