import "server-only";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import type { Cursor } from "@/lib/http/cursor";
import type { Arm, ListPlan } from "./list-plan";
import type { ListStore } from "./list-store";
import { SUMMARY_COLUMNS, type SummaryRow } from "./list-summary";

const COLUMNS = SUMMARY_COLUMNS.map((c) => `"${c}"`).join(", ");

/**
 * Each arm is its own ordered, limited SELECT, and the arms a UNION ALL ordered outside: PostgreSQL reads
 * each with an index scan backward that stops at the limit, and merges them (Merge Append). Without the
 * arm's own ORDER BY and LIMIT, PostgreSQL 15 appends the arms whole and sorts them, reading every row the
 * filters keep. Values are bound; the cursor and the limit are bound once and shared by every arm.
 */
function armsSql(plan: ListPlan, columns: string, after: Cursor | undefined, take: number, values: unknown[]): string {
  const param = (value: unknown) => `$${values.push(value)}`;
  const cursor = after ? `("receivedAt", "id") < (${param(pgTimestamp(after.at))}::timestamp(3), ${param(after.id)})` : null;
  const limit = param(take);
  const arm = (a: Arm) => {
    const where = [...a.map((c) => `"${c.column}" = ${param(c.value)}`), ...(cursor ? [cursor] : [])];
    return `(SELECT ${columns} FROM "Interaction"${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY "receivedAt" DESC, "id" DESC LIMIT ${limit})`;
  };
  return plan.arms.map(arm).join(" UNION ALL ");
}

/** A page's statement and its values (exported for the plan's EXPLAIN test). */
export function pageQuery(plan: ListPlan, after: Cursor | undefined, take: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const arms = armsSql(plan, COLUMNS, after, take, values);
  return { text: plan.arms.length === 1 ? arms : `SELECT ${COLUMNS} FROM (${arms}) AS arms ORDER BY "receivedAt" DESC, "id" DESC LIMIT $${values.push(take)}`, values };
}

export function pgListStore(): ListStore {
  return {
    page: async (plan, after, take) => (await getPgPool().query<SummaryRow>(pageQuery(plan, after, take))).rows,
  };
}
