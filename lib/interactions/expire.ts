import "server-only";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { publish } from "@/lib/live/bus";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";

/** Grace after a reply window closes, so a reply racing the window is not cut off. */
const GRACE_MS = 5000;

/**
 * Marks pending interactions whose reply window has closed as expired: after a
 * restart no held request or fallback timer survives to answer them.
 */
export function expireStale(now = new Date()): number {
  const db = getSqlite();
  const select = db.prepare(`SELECT id, endpointId FROM "Interaction" WHERE platform = ? AND status = 'pending' AND receivedAt < ?`);
  const update = db.prepare(`UPDATE "Interaction" SET status = 'expired' WHERE id = ? AND status = 'pending'`);
  let expired = 0;
  for (const platform of PLATFORM_IDS) {
    const cutoff = sqliteTimestamp(new Date(now.getTime() - getInbound(platform).replyWindowMs - GRACE_MS));
    for (const row of select.all(platform, cutoff) as { id: string; endpointId: string }[]) {
      if (update.run(row.id).changes === 1) {
        expired++;
        publish({ type: "interaction.updated", id: row.id, endpointId: row.endpointId, status: "expired" });
      }
    }
  }
  return expired;
}

const SWEEP_MS = 60_000;

export function startExpirySweep(): void {
  expireStale();
  setInterval(() => expireStale(), SWEEP_MS).unref();
}
