import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { migratePostgres } from "../../scripts/migrate.mjs";
import { createDb, type Db } from "./index";
import { closePg } from "./pg";
import type { DatabaseKind } from "./url";

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

/** The run's PostgreSQL cluster (lib/db/pg-global-setup.ts), as a superuser URL. */
export function testPgClusterUrl(): string {
  const url = inject("pgUrl");
  if (!url) {
    throw new Error("No PostgreSQL in this vitest project: name the file *.pg.test.ts, or use describeEachDatabase / createEachTestDb (vitest.config.mts)");
  }
  return url;
}

/**
 * A fresh database on the run's cluster, migrated by the same runner as `npm start`
 * (scripts/migrate.mjs) unless `migrate: false`; resolves to its URL. Does not touch DATABASE_URL.
 */
export async function createTestPgDatabase({ migrate = true } = {}): Promise<string> {
  const cluster = testPgClusterUrl();
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  if (migrate) await migratePostgres(url.toString(), { log: () => undefined });
  return url.toString();
}

/**
 * The PostgreSQL twin of createTestDb: a new database per call, migrated, and DATABASE_URL
 * pointed at it so code that opens its own connection (raw SQL, LISTEN) finds the same one.
 */
export async function createTestPgDb(): Promise<Db> {
  const url = await createTestPgDatabase();
  process.env.DATABASE_URL = url;
  return createDb(url);
}

/**
 * Which database this vitest project runs the shared suites on: vitest.config.mts runs every
 * file that uses createEachTestDb / describeEachDatabase twice, once per project (each in its
 * own worker, so process-wide state such as remembered statements starts fresh for each).
 */
export function testDatabaseKind(): DatabaseKind {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/** `const db = await createEachTestDb();` — SQLite in one run of the file, PostgreSQL in the other. */
export async function createEachTestDb(): Promise<Db> {
  return testDatabaseKind() === "postgres" ? createTestPgDb() : createTestDb();
}

export interface EachDatabaseContext {
  kind: DatabaseKind;
  /** The suite's database (available from beforeAll on). */
  db(): Db;
}

/** A describe block with a fresh database of this run's kind, named with the kind. */
export function describeEachDatabase(name: string, suite: (ctx: EachDatabaseContext) => void): void {
  const kind = testDatabaseKind();
  describe(`${name} [${kind}]`, () => {
    let current: Db | undefined;
    beforeAll(async () => {
      current = await createEachTestDb();
    });
    afterAll(async () => {
      await current?.$disconnect();
      if (kind === "postgres") await closePg();
    });
    suite({
      kind,
      db: () => {
        if (!current) throw new Error("ctx.db() is available from beforeAll on");
        return current;
      },
    });
  });
}
