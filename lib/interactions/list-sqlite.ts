import "server-only";
import type Database from "better-sqlite3";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import type { Cursor } from "@/lib/http/cursor";
import type { Arm, Filters, ListPlan } from "./list-plan";
import type { ListStore, Walked } from "./list-store";
import { SUMMARY_COLUMNS, type SummaryRow } from "./list-summary";

const COLUMNS = SUMMARY_COLUMNS.map((c) => `"${c}"`).join(", ");
/** The search test of the list's reads: LIKE with `\` escapes (search-query.ts). */
const MATCHES = `"searchText" LIKE @pattern ESCAPE '\\'`;
type Raw = Omit<SummaryRow, "receivedAt" | "deadlineAt" | "holdUntil" | "answeredAt"> & Record<"receivedAt" | "deadlineAt" | "holdUntil" | "answeredAt", string | null>;
/** Timestamps are Prisma's text (an ISO string) on SQLite. */
const date = (text: string | null) => (text === null ? null : new Date(text));
const summaryOf = (raw: Raw): SummaryRow => ({ ...raw, receivedAt: new Date(raw.receivedAt!), deadlineAt: date(raw.deadlineAt), holdUntil: date(raw.holdUntil), answeredAt: date(raw.answeredAt) });
const NEWEST_FIRST = `ORDER BY "receivedAt" DESC, "id" DESC`;
const AFTER = `("receivedAt", "id") < (@at, @id)`;

/**
 * One SELECT per arm, joined by UNION ALL under one ORDER BY: SQLite merges the arms (a "MERGE (UNION ALL)"
 * of co-routines, each reading its index range in order) and stops at the LIMIT. INDEXED BY pins each arm
 * to the plan's index: with statistics from ANALYZE the planner may prefer a shorter index whose range
 * holds the row order too, and then walk rows the other filters reject (the 250 ms pages of issue 17).
 */
function armsSql(plan: ListPlan, columns: string, after: Cursor | undefined): string {
  const arm = (a: Arm, i: number) => {
    const where = [...a.map((c, j) => `"${c.column}" = @a${i}_${j}`), ...(after ? [AFTER] : [])];
    return `SELECT ${columns} FROM "Interaction" INDEXED BY "${plan.index}"${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  };
  return plan.arms.map(arm).join(" UNION ALL ");
}

function armValues(plan: ListPlan, after: Cursor | undefined): Record<string, string> {
  const values: Record<string, string> = after ? cursorValues(after) : {};
  plan.arms.forEach((a, i) => a.forEach((c, j) => (values[`a${i}_${j}`] = c.value)));
  return values;
}

const cursorValues = (after: Cursor) => ({ at: sqliteTimestamp(after.at), id: after.id });

/** A page's statement and its values (exported for the plan's EXPLAIN test). */
export function pageQuery(plan: ListPlan, after: Cursor | undefined, take: number): { sql: string; values: Record<string, string | number> } {
  return { sql: `${armsSql(plan, COLUMNS, after)} ${NEWEST_FIRST} LIMIT @limit`, values: { ...armValues(plan, after), limit: take } };
}

export function sqliteListStore(): ListStore {
  const db = getSqlite();
  // A handful of shapes (index × arms × cursor or not, filters), each prepared once.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  // The index names the rows where q is a substring (folding case wider than LIKE: a superset, which among()
  // checks again); queued rows are not in it yet and are tested here, the queue first (CROSS JOIN fixes the
  // order: without statistics SQLite scanned "Interaction" for a rare q, 125 ms at 100,000 rows).
  const indexed = db.prepare(`SELECT rowid AS r FROM "InteractionSearch" WHERE "InteractionSearch" MATCH @phrase LIMIT @limit`);
  const queued = db.prepare(`SELECT q."interaction" AS r FROM "InteractionSearchQueue" q CROSS JOIN "Interaction" i ON i.rowid = q."interaction" WHERE i.${MATCHES} LIMIT @limit`);
  return {
    page: async (plan, after, take) => {
      const { sql, values } = pageQuery(plan, after, take);
      return (prepare(sql).all(values) as Raw[]).map(summaryOf);
    },
    walk: async (plan, after, take, search) => {
      const sql = `${armsSql(plan, `"id", "receivedAt", ${MATCHES} AS hit`, after)} ${NEWEST_FIRST} LIMIT @limit`;
      const rows = prepare(sql).all({ ...armValues(plan, after), limit: take, pattern: search.pattern }) as { id: string; receivedAt: string; hit: number }[];
      return rows.map((r): Walked => ({ id: r.id, receivedAt: new Date(r.receivedAt), hit: r.hit === 1 }));
    },
    candidates: async (search, cap) => {
      const found = (indexed.all({ phrase: search.phrase, limit: cap + 1 }) as { r: number }[]).map((r) => r.r);
      if (found.length <= cap) found.push(...(queued.all({ pattern: search.pattern, limit: cap + 1 - found.length }) as { r: number }[]).map((r) => r.r));
      return found.length > cap ? null : found;
    },
    among: async (candidates, filters, after, search, take) => {
      // The candidates first, each by its rowid (CROSS JOIN: SQLite walked a filter's index range instead,
      // testing every row of it against the list), then sorted: there are at most SEARCH_LIMITS.candidates.
      // Columns named with the table: json_each has an "id" of its own.
      const where = [`i.${MATCHES}`, ...filterSql(filters).map((f) => `i.${f}`), ...(after ? [`(i."receivedAt", i."id") < (@at, @id)`] : [])];
      const sql = `SELECT ${SUMMARY_COLUMNS.map((c) => `i."${c}"`).join(", ")} FROM json_each(@rowids) AS c CROSS JOIN "Interaction" AS i ON i.rowid = c.value
        WHERE ${where.join(" AND ")} ORDER BY i."receivedAt" DESC, i."id" DESC LIMIT @limit`;
      const values = { ...definedFilters(filters), ...(after ? cursorValues(after) : {}), rowids: JSON.stringify(candidates), pattern: search.pattern, limit: take };
      return (prepare(sql).all(values) as Raw[]).map(summaryOf);
    },
    byIds: async (ids) => (prepare(`SELECT ${COLUMNS} FROM "Interaction" WHERE "id" IN (SELECT value FROM json_each(@ids))`).all({ ids: JSON.stringify(ids) }) as Raw[]).map(summaryOf),
  };
}

const definedFilters = (filters: Filters) => Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
const filterSql = (filters: Filters) => Object.keys(definedFilters(filters)).map((column) => `"${column}" = @${column}`);
