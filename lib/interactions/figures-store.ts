import "server-only";
import type pg from "pg";
import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";

/** What the answer-time figures need of one interaction, times in ms from its receipt. */
export interface AnswerRow {
  source: string | null;
  answeredMs: number | null;
  deadlineMs: number | null;
  /** Its deadline is at or before `now`. */
  due: boolean;
}

export interface FigureWindow {
  /** One endpoint, or every endpoint when absent. */
  endpointId?: string;
  from: Date;
}

/** One endpoint, or every endpoint when absent. */
export type FigureScope = Pick<FigureWindow, "endpointId">;

/**
 * The reads behind `GET /api/figures`, each bounded to one day of rows through an index, so what they cost
 * follows the day's traffic, not how many interactions are stored. Counting touches only index entries: receivedAt comes
 * from (endpointId, receivedAt, id) or (receivedAt, id), refusals from (endpointId, status, receivedAt, id)
 * or (status, receivedAt, id). Answer times need other columns, so that read is capped by `limit`.
 */
export interface FiguresStore {
  /**
   * Rows received in each range [starts[i], starts[i + 1]), the last one open-ended (`starts` ascending),
   * refused ones only with `refusedOnly`.
   */
  rangeCounts(scope: FigureScope, starts: readonly Date[], refusedOnly: boolean): Promise<number[]>;
  /** The newest `limit` accepted rows received at or after `from` that have an answer or a deadline, newest first. */
  answerRows(window: FigureWindow, now: Date, limit: number): Promise<AnswerRow[]>;
}

interface RawAnswerRow {
  source: string | null;
  answeredMs: number | null;
  deadlineMs: number | null;
  due: number | boolean | null;
}
const answerRow = (r: RawAnswerRow): AnswerRow => ({ source: r.source, answeredMs: r.answeredMs, deadlineMs: r.deadlineMs, due: Boolean(r.due) });

function sqliteStore(): FiguresStore {
  const db = getSqlite();
  // One range count per bar rather than a GROUP BY over an expression: each is a walk of index entries alone,
  // with no per-row work (a GROUP BY substr(receivedAt, …) of 250,000 rows took 5 times as long here).
  const count = (where: string) => db.prepare(`SELECT count(*) AS n FROM "Interaction" WHERE ${where} receivedAt >= @lo AND receivedAt < @hi`);
  const s = {
    all: count(""),
    refused: count(`status = 'refused' AND`),
    endpointAll: count(`endpointId = @endpointId AND`),
    endpointRefused: count(`endpointId = @endpointId AND status = 'refused' AND`),
  };
  // U+FFFF sorts after any time text: the last range is open-ended.
  const END = "\uffff";
  // julianday keeps milliseconds exactly enough for a difference rounded to whole ms.
  const answers = (where: string) =>
    db.prepare(`SELECT replySource AS source,
        CAST(round((julianday(answeredAt) - julianday(receivedAt)) * 86400000) AS INTEGER) AS answeredMs,
        CAST(round((julianday(deadlineAt) - julianday(receivedAt)) * 86400000) AS INTEGER) AS deadlineMs,
        deadlineAt <= @now AS due
      FROM "Interaction" WHERE ${where} receivedAt >= @from AND status <> 'refused' AND (answeredAt IS NOT NULL OR deadlineAt IS NOT NULL)
      ORDER BY receivedAt DESC, id DESC LIMIT @limit`);
  const a = { all: answers(""), endpoint: answers(`endpointId = @endpointId AND`) };
  return {
    rangeCounts: async ({ endpointId }, starts, refusedOnly) => {
      const statement = endpointId === undefined ? (refusedOnly ? s.refused : s.all) : refusedOnly ? s.endpointRefused : s.endpointAll;
      const bounds = starts.map(sqliteTimestamp);
      return bounds.map((lo, i) => (statement.get({ lo, hi: bounds[i + 1] ?? END, ...(endpointId === undefined ? {} : { endpointId }) }) as { n: number }).n);
    },
    answerRows: async ({ endpointId, from }, now, limit) => {
      const params = { from: sqliteTimestamp(from), now: sqliteTimestamp(now), limit, ...(endpointId === undefined ? {} : { endpointId }) };
      return ((endpointId === undefined ? a.all : a.endpoint).all(params) as RawAnswerRow[]).map(answerRow);
    },
  };
}

const named = (name: string, text: string) => (values: unknown[]): pg.QueryConfig => ({ name: `figures.${name}`, text, values });
// One statement per shape rather than `$n IS NULL OR …`: a prepared statement's generic plan must still pick the index.
// width_bucket numbers the ranges 1… by the ascending `starts` (0 would be before the first, which the WHERE excludes).
const pgCounts = (name: string, where: string) =>
  named(name, `SELECT width_bucket("receivedAt", $1::timestamp(3)[]) AS i, count(*)::int AS n
    FROM "Interaction" WHERE ${where} "receivedAt" >= ($1::timestamp(3)[])[1] GROUP BY 1`);
const pgAnswers = (name: string, where: string) =>
  named(name, `SELECT "replySource" AS source,
      round(extract(epoch FROM ("answeredAt" - "receivedAt")) * 1000)::float8 AS "answeredMs",
      round(extract(epoch FROM ("deadlineAt" - "receivedAt")) * 1000)::float8 AS "deadlineMs",
      "deadlineAt" <= $2::timestamp(3) AS due
    FROM "Interaction" WHERE ${where} "receivedAt" >= $1::timestamp(3) AND "status" <> 'refused' AND ("answeredAt" IS NOT NULL OR "deadlineAt" IS NOT NULL)
    ORDER BY "receivedAt" DESC, "id" DESC LIMIT $3`);
const pgSql = {
  all: pgCounts("counts", ""),
  refused: pgCounts("counts-refused", `"status" = 'refused' AND`),
  endpointAll: pgCounts("endpoint-counts", `"endpointId" = $2 AND`),
  endpointRefused: pgCounts("endpoint-counts-refused", `"endpointId" = $2 AND "status" = 'refused' AND`),
  answers: pgAnswers("answers", ""),
  endpointAnswers: pgAnswers("endpoint-answers", `"endpointId" = $4 AND`),
};

function pgStore(): FiguresStore {
  // The pool is looked up per read: DATABASE_URL picks it, and tests point it at a new database.
  const pool = () => getPgPool();
  return {
    rangeCounts: async ({ endpointId }, starts, refusedOnly) => {
      const values: unknown[] = [starts.map(pgTimestamp)];
      const query = endpointId === undefined ? (refusedOnly ? pgSql.refused : pgSql.all)(values) : (refusedOnly ? pgSql.endpointRefused : pgSql.endpointAll)([...values, endpointId]);
      const counts = starts.map(() => 0);
      for (const row of (await pool().query<{ i: number; n: number }>(query)).rows) counts[row.i - 1] = row.n;
      return counts;
    },
    answerRows: async ({ endpointId, from }, now, limit) => {
      const values: unknown[] = [pgTimestamp(from), pgTimestamp(now), limit];
      const query = endpointId === undefined ? pgSql.answers(values) : pgSql.endpointAnswers([...values, endpointId]);
      return (await pool().query<RawAnswerRow>(query)).rows.map(answerRow);
    },
  };
}

/** The store for the database DATABASE_URL selects (read each time: tests switch between both). */
export function figuresStore(): FiguresStore {
  const kind = databaseKind();
  return remember(`figures-store:${kind}`, () => (kind === "postgres" ? pgStore() : sqliteStore()));
}
