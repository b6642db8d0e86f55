// `npm run bench`, the live log at scale (issue 17): BENCH_LOG_ROWS interactions (1,000,000 by default) seeded
// into a throwaway SQLite file and a throwaway PostgreSQL cluster, then GET /api/interactions's own function
// (lib/interactions/list.ts listInteractions) timed for each of the 16 combinations of its filters, with values
// that match much, little and nothing, and for searches (common, rare, absent, shorter than a trigram); and the
// cost of a callback's insert with this issue's additions (two indexes, the search text; PostgreSQL's search queue), and
// without them.
// Alone: `npx tsx --conditions=react-server scripts/bench-log.ts` (BENCH_LOG_ROWS=100000 for a quick run).
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { AT_REST_SETTING, AT_REST_VERSION } from "../lib/boot/redact-at-rest";
import { SEARCH_BACKFILL_SETTING, SEARCH_BACKFILL_VERSION } from "../lib/boot/search-backfill";
import { closePg, pgTimestamp } from "../lib/db/pg";
import { encodeCursor } from "../lib/http/cursor";
import { listInteractions, listInteractionsQuery } from "../lib/interactions/list";
import { RETENTION_BATCH } from "../lib/interactions/retention";
import { retentionStore, type RowKey } from "../lib/interactions/retention-store";
import { indexQueuedSearch } from "../lib/interactions/search-index";
import { searchTextOf } from "../lib/interactions/search-text";
import { interactionStore, type NewInteraction } from "../lib/interactions/store";
import { migratePostgres } from "./migrate.mjs";
import { startPgCluster } from "./pg-cluster.mjs";
import { sealSecret } from "../lib/crypto/secret-box";
import { BENCH_ENDPOINTS, BENCH_SECRETS, benchRows, type SearchableBenchRow } from "./bench-log-rows";
import type { LiveLatency } from "./bench-live";
import { liveOnLog } from "./bench-log-live";
import { BENCH_SECRET_KEY, quantile } from "./bench-support";

// The seeded endpoints' secrets are sealed here; the production server liveOnLog starts must open them.
process.env.STUDIO_SECRET_KEY = BENCH_SECRET_KEY;

const ROWS = Number(process.env.BENCH_LOG_ROWS ?? 1_000_000);
/**
 * Each query this many times; p50/p95 are over every run of every value tried for a line. A filter alone has 2 or
 * 3 values and two pages each: at 3 runs its p95 was the slowest of 18 (any one stall), at 10 it is the 58th of 60.
 */
const REPEATS = Number(process.env.BENCH_LOG_REPEATS ?? 10);
/** Single inserts timed per configuration (with this issue's indexes and queue, and without). */
const INSERTS = 2_000;
const END = new Date("2026-12-01T00:00:00Z");
const SPAN_MS = 60 * 86_400_000;
/** A cursor in the middle of the log: the page after it is a deep page. */
const MIDDLE = encodeCursor({ at: new Date(END.getTime() - SPAN_MS / 2), id: "zzzz" });
/**
 * The start-up jobs for rows stored before them (at-rest redaction, search text) marked done, as on a database that
 * has run a while: seeded rows need neither, and a production server started on it (liveOnLog) would otherwise
 * spend its first minutes walking a million rows beside the callbacks being timed.
 */
const DONE_JOBS = [
  [AT_REST_SETTING, AT_REST_VERSION],
  [SEARCH_BACKFILL_SETTING, SEARCH_BACKFILL_VERSION],
] as const;
const searchText = (row: SearchableBenchRow | Parameters<typeof searchTextOf>[0]) => searchTextOf(row, []);

export interface Timing {
  name: string;
  p50: number;
  p95: number;
  /** Runs timed. */
  runs: number;
  /** How many of the value sets tried matched nothing, of how many. */
  empty: number;
  sets: number;
  /** Search pages that came back short with a next page (the walk's budget spent). */
  short: number;
}

