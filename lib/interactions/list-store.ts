import "server-only";
import { databaseKind } from "@/lib/db/url";
import type { Cursor } from "@/lib/http/cursor";
import { remember } from "@/lib/process/remember";
import { pgListStore } from "./list-pg";
import type { Filters, ListPlan } from "./list-plan";
import { sqliteListStore } from "./list-sqlite";
import type { SummaryRow } from "./list-summary";
import type { SearchQuery } from "./search-query";

export type { SummaryRow };

/** Where a walk stood on a row, and whether the row's search text matched. */
export interface Walked {
  id: string;
  receivedAt: Date;
  hit: boolean;
}

/** Rows a search index named: rowids on SQLite, ids on PostgreSQL; only the store that gave them reads them. */
export type Candidates = readonly (string | number)[];

/**
 * The interactions list's reads, in SQL per database (Prisma cannot say "this index", merge ranges or search
 * text): list-sqlite.ts on the process's better-sqlite3 connection, list-pg.ts on its pool.
 */
export interface ListStore {
  /** Up to `take` rows newest first (receivedAt, id descending) along the plan's arms, strictly after `after`. */
  page(plan: ListPlan, after: Cursor | undefined, take: number): Promise<SummaryRow[]>;
  /** The next `take` rows along the plan after `after`, newest first: where each stands and whether it matches. */
  walk(plan: ListPlan, after: Cursor | undefined, take: number, search: SearchQuery): Promise<Walked[]>;
  /**
   * The rows that may match, when there are at most `cap` (the text index's, and the queued rows it does not
   * hold yet that match); null when there are more, or the index cannot tell cheaply: walk instead. Only
   * when `search.phrase` is set.
   */
  candidates(search: SearchQuery, cap: number): Promise<Candidates | null>;
  /** Of `candidates`, those the filters keep whose search text matches, after `after`, newest first, up to `take`. */
  among(candidates: Candidates, filters: Filters, after: Cursor | undefined, search: SearchQuery, take: number): Promise<SummaryRow[]>;
  /** These rows (any order; one deleted meanwhile is left out). */
  byIds(ids: readonly string[]): Promise<SummaryRow[]>;
}

/** The store for the database DATABASE_URL selects (read each time: tests switch between both). */
export function listStore(): ListStore {
  const kind = databaseKind();
  return remember(`list-store:${kind}`, () => (kind === "postgres" ? pgListStore() : sqliteListStore()));
}
