import "server-only";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import type { Cursor } from "@/lib/http/cursor";
import type { Arm, Filters, ListPlan } from "./list-plan";
import type { ListStore } from "./list-store";
import { SUMMARY_COLUMNS, type SummaryRow } from "./list-summary";

const COLUMNS = SUMMARY_COLUMNS.map((c) => `"${c}"`).join(", ");
/** How long the text index may take to name a search's rows before the search walks instead (see candidates). */
const PG_CANDIDATES_MS = 60;
const QUERY_CANCELED = "57014";
const NEWEST_FIRST = `ORDER BY "receivedAt" DESC, "id" DESC`;

/** Binds each value as the next $n. */
function binder(values: unknown[]) {
  return (value: unknown) => `$${values.push(value)}`;
}

const cursorSql = (after: Cursor, param: (value: unknown) => string) => `("receivedAt", "id") < (${param(pgTimestamp(after.at))}::timestamp(3), ${param(after.id)})`;

/**
 * Each arm is its own ordered, limited SELECT, and the arms a UNION ALL ordered outside: PostgreSQL reads
 * each with an index scan backward that stops at the limit, and merges them (Merge Append). Without the
 * arm's own ORDER BY and LIMIT, PostgreSQL 15 appends the arms whole and sorts them, reading every row the
 * filters keep. Values are bound; the cursor and the limit are bound once and shared by every arm.
 */
function armsQuery(plan: ListPlan, columns: string, after: Cursor | undefined, take: number, values: unknown[]): string {
  const param = binder(values);
  const cursor = after ? cursorSql(after, param) : null;
  const limit = param(take);
  const arm = (a: Arm) => {
    const where = [...a.map((c) => `"${c.column}" = ${param(c.value)}`), ...(cursor ? [cursor] : [])];
    return `(SELECT ${columns} FROM "Interaction"${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ${NEWEST_FIRST} LIMIT ${limit})`;
  };
  const arms = plan.arms.map(arm);
  return arms.length === 1 ? arms[0]! : `SELECT * FROM (${arms.join(" UNION ALL ")}) AS arms ${NEWEST_FIRST} LIMIT ${limit}`;
}

/** A page's statement and its values (exported for the plan's EXPLAIN test). */
export function pageQuery(plan: ListPlan, after: Cursor | undefined, take: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  return { text: armsQuery(plan, COLUMNS, after, take, values), values };
}

const filterSql = (filters: Filters, param: (value: unknown) => string) =>
  Object.entries(filters).flatMap(([column, value]) => (value === undefined ? [] : [`"${column}" = ${param(value)}`]));

export function pgListStore(): ListStore {
  const pool = () => getPgPool();
  return {
    page: async (plan, after, take) => (await pool().query<SummaryRow>(pageQuery(plan, after, take))).rows,
    walk: async (plan, after, take, search) => {
      const values: unknown[] = [search.pattern];
      const text = armsQuery(plan, `"id", "receivedAt", "searchText" ILIKE $1 AS hit`, after, take, values);
      return (await pool().query<{ id: string; receivedAt: Date; hit: boolean | null }>(text, values)).rows.map((r) => ({ ...r, hit: r.hit === true }));
    },
    candidates: async (search, cap) => {
      const client = await pool().connect();
      try {
        // The planner's own estimate first (planning only, from the column's statistics): for a common q the
        // GIN index would gather every match before the LIMIT, and reading the rows newest first is cheaper.
        const estimate = await client.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM "InteractionSearch" WHERE "searchText" ILIKE $1`, [search.pattern]);
        if (estimate.rows[0]!["QUERY PLAN"][0].Plan["Plan Rows"] > cap) return null;
        // pg_trgm keeps no positions: a short q of common trigrams (part of a date, a few digits) may name tens of
        // thousands of rows, each checked on the heap. Past PG_CANDIDATES_MS the search walks instead. The queued
        // rows are read by primary key from the queue's ids (= ANY(ARRAY(…))): as a join, a queue without
        // statistics had the planner scan all of "Interaction" with ILIKE.
        await client.query(`BEGIN; SET LOCAL statement_timeout = ${PG_CANDIDATES_MS}`);
        const { rows } = await client.query<{ id: string }>(
          `(SELECT "interactionId" AS id FROM "InteractionSearch" WHERE "searchText" ILIKE $1 LIMIT $2)
           UNION ALL (SELECT "id" FROM "Interaction" WHERE "id" = ANY(ARRAY(SELECT "interactionId" FROM "InteractionSearchQueue")) AND "searchText" ILIKE $1 LIMIT $2)`,
          [search.pattern, cap + 1],
        );
        await client.query("COMMIT");
        // A row re-queued after its text changed may be in both until the feeder copies it again.
        const ids = [...new Set(rows.map((r) => r.id))];
        return ids.length > cap ? null : ids;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        if ((error as { code?: string }).code === QUERY_CANCELED) return null;
        throw error;
      } finally {
        client.release();
      }
    },
    among: async (candidates, filters, after, search, take) => {
      const values: unknown[] = [];
      const param = binder(values);
      const where = [`"id" = ANY(${param(candidates)}::text[])`, `"searchText" ILIKE ${param(search.pattern)}`, ...filterSql(filters, param), ...(after ? [cursorSql(after, param)] : [])];
      return (await pool().query<SummaryRow>(`SELECT ${COLUMNS} FROM "Interaction" WHERE ${where.join(" AND ")} ${NEWEST_FIRST} LIMIT ${param(take)}`, values)).rows;
    },
    byIds: async (ids) => (await pool().query<SummaryRow>(`SELECT ${COLUMNS} FROM "Interaction" WHERE "id" = ANY($1::text[])`, [ids])).rows,
  };
}
