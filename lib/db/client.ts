import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { resolveSqlitePath } from "./url";
import { remember } from "@/lib/process/remember";

export type Db = PrismaClient;

/** One client per process, shared by dev hot reload and bundled copies. */
export function getDb(): PrismaClient {
  return remember("prisma-client", () => createDb());
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
