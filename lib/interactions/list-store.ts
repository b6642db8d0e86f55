import "server-only";
import { databaseKind } from "@/lib/db/url";
import type { Cursor } from "@/lib/http/cursor";
import { remember } from "@/lib/process/remember";
import { pgListStore } from "./list-pg";
import type { ListPlan } from "./list-plan";
import { sqliteListStore } from "./list-sqlite";
import type { SummaryRow } from "./list-summary";

export type { SummaryRow };

/**
 * The interactions list's reads, in SQL per database (Prisma cannot say "this index", nor merge
 * ranges): list-sqlite.ts on the process's better-sqlite3 connection, list-pg.ts on its pool.
 */
export interface ListStore {
  /** Up to `take` rows newest first (receivedAt, id descending) along the plan's arms, strictly after `after`. */
  page(plan: ListPlan, after: Cursor | undefined, take: number): Promise<SummaryRow[]>;
}

/** The store for the database DATABASE_URL selects (read each time: tests switch between both). */
export function listStore(): ListStore {
  const kind = databaseKind();
  return remember(`list-store:${kind}`, () => (kind === "postgres" ? pgListStore() : sqliteListStore()));
}