export interface DatabaseLog {
  name: string;
  seedSeconds: number;
  /** Building the search index of every row (FTS5 / the GIN index of "InteractionSearch"). */
  searchIndexSeconds: number;
  /** A callback's insert through the real store, mean µs: with this issue's indexes, search text and queue, and without. */
  insertUs: { after: number; before: number };
  /** The background feeder's cost per row (indexQueuedSearch after the inserts). */
  feederUsPerRow: number;
  combinations: Timing[];
  searches: Timing[];
  /** The export streamed: CSV of every row, NDJSON of the first NDJSON_EXPORT_ROWS. */
  exports: ExportRun[];
  /** PostgreSQL only: the plan of one enumerated combination at this size, as node types. */
  plan?: string;
  /** A production server on this database: callback → its frame on the live stream (null without a build). */
  live: LiveLatency | null;
  /** Retention's batches (the real store, oldest rows first): as shipped, and on SQLite with FTS5's default deletemerge. */
  retention: RetentionTiming[];
}

export interface RetentionTiming {
  name: string;
  batches: number;
  p50: number;
  p90: number;
  max: number;
}

export interface LogFigures {
  rows: number;
  /** Deriving a row's search text in JS (search-text.ts), mean µs. */
  searchTextUs: number;
  sqlite: DatabaseLog;
  postgres: DatabaseLog;
}

const COLUMNS = ["id", "endpointId", "platform", "eventId", "kind", "status", "actor", "scene", "control", "data", "subject", "summary", "headers", "body", "decoded", "reply", "replySource", "receivedAt", "deadlineAt", "answeredAt", "searchText"] as const;

function progress(label: string, done: number, total: number, started: number) {
  if (done % 100_000 === 0 || done === total) console.log(`  ${label}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

// ---------------------------------------------------------------- seeding

/**
 * SQLite: migrated by `prisma migrate deploy`, as `npm start` does (so a production server can start on the file
 * afterwards); rows in 10,000-row transactions, the secondary indexes built afterwards.
 */
export function seedSqlite(file: string, total: number): { seedSeconds: number; searchIndexSeconds: number } {
  const started = performance.now();
  const migrated = spawnSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`prisma migrate deploy on ${file}: ${migrated.stderr || migrated.stdout}`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1048576");
  for (const endpoint of BENCH_ENDPOINTS) {
    db.prepare(`INSERT INTO "Endpoint" (id, platform, name, mode, fallback, secrets, createdAt, updatedAt) VALUES (?, ?, ?, 'rules', 'null', ?, ?, ?)`).run(endpoint.id, endpoint.platform, endpoint.id, sealSecret(JSON.stringify(BENCH_SECRETS[endpoint.platform])), END.toISOString(), END.toISOString());
  }
  for (const [key, value] of DONE_JOBS) db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?)`).run(key, value, END.toISOString());
  // Built once the rows are in (a sort each), exactly as the migrations define them.
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Interaction' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const insert = db.prepare(`INSERT INTO "Interaction" (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")})`);
  const ts = (date: Date | null) => (date ? date.toISOString().replace("Z", "+00:00") : null);
  const row = benchRows(total, END, searchText);
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = row(i);
      insert.run({ ...r, receivedAt: ts(r.receivedAt), deadlineAt: ts(r.deadlineAt), answeredAt: ts(r.answeredAt) });
    }
  });
  for (let i = 0; i < total; i += 10_000) {
    chunk(i, Math.min(total, i + 10_000));
    progress("SQLite rows", Math.min(total, i + 10_000), total, started);
  }
  for (const index of indexes) db.exec(index.sql);
  const searchStarted = performance.now();
  // What the feeder would do, in one go: every queued row into the FTS5 index.
  db.exec(`INSERT INTO "InteractionSearch" (rowid, "searchText") SELECT rowid, "searchText" FROM "Interaction";
    UPDATE "InteractionSearchState" SET "indexedUpTo" = (SELECT max(rowid) FROM "Interaction");`);
  const searchIndexSeconds = (performance.now() - searchStarted) / 1000;
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { seedSeconds: (performance.now() - started) / 1000, searchIndexSeconds };
}

