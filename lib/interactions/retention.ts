import "server-only";
import type { Db } from "@/lib/db";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { remember } from "@/lib/process/remember";
import { recordRetentionRun, retentionPolicy, type RetentionEnv, type RetentionRun } from "@/lib/settings/retention";
import { EXPIRY_GRACE_MS } from "./lifecycle";
import { retentionStore, type RemovalStep, type RowKey } from "./retention-store";

/**
 * Rows a batch removes at most, in one short transaction. Measured here (SQLite, 50,000 rows of ~1.5 KB, a
 * loaded 2-core machine): p50 16 ms, at most 58 ms a batch, during which SQLite's one writer (and, the
 * driver being synchronous, the event loop) is the batch's; on PostgreSQL p50 6 ms, without blocking either.
 */
export const RETENTION_BATCH = 500;
/**
 * Between batches the callback path has the database and the event loop to itself: with the batches above,
 * a backlog (a first policy over a million rows: some two thousand batches) holds SQLite about a quarter of
 * the time for a couple of minutes, in stretches of tens of milliseconds.
 */
export const RETENTION_PAUSE_MS = 50;
/**
 * Rows younger than the longest reply window (Feishu's 30 minutes) and its grace are never removed,
 * whatever the limits say: a person may still update the card, a relayed bot's late answer may still
 * land, and a retried delivery must still find its event id stored rather than be taken for a new one.
 */
export const RETENTION_MIN_AGE_MS = Math.max(...PLATFORM_IDS.map((id) => getInbound(id).replyWindowMs)) + EXPIRY_GRACE_MS;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Index entries one step of the walk to an endpoint's cap passes (~2 ms on SQLite, measured: 11 ms per
 * 100,000): a cap of a million is fifty steps with pauses between, not a 110 ms stall once a minute.
 */
const WALK_STEP = 20_000;

export interface RetentionOptions {
  now?: Date;
  batch?: number;
  pauseMs?: number;
  /** Index entries per step of the walk to a cap (tests take several steps over a few rows). */
  walkStep?: number;
  env?: RetentionEnv;
}

const pause = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * One run of the retention policy (lib/settings/retention.ts): interactions older than `days`, then each
 * endpoint's rows past its newest `maxPerEndpoint` (by receivedAt), in batches with a pause between them.
 * Pending interactions are never removed (someone may still answer them; the expiry sweep ends those
 * nobody can), nor anything younger than RETENTION_MIN_AGE_MS. No other row refers to an interaction (a
 * live event carries only its id), so there is nothing else to remove. Returns what it did, also recorded
 * for the settings page; null when no limit is set or another instance is running it.
 */
export async function removeOldInteractions(db: Db, options: RetentionOptions = {}): Promise<RetentionRun | null> {
  const policy = await retentionPolicy(db, options.env);
  if (policy.days === null && policy.maxPerEndpoint === null) return null;
  const now = options.now ?? new Date();
  const batch = options.batch ?? RETENTION_BATCH;
  const pauseMs = options.pauseMs ?? RETENTION_PAUSE_MS;
  const walkStep = options.walkStep ?? WALK_STEP;
  const keepFrom = new Date(now.getTime() - RETENTION_MIN_AGE_MS);
  const counts = { byAge: 0, byCap: 0, batches: 0 };
  let error: string | undefined;

  /** Batches until one finds fewer rows than it may take; returns how many went. */
  const drain = async (remove: (after: RowKey | null) => Promise<RemovalStep>): Promise<number> => {
    let removed = 0;
    let after: RowKey | null = null;
    do {
      if (counts.batches > 0) await pause(pauseMs);
      const done: RemovalStep = await remove(after);
      counts.batches++;
      removed += done.removed;
      after = done.next;
    } while (after);
    return removed;
  };

  const ran = await retentionStore().exclusively(async (steps) => {
    try {
      if (policy.days !== null) {
        const before = new Date(Math.min(now.getTime() - policy.days * DAY_MS, keepFrom.getTime()));
        counts.byAge += await drain((after) => steps.removeOlder(before, after, batch));
      }
      const keep = policy.maxPerEndpoint;
      if (keep !== null) {
        for (const endpointId of await steps.endpointIds()) {
          // The newest row past the newest `keep` (place `keep`, the newest being place 0), in steps.
          let boundary: RowKey | null = null;
          for (let left = keep; ; left -= walkStep) {
            await pause(0);
            boundary = await steps.olderBy(endpointId, boundary, Math.min(left, walkStep));
            if (!boundary || left <= walkStep) break;
          }
          const cap = boundary;
          if (cap) counts.byCap += await drain((after) => steps.removeBeyond(endpointId, cap, keepFrom, after, batch));
        }
      }
    } catch (caught) {
      // What went before stays removed; the next run carries on from there.
      error = caught instanceof Error ? caught.message : String(caught);
    }
    return true;
  });
  if (!ran) return null;
  const run: RetentionRun = { at: now.toISOString(), finishedAt: new Date().toISOString(), removed: counts.byAge + counts.byCap, ...counts, policy, ...(error ? { error } : {}) };
  await recordRetentionRun(db, run);
  return run;
}

/** Soon after start (not during it), then every minute. */
const FIRST_RUN_MS = 15_000;
const RUN_EVERY_MS = 60_000;

/** One run at a time in this process: the periodic tick and "Remove now" share it (PostgreSQL adds its lock across instances). */
function runOnce(db: Db): Promise<RetentionRun | null> | null {
  const state = remember("retention-running", () => ({ running: false }));
  if (state.running) return null;
  state.running = true;
  return removeOldInteractions(db).finally(() => (state.running = false));
}

/**
 * "Remove now" on the settings page: a run at once. "running" when one is already under way in this process;
 * null when no limit is set (or another instance holds PostgreSQL's lock: its run does the work).
 */
export function runRetentionNow(db: Db): Promise<RetentionRun | null | "running"> {
  return runOnce(db) ?? Promise.resolve("running" as const);
}

/** Starts the periodic removal (bootstrap.ts), once per process; runs never overlap. */
export function startRetention(db: Db): void {
  const started = remember("retention-started", () => ({ yes: false }));
  if (started.yes) return;
  started.yes = true;
  const tick = () => {
    void runOnce(db)
      ?.then((run) => run?.error && console.error(`[retention] stopped after removing ${run.removed} interactions: ${run.error}`))
      .catch((error: unknown) => console.error("[retention] failed:", error instanceof Error ? error.message : String(error)));
  };
  setTimeout(tick, FIRST_RUN_MS).unref();
  setInterval(tick, RUN_EVERY_MS).unref();
}
