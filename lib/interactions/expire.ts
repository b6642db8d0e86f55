import "server-only";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { publish } from "@/lib/live/bus";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { isHeld } from "./holds";
import { decide, EXPIRY_GRACE_MS, type PlatformFacts } from "./lifecycle";

interface Candidate {
  id: string;
  endpointId: string;
  status: string;
  replySource: string | null;
  receivedAt: string;
  deadlineAt: string | null;
  updates: number;
}

/**
 * Marks pending interactions whose reply window has closed as expired: after a restart no held
 * request or fallback timer survives to answer them. The query finds the candidates (past the
 * window and its grace); the lifecycle decides each, and the conditional update lets an answer
 * that wins meanwhile keep its row.
 */
export function expireStale(now = new Date()): number {
  const db = getSqlite();
  const select = db.prepare(`SELECT id, endpointId, status, replySource, receivedAt, deadlineAt, updates FROM "Interaction" WHERE platform = ? AND status = 'pending' AND receivedAt < ?`);
  const update = db.prepare(`UPDATE "Interaction" SET status = 'expired' WHERE id = ? AND status = 'pending'`);
  let expired = 0;
  for (const platform of PLATFORM_IDS) {
    const inbound = getInbound(platform);
    // Only the windows matter to the sweep; how replies travel does not.
    const facts: PlatformFacts = { deadlineMs: inbound.deadlineMs, replyWindowMs: inbound.replyWindowMs, lateBudget: inbound.lateBudget, replyVia: "response", lateChannel: false };
    const cutoff = sqliteTimestamp(new Date(now.getTime() - inbound.replyWindowMs - EXPIRY_GRACE_MS));
    for (const row of select.all(platform, cutoff) as Candidate[]) {
      const state = { status: row.status, replySource: row.replySource, receivedAt: Date.parse(row.receivedAt), deadlineAt: row.deadlineAt ? Date.parse(row.deadlineAt) : null, updates: row.updates, held: isHeld(row.id) };
      const decision = decide(state, { type: "sweep" }, now.getTime(), facts);
      if (decision.write?.op !== "expire" || update.run(row.id).changes !== 1) continue;
      expired++;
      for (const effect of decision.effects) {
        if (effect.type === "publish") publish({ type: effect.event, id: row.id, endpointId: row.endpointId, status: effect.status });
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
