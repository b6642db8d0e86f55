import "server-only";
import type Database from "better-sqlite3";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import type { Cursor } from "@/lib/http/cursor";
import type { Arm, ListPlan } from "./list-plan";
import type { ListStore } from "./list-store";
import { SUMMARY_COLUMNS, type SummaryRow } from "./list-summary";

const COLUMNS = SUMMARY_COLUMNS.map((c) => `"${c}"`).join(", ");
type Raw = Omit<SummaryRow, "receivedAt" | "deadlineAt" | "holdUntil" | "answeredAt"> & Record<"receivedAt" | "deadlineAt" | "holdUntil" | "answeredAt", string | null>;
/** Timestamps are Prisma's text (an ISO string) on SQLite. */
const date = (text: string | null) => (text === null ? null : new Date(text));
const summaryOf = (raw: Raw): SummaryRow => ({ ...raw, receivedAt: new Date(raw.receivedAt!), deadlineAt: date(raw.deadlineAt), holdUntil: date(raw.holdUntil), answeredAt: date(raw.answeredAt) });

/**
 * One SELECT per arm, joined by UNION ALL under one ORDER BY: SQLite merges the arms (a "MERGE (UNION ALL)"
 * of co-routines, each reading its index range in order) and stops at the LIMIT. INDEXED BY pins each arm
 * to the plan's index: with statistics from ANALYZE the planner may prefer a shorter index whose range
 * holds the row order too, and then walk rows the other filters reject (the 250 ms pages of issue 17).
 */
function armsSql(plan: ListPlan, columns: string, after: Cursor | undefined): string {
  const arm = (a: Arm, i: number) => {
    const where = [...a.map((c, j) => `"${c.column}" = @a${i}_${j}`), ...(after ? [`("receivedAt", "id") < (@at, @id)`] : [])];
    return `SELECT ${columns} FROM "Interaction" INDEXED BY "${plan.index}"${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  };
  return plan.arms.map(arm).join(" UNION ALL ");
}

function armValues(plan: ListPlan, after: Cursor | undefined): Record<string, string> {
  const values: Record<string, string> = after ? { at: sqliteTimestamp(after.at), id: after.id } : {};
  plan.arms.forEach((a, i) => a.forEach((c, j) => (values[`a${i}_${j}`] = c.value)));
  return values;
}

/** A page's statement and its values (exported for the plan's EXPLAIN test). */
export function pageQuery(plan: ListPlan, after: Cursor | undefined, take: number): { sql: string; values: Record<string, string | number> } {
  return { sql: `${armsSql(plan, COLUMNS, after)} ORDER BY "receivedAt" DESC, "id" DESC LIMIT @limit`, values: { ...armValues(plan, after), limit: take } };
}

export function sqliteListStore(): ListStore {
  const db = getSqlite();
  // A handful of shapes (index × arms × cursor or not), each prepared once.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    page: async (plan, after, take) => {
      const { sql, values } = pageQuery(plan, after, take);
      return (prepare(sql).all(values) as Raw[]).map(summaryOf);
    },
  };
}
