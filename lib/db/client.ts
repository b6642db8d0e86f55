import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { resolveSqlitePath } from "./url";

export type Db = PrismaClient;

const holder = globalThis as typeof globalThis & { __buttonStudioDb?: PrismaClient };

/** One client per process; kept on globalThis so dev hot reload and bundled copies share it. */
export function getDb(): PrismaClient {
  holder.__buttonStudioDb ??= createDb();
  return holder.__buttonStudioDb;
}

export function createDb(databaseUrl?: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: resolveSqlitePath(databaseUrl) }) });
}

/**
 * WAL lets readers (the inspector) run beside the writer and makes single
 * inserts ~4x faster here; the mode is stored in the file, so once is enough.
 */
export async function enableWal(db: PrismaClient): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
