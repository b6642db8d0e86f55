#!/usr/bin/env node
// `npm run db:pg`: writes the PostgreSQL migration for every SQLite migration that has none
// (same folder name under prisma/postgresql/migrations), then the provider-swapped schema.
//
// Each PostgreSQL migration is `prisma migrate diff` (offline, no database) between the
// provider-swapped schemas before and after its SQLite twin: the schema a committed migration
// was made from is prisma/schema.prisma in the last commit that touched it (git), an
// uncommitted one's is the working tree. The SQLite diff of the same pair is compared with the
// SQLite migration, to catch hand-written statements a diff cannot know (data fixes): a
// migration that is only such statements is copied (review it); a mix has to be ported by hand.
// Existing PostgreSQL migrations are never rewritten: the runner checksums them once applied.
//
// SQL that differs per database (SQLite FTS5 against PostgreSQL pg_trgm, say) is written twice: in the
// SQLite migration after the line SQLITE_ONLY (below the schema diff), and PostgreSQL's own in
// postgresql.sql in the same folder (Prisma reads only migration.sql there). The twin is then the
// PostgreSQL diff followed by postgresql.sql. lib/db/migrations.pg.test.ts applies every postgresql.sql
// after the schema's diff too, so its drift check sees the same objects on both sides.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PG_SCHEMA, expectedPostgresSchema, toPostgresSchema } from "./pg-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_MIGRATIONS = path.join(root, "prisma", "migrations");
export const PG_MIGRATIONS = path.join(root, "prisma", "postgresql", "migrations");

/** Migration folder names, oldest first. */
export function migrationNames(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function git(...args) {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** The SQLite schema a migration was made from (see the header). */
function schemaAt(name) {
  const file = path.join("prisma", "migrations", name, "migration.sql");
  const commit = git("log", "-1", "--format=%H", "--", file).trim();
  const changed = git("status", "--porcelain", "--", file).trim() !== "";
  if (!commit || changed) return { text: readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"), committed: false };
  return { text: git("show", `${commit}:prisma/schema.prisma`), committed: true };
}

function diff(tmp, from, to) {
  const write = (label, text) => {
    const file = path.join(tmp, `${label}.prisma`);
    writeFileSync(file, text);
    return file;
  };
  const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", write("from", from)];
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", write("to", to), "--script"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr}`);
  return result.stdout;
}

const EMPTY = "-- This is an empty migration.";
const normal = (sql) => sql.replace(/\r\n/g, "\n").trim();

/** The line that starts a SQLite migration's SQLite-only part (see the header). */
export const SQLITE_ONLY = "-- SQLite only below: PostgreSQL runs postgresql.sql in this folder instead.";
export const PG_OWN_FILE = "postgresql.sql";

/** A SQLite migration's text before its SQLite-only part, and that part (null when it has none). */
export function splitSqliteOnly(sql) {
  const lines = sql.replace(/\r\n/g, "\n").split("\n");
  const at = lines.findIndex((line) => line.trim() === SQLITE_ONLY);
  return at < 0 ? { shared: sql, sqliteOnly: null } : { shared: lines.slice(0, at).join("\n"), sqliteOnly: lines.slice(at + 1).join("\n") };
}

/** Every SQLite migration's postgresql.sql, oldest first: what PostgreSQL has besides the schema's diff. */
export function pgOwnSql() {
  return migrationNames(SQLITE_MIGRATIONS).flatMap((name) => {
    const file = path.join(SQLITE_MIGRATIONS, name, PG_OWN_FILE);
    return existsSync(file) ? [{ name, sql: readFileSync(file, "utf8") }] : [];
  });
}

function main() {
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const pg = new Set(migrationNames(PG_MIGRATIONS));
  const orphans = [...pg].filter((name) => !sqlite.includes(name));
  if (orphans.length > 0) throw new Error(`PostgreSQL migrations without a SQLite twin: ${orphans.join(", ")}`);
  const missing = sqlite.filter((name) => !pg.has(name));
  const schemas = new Map(sqlite.map((name) => [name, schemaAt(name)]));
  const uncommitted = sqlite.filter((name) => !schemas.get(name).committed);
  if (uncommitted.filter((name) => missing.includes(name)).length > 1) {
    throw new Error(`several uncommitted migrations (${uncommitted.join(", ")}) share the working tree's schema: commit each, or run this after each`);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "pg-migrations-"));
  let manual = false;
  try {
    for (const name of missing) {
      const index = sqlite.indexOf(name);
      const before = index === 0 ? null : schemas.get(sqlite[index - 1]).text;
      const after = schemas.get(name).text;
      const { shared: sqliteSql, sqliteOnly } = splitSqliteOnly(readFileSync(path.join(SQLITE_MIGRATIONS, name, "migration.sql"), "utf8"));
      const ownFile = path.join(SQLITE_MIGRATIONS, name, PG_OWN_FILE);
      const own = existsSync(ownFile) ? readFileSync(ownFile, "utf8") : null;
      if (sqliteOnly !== null && own === null) throw new Error(`${name}: the migration has a SQLite-only part but no ${PG_OWN_FILE} beside it`);
      const expectedSqlite = diff(tmp, before, after);
      let pgSql = diff(tmp, before === null ? null : toPostgresSchema(before), toPostgresSchema(after));
      if (own !== null && (normal(expectedSqlite) === normal(sqliteSql) || (normal(expectedSqlite) === EMPTY && normal(sqliteSql) === ""))) {
        pgSql = `${normal(expectedSqlite) === EMPTY ? "" : pgSql}\n-- PostgreSQL's own (prisma/migrations/${name}/${PG_OWN_FILE}):\n${own}`;
        console.log(`[pg-migrations] ${name}: generated, with ${PG_OWN_FILE}`);
      } else if (normal(expectedSqlite) === normal(sqliteSql)) {
        console.log(`[pg-migrations] ${name}: generated`);
      } else if (normal(expectedSqlite) === EMPTY) {
        pgSql = `-- Copied from the SQLite migration (hand-written, no schema change): reviewed as valid PostgreSQL.\n${sqliteSql}`;
        console.warn(`[pg-migrations] ${name}: hand-written SQL copied from SQLite; check it is valid PostgreSQL`);
      } else {
        pgSql += `\n-- TODO: the SQLite migration has statements a schema diff does not produce; port them here.\n`;
        console.error(`[pg-migrations] ${name}: the SQLite migration differs from its schema diff; port its hand-written part to ${path.relative(root, PG_MIGRATIONS)}/${name}/migration.sql`);
        manual = true;
      }
      mkdirSync(path.join(PG_MIGRATIONS, name), { recursive: true });
      writeFileSync(path.join(PG_MIGRATIONS, name, "migration.sql"), pgSql);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(PG_SCHEMA, expectedPostgresSchema());
  if (missing.length === 0) console.log("[pg-migrations] every SQLite migration has its PostgreSQL twin");
  if (manual) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
