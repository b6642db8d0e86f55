import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS_DIR, migratePostgres } from "../../scripts/migrate.mjs";
import { PG_MIGRATIONS, migrationNames, pgOwnSql } from "../../scripts/pg-migrations.mjs";
import { PG_SCHEMA } from "../../scripts/pg-schema.mjs";
import { createTestPgDatabase } from "./test-db";

const quiet = { log: () => undefined };

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns, indexes and constraints as PostgreSQL itself describes them, ordered by name. */
function catalogOf(url: string) {
  return withClient(url, async (client) => {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_studio_migrations'
      ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_studio_migrations' ORDER BY indexname`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '\\_studio\\_migrations%'
      ORDER BY conname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  });
}

function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("PostgreSQL migration runner (scripts/migrate.mjs, real server)", () => {
  it("applies every committed migration once; a second run is a no-op", async () => {
    const url = await createTestPgDatabase({ migrate: false });
    expect(await migratePostgres(url, quiet)).toEqual(migrationNames(PG_MIGRATIONS));
    expect(await migratePostgres(url, quiet)).toEqual([]);
    const rows = await withClient(url, (c) => c.query<{ name: string }>('SELECT "name" FROM "_studio_migrations" ORDER BY "name"'));
    expect(rows.rows.map((r) => r.name)).toEqual(migrationNames(PG_MIGRATIONS));
    expect(PG_MIGRATIONS_DIR).toBe(PG_MIGRATIONS);
  });

  it("two runners started together apply each migration exactly once (advisory lock)", async () => {
    const url = await createTestPgDatabase({ migrate: false });
    const runs = await Promise.all([migratePostgres(url, quiet), migratePostgres(url, quiet), migratePostgres(url, quiet)]);
    const applied = runs.flat();
    expect(applied.toSorted()).toEqual(migrationNames(PG_MIGRATIONS));
    expect(new Set(applied).size).toBe(applied.length);
    expect(runs.filter((run) => run.length === 0)).toHaveLength(2);
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const url = await createTestPgDatabase();
    await withClient(url, (c) => c.query(`UPDATE "_studio_migrations" SET "checksum" = 'edited' WHERE "name" = $1`, [migrationNames(PG_MIGRATIONS)[0]]));
    await expect(migratePostgres(url, quiet)).rejects.toThrow(/was changed after it was applied/);
  });

  it("runs each migration in its own transaction: a failing one leaves nothing behind and stops the run", async () => {
    const url = await createTestPgDatabase({ migrate: false });
    const dir = migrationsDir({
      "1_ok": 'CREATE TABLE "one" ("id" INT);',
      "2_broken": 'CREATE TABLE "two" ("id" INT); SELECT 1/0;',
      "3_later": 'CREATE TABLE "three" ("id" INT);',
    });
    await expect(migratePostgres(url, { ...quiet, dir })).rejects.toThrow(/2_broken failed: division by zero/);
    const tables = await withClient(url, (c) => c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
    expect(tables.rows.map((r) => r.t)).toEqual(["_studio_migrations", "one"]);
  });

  it("leaves the same schema as `prisma migrate diff --from-empty` of prisma/postgresql/schema.prisma plus PostgreSQL's own SQL (no drift)", async () => {
    const migrated = await createTestPgDatabase();
    const diff = spawnSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", PG_SCHEMA, "--script"], { encoding: "utf8" });
    expect(diff.status, diff.stderr).toBe(0);
    const fromSchema = await createTestPgDatabase({ migrate: false });
    await withClient(fromSchema, async (c) => {
      await c.query(diff.stdout);
      // What Prisma's schema cannot say (a pg_trgm index, its tables and triggers): each migration's postgresql.sql.
      for (const { sql } of pgOwnSql()) await c.query(sql);
    });
    const [a, b] = await Promise.all([catalogOf(migrated), catalogOf(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  }, 30_000);
});
