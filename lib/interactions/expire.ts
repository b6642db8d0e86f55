import "server-only";
import type { Db } from "@/lib/db";
import { databaseKind } from "@/lib/db/url";
import { publish } from "@/lib/live/bus";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { isHeld } from "./holds";
import { decide, EXPIRY_GRACE_MS, type Decision, type PlatformFacts } from "./lifecycle";
import { claimOverdue, deliverOverdue } from "./overdue";
import { interactionStore } from "./store";

/**
 * Marks pending interactions whose reply window has closed as expired: after a restart no held
 * request or fallback timer survives to answer them. The query finds the candidates (past the
 * window and its grace); the lifecycle decides each, and the conditional update lets an answer
 * that wins meanwhile keep its row. With several instances sweeping, each row is expired (and
 * announced) by exactly one of them.
 */
export async function expireStale(now = new Date()): Promise<number> {
  let expired = 0;
  for (const platform of PLATFORM_IDS) {
    const inbound = getInbound(platform);
    // Only the windows matter to the sweep; how replies travel does not.
    const facts: PlatformFacts = { deadlineMs: inbound.deadlineMs, replyWindowMs: inbound.replyWindowMs, lateBudget: inbound.lateBudget, replyVia: "response", lateChannel: false };
    const receivedBefore = new Date(now.getTime() - inbound.replyWindowMs - EXPIRY_GRACE_MS);
    const decided = new Map<string, Decision>();
    const won = await interactionStore().claimPending({ platform, receivedBefore }, async (row) => {
      // Held here only: no hold outlasts a reply window, let alone its grace, so other instances need not be asked.
      const state = { status: row.status, replySource: row.replySource, receivedAt: row.receivedAt, deadlineAt: row.deadlineAt, updates: row.updates, held: isHeld(row.id) };
      const decision = decide(state, { type: "sweep" }, now.getTime(), facts);
      if (decision.write?.op !== "expire") return null;
      decided.set(row.id, decision);
      return { op: "expire" };
    });
    // Announced once the claim committed: whoever reads the row then finds it expired.
    for (const row of won) {
      expired++;
      for (const effect of decided.get(row.id)?.effects ?? []) {
        if (effect.type === "publish") publish({ type: effect.event, id: row.id, endpointId: row.endpointId, status: effect.status });
      }
    }
  }
  return expired;
}

const EXPIRY_SWEEP_MS = 60_000;
/** How often overdue fallbacks are looked for where several instances share the database. */
const OVERDUE_SWEEP_MS = 1000;

function logSweepFailure(name: string): (error: unknown) => void {
  return (error) => console.error(`[sweep] ${name} failed:`, error instanceof Error ? error.message : String(error));
}

/** Runs `sweep` every `ms`, never two at once (a slow database must not pile them up). */
function every(ms: number, name: string, sweep: () => Promise<unknown>): void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void sweep()
      .catch(logSweepFailure(name))
      .finally(() => (running = false));
  };
  tick();
  setInterval(tick, ms).unref();
}

/**
 * The expiry sweep, and on PostgreSQL the overdue-fallback sweep: there another instance may have
 * received an interaction and died before its fallback timer fired (on SQLite the one process that
 * received it holds the timer). Its sends run beside the next claims, so a slow platform API does
 * not hold up other fallbacks.
 */
export function startSweeps(db: Db): void {
  every(EXPIRY_SWEEP_MS, "expiry", () => expireStale());
  if (databaseKind() !== "postgres") return;
  every(OVERDUE_SWEEP_MS, "overdue fallbacks", async () => {
    const claimed = await claimOverdue(db);
    void deliverOverdue(claimed).catch(logSweepFailure("overdue fallback delivery"));
  });
}
