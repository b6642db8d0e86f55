import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/studio.db";

/**
 * Resolves DATABASE_URL (default: the embedded SQLite file) to an absolute
 * SQLite path, creating its folder so a fresh clone needs no set-up step.
 * Relative paths are resolved against the working directory, as the Prisma
 * CLI and the server both run from the project root.
 */
export function resolveSqlitePath(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL (got scheme "${databaseUrl.split(":")[0]}")`);
  }
  const filePath = path.resolve(databaseUrl.slice("file:".length));
  mkdirSync(path.dirname(filePath), { recursive: true });
  return filePath;
}
