import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client";
import { getPgPool } from "./pg";
import { DEFAULT_DATABASE_URL, databaseKind, resolveSqlitePath } from "./url";
import { remember } from "@/lib/process/remember";

/** The one database type code outside lib/db sees, whichever database DATABASE_URL selects. */
export type Db = PrismaClient;

/** One client per process, shared by dev hot reload and bundled copies. */
export function getDb(): Db {
  return remember("prisma-client", () => createDb());
}

export function createDb(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  if (databaseKind(databaseUrl) === "sqlite") {
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: resolveSqlitePath(databaseUrl) }) });
  }
  // The only cast between the two clients. Both are generated from the same models
  // (prisma/postgresql/schema.prisma is a provider-swapped copy, checked by
  // lib/db/pg-schema.test.ts), so their model APIs are the same; the types differ only in
  // provider-specific corners nobody here uses (e.g. `mode: "insensitive"`, exists on PG only).
  // The adapter shares the process's pool, so raw SQL (lib/db/pg.ts) and Prisma count
  // against one connection limit.
  const client = new PgPrismaClient({ adapter: new PrismaPg(getPgPool(databaseUrl)) });
  return client as unknown as Db;
}

/**
 * WAL lets readers (the inspector) run beside the writer and makes single
 * inserts ~4x faster here; the mode is stored in the file, so once is enough.
 * PostgreSQL has nothing to switch on.
 */
export async function enableWal(db: Db): Promise<void> {
  if (databaseKind() !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
