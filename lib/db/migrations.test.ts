import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS, PG_OWN_FILE, SQLITE_MIGRATIONS, SQLITE_ONLY, migrationNames, pgOwnSql, splitSqliteOnly } from "../../scripts/pg-migrations.mjs";

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

  it("a migration's SQLite-only part has PostgreSQL's own SQL beside it, and the twin carries that SQL as it is now", () => {
    for (const name of migrationNames(SQLITE_MIGRATIONS)) {
      const { sqliteOnly } = splitSqliteOnly(readFileSync(path.join(SQLITE_MIGRATIONS, name, "migration.sql"), "utf8"));
      const own = pgOwnSql().find((o) => o.name === name);
      if (sqliteOnly !== null) expect(own, `${name} has a SQLite-only part and needs ${PG_OWN_FILE}`).toBeDefined();
      // The twin is frozen once applied (checksums): an edit to postgresql.sql afterwards would never run.
      if (own) expect(readFileSync(path.join(PG_MIGRATIONS, name, "migration.sql"), "utf8")).toContain(own.sql);
    }
  });

  it("splits a SQLite migration at the SQLite-only line", () => {
    expect(splitSqliteOnly(`CREATE INDEX a;\n${SQLITE_ONLY}\nCREATE VIRTUAL TABLE b;\n`)).toEqual({ shared: "CREATE INDEX a;", sqliteOnly: "CREATE VIRTUAL TABLE b;\n" });
    expect(splitSqliteOnly("CREATE INDEX a;\n")).toEqual({ shared: "CREATE INDEX a;\n", sqliteOnly: null });
  });
});
