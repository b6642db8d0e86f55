import "server-only";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { FIGURE_SOURCES, type AnswerTime, type FigureSource, type Figures, type FiguresQuery } from "./figures-schema";
import { figuresStore, type AnswerRow, type FigureScope } from "./figures-store";

export { figuresQuery, type Figures } from "./figures-schema";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Answer times are read row by row (they are not in any index): at most this many of the day's newest, so a
 * day of a million interactions costs what 10,000 do, and the answer says `sampled`. On SQLite 10,000 rows
 * took ~55 ms here and 50,000 took 250–850 ms, on the one connection the callbacks use too; a p99 of 10,000
 * still rests on the slowest 100.
 */
export const ANSWER_SAMPLE_LIMIT = 10_000;

/** Nearest rank: the smallest value at least `q` of the values are ≤ to (`sorted` ascending, non-empty). */
export function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function answerTime(values: number[]): AnswerTime {
  if (values.length === 0) return { p50: null, p99: null, count: 0 };
  values.sort((a, b) => a - b);
  return { p50: nearestRank(values, 0.5), p99: nearestRank(values, 0.99), count: values.length };
}

const isSource = (source: string | null): source is FigureSource => (FIGURE_SOURCES as readonly (string | null)[]).includes(source);

/** Answer times by source, and the share answered in time, from the sampled rows. */
export function answerFigures(rows: readonly AnswerRow[]): Pick<Figures, "answerMs" | "inTimeShare" | "inTime"> {
  const times = Object.fromEntries(FIGURE_SOURCES.map((s) => [s, [] as number[]])) as Record<FigureSource, number[]>;
  let answered = 0;
  let of = 0;
  for (const row of rows) {
    if (row.answeredMs !== null && isSource(row.source)) times[row.source].push(Math.max(0, row.answeredMs));
    if (row.deadlineMs === null) continue;
    // Someone other than the fallback answered by the deadline.
    const inTime = row.answeredMs !== null && row.answeredMs <= row.deadlineMs && isSource(row.source) && row.source !== "fallback";
    if (inTime) answered++;
    // Not yet answered and its deadline still ahead: it may yet be answered in time, so it is not counted either way.
    if (inTime || row.due) of++;
  }
  return {
    answerMs: { rule: answerTime(times.rule), manual: answerTime(times.manual), fallback: answerTime(times.fallback), relay: answerTime(times.relay) },
    inTimeShare: of === 0 ? null : answered / of,
    inTime: { answered, of },
  };
}

/**
 * Where the counted ranges start: the day (rolling, up to `now`), then the 24 UTC clock hours ending with the
 * current one. The day starts up to an hour before the first bar, so the bars add up to at most the day.
 */
export function rangeStarts(now: Date): Date[] {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return [new Date(now.getTime() - DAY_MS), ...Array.from({ length: 24 }, (_, i) => new Date(current - (23 - i) * HOUR_MS))];
}

const sum = (counts: readonly number[]) => counts.reduce((total, n) => total + n, 0);

/**
 * The figures from range counts over `rangeStarts` (all rows, and refused ones) and over the last hour.
 * Interactions are the rows counted in all less the refused ones.
 */
export function countFigures(starts: readonly Date[], all: readonly number[], refused: readonly number[], lastHour: { all: number; refused: number }): Pick<Figures, "lastHour" | "lastDay" | "hourly"> {
  const hourly = starts.slice(1).map((start, i) => ({ hourStart: start.toISOString(), interactions: all[i + 1]! - refused[i + 1]!, refused: refused[i + 1]! }));
  return {
    lastHour: { interactions: lastHour.all - lastHour.refused, refused: lastHour.refused },
    lastDay: { interactions: sum(all) - sum(refused), refused: sum(refused) },
    hourly,
  };
}

export interface FiguresOptions {
  now?: Date;
  /** Rows read for the answer times (ANSWER_SAMPLE_LIMIT); tests use a small one. */
  sampleLimit?: number;
}

/**
 * One endpoint's figures, or every endpoint's together. An unknown endpoint is a 404 rather than zeros: a
 * card whose endpoint was deleted meanwhile should say so, not show an empty day.
 */
export async function getFigures(db: Db, query: FiguresQuery, { now = new Date(), sampleLimit = ANSWER_SAMPLE_LIMIT }: FiguresOptions = {}): Promise<Figures> {
  const { endpointId } = query;
  if (endpointId !== undefined && !(await db.endpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) {
    throw new HttpError(404, "not_found", "endpointNotFound", { id: endpointId });
  }
  const store = figuresStore();
  const scope: FigureScope = endpointId === undefined ? {} : { endpointId };
  const starts = rangeStarts(now);
  const recent = [new Date(now.getTime() - HOUR_MS)];
  // One read after another: on PostgreSQL each would otherwise take a pooled connection the callbacks also need.
  // Refusals before all rows: one arriving in between then adds to "all" only, never making interactions negative.
  const refused = await store.rangeCounts(scope, starts, true);
  const all = await store.rangeCounts(scope, starts, false);
  const [hourRefused = 0] = await store.rangeCounts(scope, recent, true);
  const [hourAll = 0] = await store.rangeCounts(scope, recent, false);
  // One more than the limit says whether there were more.
  const sample = await store.answerRows({ ...scope, from: starts[0]! }, now, sampleLimit + 1);
  const sampled = sample.length > sampleLimit;
  const rows = sampled ? sample.slice(0, sampleLimit) : sample;
  return {
    endpointId: endpointId ?? null,
    generatedAt: now.toISOString(),
    ...countFigures(starts, all, refused, { all: hourAll, refused: hourRefused }),
    ...answerFigures(rows),
    sampled,
    sampleSize: rows.length,
  } satisfies Figures;
}
