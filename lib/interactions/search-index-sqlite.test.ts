// SQLite only: the feeder must never wait on the event loop for a database another writer holds.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { resolveSqlitePath } from "@/lib/db/url";
import { indexQueuedSearch } from "./search-index";

const db = createTestDb();
afterAll(() => db.$disconnect());

describe("the search feeder on SQLite", () => {
  it("gives up at once when another writer holds the database (a 5 s synchronous wait would stall every callback), and feeds once it is free", async () => {
    // The server's own connection is open (and the file in WAL mode) before anything else writes, as at start.
    expect(await indexQueuedSearch(1)).toBe(0);
    const other = new Database(resolveSqlitePath());
    other.exec("BEGIN IMMEDIATE");
    try {
      const started = performance.now();
      expect(await indexQueuedSearch(1)).toBe(0);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await expect(indexQueuedSearch(1)).resolves.toBe(0);
  });
});
