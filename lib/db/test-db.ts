import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "./index";

const MIGRATIONS = path.resolve("prisma", "migrations");

/**
 * A real SQLite file in a temp folder with the committed migrations applied in
 * order, for unit tests of code that talks to the database. (End-to-end tests
 * go through `prisma migrate deploy` itself.)
 */
export function createTestDb(): Db {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "button-studio-")), "test.db");
  const sqlite = new Database(file);
  for (const dir of readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    sqlite.exec(readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));
  }
  sqlite.close();
  // Code that opens its own connection (the callback hot path) finds the same file.
  process.env.DATABASE_URL = `file:${file}`;
  return createDb(`file:${file}`);
}
