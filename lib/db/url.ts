import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/studio.db";

export type DatabaseKind = "sqlite" | "postgres";

/**
 * Which database DATABASE_URL selects: a `postgres://` or `postgresql://` URL is PostgreSQL,
 * `file:` (or nothing: the embedded default) is SQLite. Anything else stops the start-up with
 * a clear message rather than being guessed at. scripts/migrate.mjs decides the same way.
 */
export function databaseKind(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseKind {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgres";
  throw new Error(
    `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got scheme "${databaseUrl.split(":")[0]}")`,
  );
}

/**
 * Resolves DATABASE_URL (default: the embedded SQLite file) to an absolute
 * SQLite path, creating its folder so a fresh clone needs no set-up step.
 * Relative paths are resolved against the working directory, as the Prisma
 * CLI and the server both run from the project root.
 */
export function resolveSqlitePath(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (databaseKind(databaseUrl) !== "sqlite") {
    throw new Error(`DATABASE_URL must be a SQLite file: URL here (got scheme "${databaseUrl.split(":")[0]}")`);
  }
  const filePath = path.resolve(databaseUrl.slice("file:".length));
  mkdirSync(path.dirname(filePath), { recursive: true });
  return filePath;
}
