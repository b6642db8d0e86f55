import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS, SQLITE_MIGRATIONS, migrationNames } from "../../scripts/pg-migrations.mjs";

describe("migration histories", () => {
  it("every SQLite migration has a PostgreSQL twin of the same name, and no other (run `npm run db:pg`)", () => {
    const sqlite = migrationNames(SQLITE_MIGRATIONS);
    const pg = migrationNames(PG_MIGRATIONS);
    expect({ onlySqlite: sqlite.filter((n) => !pg.includes(n)), onlyPostgres: pg.filter((n) => !sqlite.includes(n)) }).toEqual({ onlySqlite: [], onlyPostgres: [] });
    expect(sqlite.length).toBeGreaterThan(0);
  });

  it("no PostgreSQL migration still carries the generator's note about a hand-written part left to port", () => {
    for (const name of migrationNames(PG_MIGRATIONS)) {
      expect(readFileSync(path.join(PG_MIGRATIONS, name, "migration.sql"), "utf8"), name).not.toMatch(/-- TODO: the SQLite migration/);
    }
  });
});
