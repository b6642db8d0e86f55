#!/usr/bin/env node
// `npm run db:migrate`, and `npm start` before serving: applies pending migrations to the
// database DATABASE_URL selects.
//
// SQLite: `prisma migrate deploy` (prisma/migrations). PostgreSQL: this runner applies
// prisma/postgresql/migrations itself, because Prisma's js-engine migrations fail against
// PostgreSQL (prisma/orm#27403, "Column type 'name' could not be deserialized") and the Rust
// schema engine would need a download. It keeps Prisma's guarantees that matter here: a
// table of what was applied (`_studio_migrations`: name, checksum, applied_at), a checksum
// mismatch is an error (an applied migration was edited), each migration in its own
// transaction, and a session advisory lock so instances starting together apply each
// migration exactly once (the others wait, then find nothing to do).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PG_MIGRATIONS_DIR = path.join(root, "prisma", "postgresql", "migrations");
/** Any constant works; this one is "button-studio migrations" hashed, unlikely to collide with an app's own. */
const LOCK_KEY = 0x42_53_6d_69_67;

/** Same rule as lib/db/url.ts `databaseKind` (this file runs without TypeScript). */
export function databaseKindOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got scheme "${url.split(":")[0]}")`);
}

export function checksumOf(sql) {
  return createHash("sha256").update(sql).digest("hex");
}

function readMigrations(dir) {
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/**
 * Applies the pending PostgreSQL migrations in `dir` to the database at `url`; resolves to
 * the names this call applied (empty when there was nothing to do).
 */
export async function migratePostgres(url, { dir = PG_MIGRATIONS_DIR, log = console.log } = {}) {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  const applied = [];
  try {
    // Taken before the table exists: two CREATE TABLE IF NOT EXISTS at once can still collide.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_studio_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query('SELECT "name", "checksum" FROM "_studio_migrations"');
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum === undefined) continue;
      if (checksum !== migration.checksum) {
        throw new Error(`migration ${migration.name} was changed after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk); add a new migration instead`);
      }
    }
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    // A newer version migrated this database (a rolling deploy): not an error for this one.
    if (unknown.length > 0) log(`[migrate] the database has migrations this version does not know: ${unknown.join(", ")}`);
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO "_studio_migrations" ("name", "checksum") VALUES ($1, $2)', [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      applied.push(migration.name);
      log(`[migrate] applied ${migration.name}`);
    }
    if (applied.length === 0) log("[migrate] PostgreSQL schema is up to date");
    return applied;
  } finally {
    // Ending the session releases the advisory lock even when the unlock is never reached.
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const url = process.env.DATABASE_URL || "file:./data/studio.db";
  if (databaseKindOf(url) === "postgres") {
    await migratePostgres(url);
    return;
  }
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