/**
 * PostgreSQL: migrated by the real runner; rows by multi-row INSERT … unnest, indexes and the search copy built
 * afterwards, in one statement the server works through while `whileIndexing` runs here (the SQLite seed: the
 * two use a core each).
 */
export async function seedPostgres(url: string, total: number, whileIndexing: () => void = () => undefined): Promise<{ seedSeconds: number; searchIndexSeconds: number }> {
  const started = performance.now();
  await migratePostgres(url, { log: () => undefined });
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const endpoint of BENCH_ENDPOINTS) {
      await client.query(`INSERT INTO "Endpoint" ("id", "platform", "name", "mode", "fallback", "secrets", "createdAt", "updatedAt") VALUES ($1, $2, $1, 'rules', 'null', $3, now(), now())`, [endpoint.id, endpoint.platform, sealSecret(JSON.stringify(BENCH_SECRETS[endpoint.platform]))]);
    }
    for (const [key, value] of DONE_JOBS) await client.query(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ($1, $2, now())`, [key, value]);
    // Built once the rows are in, exactly as the migrations define them (their definitions read back first).
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('Interaction', 'InteractionSearch') AND indexname NOT LIKE '%pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    await client.query(`ALTER TABLE "Interaction" DISABLE TRIGGER "Interaction_search_queue"`);
    const types = COLUMNS.map((c) => (["receivedAt", "deadlineAt", "answeredAt"].includes(c) ? "timestamp(3)" : "text"));
    const insert = `INSERT INTO "Interaction" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
    const row = benchRows(total, END, searchText);
    for (let from = 0; from < total; from += 5_000) {
      const columns: unknown[][] = COLUMNS.map(() => []);
      for (let i = from; i < Math.min(total, from + 5_000); i++) {
        const r = row(i);
        COLUMNS.forEach((c, k) => columns[k]!.push(r[c] instanceof Date ? pgTimestamp(r[c]) : r[c]));
      }
      await client.query(insert, columns);
      progress("PostgreSQL rows", Math.min(total, from + 5_000), total, started);
    }
    const gin = indexes.filter((index) => index.def.includes("gin_trgm_ops"));
    const indexing = performance.now();
    const built = client.query(
      [
        ...indexes.filter((i) => !gin.includes(i)).map((i) => i.def),
        // What the feeder would do, in one go: every row's text into the search table, then its GIN index.
        `INSERT INTO "InteractionSearch" ("interactionId", "searchText") SELECT "id", "searchText" FROM "Interaction"`,
        ...gin.map((i) => i.def),
        `ALTER TABLE "Interaction" ENABLE TRIGGER "Interaction_search_queue"`,
      ].join(";\n"),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    whileIndexing();
    await built;
    const searchIndexSeconds = (performance.now() - indexing) / 1000;
    // What autovacuum does to a table this size soon enough: statistics for the planner.
    await client.query(`VACUUM ANALYZE "Interaction"`);
    await client.query(`VACUUM ANALYZE "InteractionSearch"`);
    // The load's and the vacuum's dirty pages written out now, not by a checkpoint in the middle of the timings.
    await client.query("CHECKPOINT");
    return { seedSeconds: (performance.now() - started) / 1000, searchIndexSeconds };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- measuring

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function timing(name: string, samples: number[], sets: number, empty: number, short = 0): Timing {
  const sorted = samples.toSorted((a, b) => a - b);
  return { name, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), runs: samples.length, empty, sets, short };
}

const VALUES = {
  endpointId: ["bench-discord", "bench-easemob"],
  platform: ["qq", "easemob"],
  kind: ["button", "reaction", "submit"],
  status: ["answered", "failed", "refused"],
} as const;
type Column = keyof typeof VALUES;

/** Each of the 16 combinations with every set of its columns' values, a first page and a deep one, REPEATS times each. */
async function measureCombinations(db: Db): Promise<Timing[]> {
  const figures: Timing[] = [];
  const columns = Object.keys(VALUES) as Column[];
  for (let mask = 0; mask < 16; mask++) {
    const used = columns.filter((_, bit) => mask & (1 << bit));
    let sets: Record<string, string>[] = [{}];
    for (const column of used) sets = sets.flatMap((set) => VALUES[column].map((value) => ({ ...set, [column]: value })));
    const samples: number[] = [];
    let empty = 0;
    for (const set of sets) {
      // Once unmeasured: prepared statements, JIT.
      const first = await listInteractions(db, listInteractionsQuery.parse(set));
      if (first.items.length === 0) empty++;
      for (let r = 0; r < REPEATS; r++) {
        for (const cursor of [undefined, MIDDLE]) samples.push((await time(() => listInteractions(db, listInteractionsQuery.parse({ ...set, cursor })))).ms);
      }
    }
    figures.push(timing(used.join(" + ") || "no filter", samples, sets.length, empty));
  }
  return figures;
}

/** Searches of each kind, alone and with filters, a first page and a deep one. */
async function measureSearches(db: Db, rare: Probes): Promise<Timing[]> {
  const filters: Record<string, string>[] = [{}, { status: "answered" }, { endpointId: "bench-qq" }, { status: "failed" }, { platform: "easemob", kind: "reaction" }];
  const kinds: [string, string[]][] = [
    ["common (a control on ~5 % of rows)", ["vote:yes", "menu:open"]],
    ["rare (one user's rows)", [rare.actor]],
    ["one row (a whole Discord event id: digits)", [rare.discordEvent]],
    ["one row (part of a Feishu event id: hex)", [rare.feishuPart]],
    ["absent", ["zq-no-such-value", "nothing-here-17"]],
    ["shorter than a trigram", ["7", "zq"]],
  ];
  const figures: Timing[] = [];
  for (const [name, qs] of kinds) {
    const samples: number[] = [];
    let empty = 0;
    let short = 0;
    let sets = 0;
    for (const q of qs) {
      for (const filter of filters) {
        sets++;
        const query = { ...filter, q, limit: 50 };
        const first = await listInteractions(db, listInteractionsQuery.parse(query));
        if (first.items.length === 0 && first.nextCursor === null) empty++;
        for (let r = 0; r < REPEATS; r++) {
          for (const cursor of [undefined, MIDDLE]) {
            const { ms, value } = await time(() => listInteractions(db, listInteractionsQuery.parse({ ...query, cursor })));
            samples.push(ms);
            if (value.nextCursor && value.items.length < 50) short++;
          }
        }
      }
    }
    figures.push(timing(name, samples, sets, empty, short));
  }
  return figures;
}

/** Mean µs of single inserts through the real store (autocommit, as a callback's), after a quarter of them unmeasured. */
async function insertCost(rows: NewInteraction[]): Promise<number> {
  const store = interactionStore();
  const warm = Math.floor(rows.length / 4);
  for (const row of rows.slice(0, warm)) await store.insert(row);
  const started = performance.now();
  for (const row of rows.slice(warm)) await store.insert(row);
  return ((performance.now() - started) * 1000) / (rows.length - warm);
}

/** What this issue adds to a callback's insert, to take away and put back: the two filter indexes, and on PostgreSQL the search queue's trigger. */
export interface Extras {
  drop(): Promise<void>;
  restore(): Promise<void>;
}

/**
 * Inserts with this issue's additions and without, alternating twice (with, without, with, without) so that
 * neither gets the warmer cache or the quieter moment: the mean of each.
 */
async function insertCosts(extras: Extras): Promise<{ after: number; before: number }> {
  const after: number[] = [];
  const before: number[] = [];
  for (let round = 0; round < 2; round++) {
    after.push(await insertCost(extraRows(true, `a${round}`)));
    await extras.drop();
    before.push(await insertCost(extraRows(false, `b${round}`)));
    await extras.restore();
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return { after: mean(after), before: mean(before) };
}

/** The next callback's arrival: each insert is the newest row, as a callback is. */
let arrivals = END.getTime() + 86_400_000;

/**
 * INSERTS rows for single inserts, each arriving 37 ms after the last, after the whole log; with the search text a
 * callback stores, or none (before this issue). Rows spread over the log's 60 days instead (as benchRows makes them)
 * land in the middle of every (…, receivedAt, id) index, a leaf page of each written out per insert: that measured
 * 630–890 µs where newest rows, the real case, measured 35–100 µs on the same 1 M-row SQLite file.
 */
function extraRows(withText: boolean, tag: string): NewInteraction[] {
  const row = benchRows(INSERTS, new Date(END.getTime() + 86_400_000), searchText, tag.charCodeAt(0) * 10 + Number(tag.slice(1)));
  const defined = <T>(value: T | null) => value ?? undefined;
  return Array.from({ length: INSERTS }, (_, i) => {
    const r = row(i);
    const shift = (arrivals += 37) - r.receivedAt.getTime();
    const moved = (date: Date | null) => (date ? new Date(date.getTime() + shift) : undefined);
    return {
      id: `${r.id}-${tag}`, endpointId: r.endpointId, platform: r.platform, eventId: `${r.eventId}-${tag}`, kind: r.kind, status: r.status,
      actor: defined(r.actor), scene: defined(r.scene), control: defined(r.control), data: defined(r.data), subject: defined(r.subject), summary: defined(r.summary),
      headers: r.headers, body: r.body, decoded: defined(r.decoded), reply: defined(r.reply), replySource: defined(r.replySource),
      receivedAt: moved(r.receivedAt)!, deadlineAt: moved(r.deadlineAt), answeredAt: moved(r.answeredAt), searchText: withText ? r.searchText : undefined,
    };
  });
}

interface Probes {
  /** A user's id: that user's rows. */
  actor: string;
  /** A Discord event id, whole: all digits, which a trigram index without positions finds everywhere. */
  discordEvent: string;
  /** Part of a Feishu event id (hex): one row. */
  feishuPart: string;
}

/** Values of rows past the templates (so they occur once), to search for. */
function probes(total: number): Probes {
  const row = benchRows(total, END, searchText);
  const found: Partial<Probes> = {};
  for (let i = 0; i < total && !(found.actor && found.discordEvent && found.feishuPart); i++) {
    const r = row(i);
    if (i < Math.min(total / 2, 43_210)) continue;
    if (r.platform === "discord" && !found.discordEvent && r.status !== "refused") found.discordEvent = r.eventId;
    if (r.platform === "feishu" && !found.feishuPart && r.status !== "refused") found.feishuPart = r.eventId.slice(4, 16);
    if (r.platform === "qq" && r.actor && !found.actor) found.actor = r.actor;
  }
  return found as Probes;
}

async function measure(name: string, db: Db, seeded: { seedSeconds: number; searchIndexSeconds: number }, total: number, extras: Extras): Promise<DatabaseLog> {
  console.log(`${name}: the 16 filter combinations…`);
  const combinations = await measureCombinations(db);
  console.log(`${name}: searches…`);
  const searches = await measureSearches(db, probes(total));
  console.log(`${name}: single inserts with this issue's additions and without, twice…`);
  const fed = await time(async () => {
    await insertCost(extraRows(true, "f0"));
    const started = performance.now();
    const rows = await indexQueuedSearch();
    return { ms: performance.now() - started, rows };
  });
  const insertUs = await insertCosts(extras);
  // The search index caught up with those rows, as the server's feeder would be by the time anyone looks.
  await indexQueuedSearch();
  console.log(`${name}: the export, CSV of every row, then NDJSON of the first ${NDJSON_EXPORT_ROWS.toLocaleString("en")}…`);
  const exports = [await measureExport(db, "csv", Infinity), await measureExport(db, "ndjson", NDJSON_EXPORT_ROWS)];
  console.log(`${name}: retention, ${RETENTION_BATCHES} batches of ${RETENTION_BATCH} of the oldest rows…`);
  const retention = [await measureRetention("as shipped", RETENTION_BATCHES)];
  if (name === "SQLite") {
    // The baseline: FTS5's default, a segment with a tenth of its rows deleted rewritten whole inside a delete
    // (migration 20261203120000_interaction_search_mark turns it off). A tenth is behind us by now.
    const { getSqlite } = await import("../lib/db/sqlite");
    getSqlite().exec(`INSERT INTO "InteractionSearch" ("InteractionSearch", rank) VALUES ('deletemerge', 10)`);
    retention.push(await measureRetention("FTS5's default deletemerge (10 %)", RETENTION_BASELINE_BATCHES));
    getSqlite().exec(`INSERT INTO "InteractionSearch" ("InteractionSearch", rank) VALUES ('deletemerge', 0)`);
  }
  return { name, ...seeded, insertUs, feederUsPerRow: (fed.value.ms * 1000) / Math.max(1, fed.value.rows), combinations, searches, exports, live: null, retention };
}

/** Retention's batches timed: 125,000 rows, past a tenth of the log (where FTS5's default deletemerge starts to bite). */
const RETENTION_BATCHES = Math.min(250, Math.ceil(ROWS / 4 / RETENTION_BATCH));
const RETENTION_BASELINE_BATCHES = Math.min(40, RETENTION_BATCHES);

/** Batches of the real retention store's removal of old rows, each timed (one transaction each, as a run takes them). */
async function measureRetention(name: string, batches: number): Promise<RetentionTiming> {
  const times: number[] = [];
  await retentionStore().exclusively(async (steps) => {
    let after: RowKey | null = null;
    for (let i = 0; i < batches; i++) {
      const started = performance.now();
      const step = await steps.removeOlder(END, after, RETENTION_BATCH);
      times.push(performance.now() - started);
      if (!step.next) break;
      after = step.next;
    }
  });
  const sorted = times.toSorted((a, b) => a - b);
  return { name, batches: times.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted.at(-1) ?? NaN };
}

/** NDJSON rows carry their bodies: this many is enough for a rate, where every row would take minutes. */
const NDJSON_EXPORT_ROWS = 100_000;

export interface ExportRun {
  format: "csv" | "ndjson";
  rows: number;
  rowsPerSecond: number;
  megabytes: number;
  /** The heap's and the process's highest point above where they stood before the export, MiB (sampled every 20 ms). */
  peakHeapMiB: number;
  peakRssMiB: number;
}

/** GET /api/interactions/export's own stream, read as fast as it comes (a fast client), up to `limit` rows. */
async function measureExport(db: Db, format: "csv" | "ndjson", limit: number): Promise<ExportRun> {
  const { exportInteractions } = await import("../lib/interactions/export");
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 20);
  const started = performance.now();
  const reader = exportInteractions(db, {}, format).getReader();
  let bytes = 0;
  let rows = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      for (const byte of next.value) if (byte === 10) rows++;
      if (rows >= limit) {
        await reader.cancel();
        break;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  // A CSV's header line is no row.
  const counted = format === "csv" ? rows - 1 : rows;
  return { format, rows: counted, rowsPerSecond: counted / seconds, megabytes: bytes / 1e6, peakHeapMiB: (peakHeap - before.heapUsed) / 2 ** 20, peakRssMiB: (peakRss - before.rss) / 2 ** 20 };
}

async function pgPlan(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const { pageQuery } = await import("../lib/interactions/list-pg");
    const { listPlan } = await import("../lib/interactions/list-plan");
    const { text, values } = pageQuery(listPlan({ platform: "qq" }), undefined, 51);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, values);
    const nodes = rows.map((r) => /(?:->\s*)?([A-Z][A-Za-z ]+?)(?: using| on|\s+\()/.exec(r["QUERY PLAN"].trim())?.[1]).filter(Boolean);
    const counts = new Map<string, number>();
    for (const node of nodes) counts.set(node!, (counts.get(node!) ?? 0) + 1);
    return [...counts].map(([node, n]) => (n > 1 ? `${n} × ${node}` : node)).join(", ");
  } finally {
    await client.end();
  }
}

export async function benchLog(total = ROWS): Promise<LogFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-log-"));
  const file = path.join(dir, "log.db");
  const sample = benchRows(2_000, END, () => "");
  const samples = Array.from({ length: 2_000 }, (_, i) => sample(i));
  const derive = await time(async () => samples.forEach((r) => searchText(r)));
  const searchTextUs = (derive.ms * 1000) / samples.length;
  const previousUrl = process.env.DATABASE_URL;
  const cluster = await startPgCluster({ log: () => undefined });
  try {
    console.log(`\nLive log at scale: ${total.toLocaleString("en")} interactions into PostgreSQL (a throwaway cluster), and into SQLite (${file}) while PostgreSQL builds its indexes…`);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_log");
    await admin.end();
    const url = cluster.url.replace(/\/postgres(\?|$)/, "/bench_log$1");
    let sqliteSeeded: ReturnType<typeof seedSqlite> | undefined;
    const pgSeeded = await seedPostgres(url, total, () => (sqliteSeeded = seedSqlite(file, total)));

    process.env.DATABASE_URL = `file:${file}`;
    const sqliteDb = createDb(process.env.DATABASE_URL);
    const { getSqlite } = await import("../lib/db/sqlite");
    // SQLite's search adds nothing to an insert (the feeder reads rows past a mark): only the two filter indexes.
    const names = ["Interaction_kind_platform_status_receivedAt_id_idx", "Interaction_kind_endpointId_status_receivedAt_id_idx"];
    const definitions = getSqlite().prepare(`SELECT type, name, sql FROM sqlite_master WHERE name IN (${names.map(() => "?").join(", ")})`).all(...names) as { type: string; name: string; sql: string }[];
    const sqlite = await measure("SQLite", sqliteDb, sqliteSeeded!, total, {
      drop: async () => definitions.forEach((d) => getSqlite().exec(`DROP ${d.type.toUpperCase()} "${d.name}"`)),
      restore: async () => definitions.forEach((d) => getSqlite().exec(d.sql)),
    });
    await sqliteDb.$disconnect();
    getSqlite().close();
    console.log("SQLite: the live log's latency through a production server on this file…");
    sqlite.live = await liveOnLog(`file:${file}`);
    rmSync(dir, { recursive: true, force: true });

    process.env.DATABASE_URL = url;
    const pgDb = createDb(url);
    const plan = await pgPlan(url);
    const { getPgPool } = await import("../lib/db/pg");
    const { rows: pgDefinitions } = await getPgPool().query<{ drop: string; def: string }>(
      `SELECT format('DROP INDEX %I', indexname) AS drop, indexdef AS def FROM pg_indexes WHERE indexname IN ('Interaction_kind_platform_status_receivedAt_id_idx', 'Interaction_kind_endpointId_status_receivedAt_id_idx')
       UNION ALL SELECT format('DROP TRIGGER %I ON "Interaction"', tgname), pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'Interaction_search_queue'`,
    );
    const postgres = {
      ...(await measure("PostgreSQL", pgDb, pgSeeded, total, {
        drop: async () => void (await getPgPool().query(pgDefinitions.map((d) => d.drop).join("; "))),
        restore: async () => void (await getPgPool().query(pgDefinitions.map((d) => d.def).join("; "))),
      })),
      plan,
    };
    console.log("PostgreSQL: the live log's latency through a production server on this database…");
    postgres.live = await liveOnLog(url);
    await pgDb.$disconnect();
    await closePg(url);
    return { rows: total, searchTextUs, sqlite, postgres };
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}

export function printLog(figures: LogFigures): void {
  const { rows, sqlite, postgres } = figures;
  const ms = (n: number) => n.toFixed(1).padStart(7);
  console.log(`\nLive log at ${rows.toLocaleString("en")} interactions: GET /api/interactions's list function, ms (p50 / p95 over every value set, a first page and a deep one, ${REPEATS} runs each)`);
  const table = (title: string, pick: (d: DatabaseLog) => Timing[], extra: (t: Timing) => string) => {
    console.log(`\n${title.padEnd(44)}   SQLite p50     p95   PostgreSQL p50     p95   value sets (matching nothing)`);
    pick(sqlite).forEach((s, i) => {
      const p = pick(postgres)[i]!;
      console.log(`${s.name.padEnd(44)} ${ms(s.p50)} ${ms(s.p95)}        ${ms(p.p50)} ${ms(p.p95)}   ${s.sets} (${s.empty})${extra(s)}${extra(p)}`);
    });
  };
  table("filters", (d) => d.combinations, () => "");
  table("search q (alone, then with 4 filter sets)", (d) => d.searches, (t) => (t.short ? `, ${t.short} short pages` : ""));
  for (const d of [sqlite, postgres]) {
    console.log(`\n${d.name}: seeded in ${d.seedSeconds.toFixed(0)} s, of which ${d.name === "SQLite" ? "the search index" : "the indexes and the search copy (SQLite seeding meanwhile)"} ${d.searchIndexSeconds.toFixed(0)} s`);
    console.log(`  a callback's insert (real store, autocommit, 2 × ${(INSERTS * 3) / 4} each, alternating): ${d.insertUs.after.toFixed(0)} µs with this issue's additions (indexes, search text${d.name === "PostgreSQL" ? ", search queue" : ""}), ${d.insertUs.before.toFixed(0)} µs without (${(1e6 / d.insertUs.after).toFixed(0)} vs ${(1e6 / d.insertUs.before).toFixed(0)} inserts/s)`);
    console.log(`  the background feeder: ${d.feederUsPerRow.toFixed(0)} µs a row`);
    if (d.plan) console.log(`  plan of platform = qq (36 arms): ${d.plan}`);
    const live = d.live;
    if (live) {
      console.log(`  live log (a production server on this database): callback sent → its interaction.created frame read from the stream, ${live.samples} one at a time: p50 ${live.p50.toFixed(1)} ms, p95 ${live.p95.toFixed(1)} ms (the callback's round trip alone p50 ${live.roundTripP50.toFixed(1)}, p95 ${live.roundTripP95.toFixed(1)}); ${live.missed} frames not read within 5 s`);
    } else console.log("  live log: not measured (no production build: npm run build)");
    for (const r of d.retention) console.log(`  retention, ${r.batches} batches of ${RETENTION_BATCH} oldest rows (${r.name}): p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)}, max ${r.max.toFixed(1)} a batch`);
    for (const e of d.exports) {
      console.log(`  export ${e.format.toUpperCase().padEnd(6)} ${e.rows.toLocaleString("en")} rows, ${e.megabytes.toFixed(0)} MB: ${e.rowsPerSecond.toFixed(0)} rows/s; peak above the start: heap ${e.peakHeapMiB.toFixed(0)} MiB, RSS ${e.peakRssMiB.toFixed(0)} MiB`);
    }
  }
  console.log(`deriving a row's search text in JS: ${figures.searchTextUs.toFixed(1)} µs`);
}

if (process.argv[1]?.endsWith("bench-log.ts")) {
  benchLog()
    .then(printLog)
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
