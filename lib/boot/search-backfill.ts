import "server-only";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { storedSearchText } from "@/lib/interactions/stored-request";
import { textSteps, type Derive, type TextStep } from "./search-backfill-store";

/**
 * Interactions stored before search (issue 17) have no search text: once, at start, each gets the one a
 * callback now stores with it (lib/interactions/search-text.ts, the endpoint's secrets redacted), and the
 * search index takes it (on SQLite a row the feeder already passed is indexed by the update's trigger, at once;
 * on PostgreSQL the update queues it). Until its step comes, such a row is not found by search.
 */
export const SEARCH_BACKFILL_SETTING = "searchTextBackfill";
export const SEARCH_BACKFILL_VERSION = "1";
/**
 * Rows per step, so callbacks keep being served between steps (as lib/boot/redact-at-rest.ts): on SQLite a step
 * may also index its rows (~0.2 ms each), so it is kept to ~25 ms.
 */
const BATCH = 100;

export interface BackfillReport {
  scanned: number;
  filled: number;
}

/** Null when already done; else what was scanned and filled. Safe to interrupt: it runs again until it finishes. */
export async function backfillSearchText(db: Db, batch = BATCH): Promise<BackfillReport | null> {
  if ((await db.setting.findUnique({ where: { key: SEARCH_BACKFILL_SETTING } }))?.value === SEARCH_BACKFILL_VERSION) return null;
  const endpoints = new Map<string, LiveEndpoint | null>();
  for (const { id } of await db.endpoint.findMany({ select: { id: true } })) {
    // Secrets that no longer open (another server key): those rows wait for a start that can open them.
    endpoints.set(id, await getLiveEndpoint(db, id).catch(() => null));
  }
  let complete = true;
  const derive: Derive = (row) => {
    const endpoint = endpoints.get(row.endpointId);
    if (!endpoint) {
      complete = false;
      return null;
    }
    return storedSearchText(endpoint, row);
  };
  const step = textSteps();
  const report = { scanned: 0, filled: 0 };
  let after: string | number | null = null;
  do {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const done: TextStep = await step(after, batch, derive);
    report.scanned += done.scanned;
    report.filled += done.filled;
    after = done.next;
  } while (after !== null);
  if (complete) {
    await db.setting.upsert({ where: { key: SEARCH_BACKFILL_SETTING }, create: { key: SEARCH_BACKFILL_SETTING, value: SEARCH_BACKFILL_VERSION }, update: { value: SEARCH_BACKFILL_VERSION } });
  }
  return report;
}
