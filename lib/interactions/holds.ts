import "server-only";
import { createHoldRelay, type HoldRelay } from "@/lib/cluster/hold-relay";
import { processLink } from "@/lib/cluster/process-link";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";

/** Callbacks held open while a person decides (Discord manual mode): interaction id → release. */
type Release = (reply: unknown) => void;

export interface Holds {
  holdFor(id: string, ms: number): Promise<unknown | null>;
  release(id: string, reply: unknown): boolean;
  heldCount(): number;
  isHeld(id: string): boolean;
}

/** One instance's held requests; the process has one (below), tests make several. */
export function createHolds(): Holds {
  const holds = new Map<string, Release>();
  return {
    holdFor: (id, ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          holds.delete(id);
          resolve(null);
        }, ms);
        holds.set(id, (reply: unknown) => {
          clearTimeout(timer);
          holds.delete(id);
          resolve(reply);
        });
      }),
    release(id, reply) {
      const waiting = holds.get(id);
      if (!waiting) return false;
      waiting(reply);
      return true;
    },
    heldCount: () => holds.size,
    isHeld: (id) => holds.has(id),
  };
}

const local = remember("held-requests-local", createHolds);

/** On PostgreSQL, other instances may hold a request or answer one held here; SQLite has one process. */
function relay(): HoldRelay | null {
  return remember("held-requests-relay", () => (databaseKind() === "postgres" ? createHoldRelay(processLink(), local) : null));
}

/** On PostgreSQL, LISTENs for releases from other instances (lib/cluster/start.ts); nothing on SQLite. */
export async function startHoldRelay(): Promise<void> {
  await relay()?.start();
}

/** Waits until a person answers (resolves with the reply) or `ms` pass (resolves null). */
export function holdFor(id: string, ms: number): Promise<unknown | null> {
  // Normally started with the server (lib/cluster/start.ts); here so no hold is ever unreachable.
  relay()
    ?.start()
    .catch((error: unknown) => console.error("held requests: LISTEN failed", error));
  return local.holdFor(id, ms);
}

/** Hands a reply to a request held by this process; false when none is held (anymore). */
export function release(id: string, reply: unknown): boolean {
  return local.release(id, reply);
}

/** How many requests this process holds open right now (they come due together in a burst). */
export function heldCount(): number {
  return local.heldCount();
}

/** Whether this process holds the request. */
export function isHeld(id: string): boolean {
  return local.isHeld(id);
}

/**
 * Whether any instance holds the request: this one at once; on PostgreSQL another one that
 * acknowledges within ACK_WAIT_MS (so ask only while a hold can still be open: pending, before its deadline).
 */
export async function heldAnywhere(id: string): Promise<boolean> {
  if (local.isHeld(id)) return true;
  return (await relay()?.probe(id)) ?? false;
}

/**
 * Hands the reply to the held request wherever it is: this process synchronously, else (PostgreSQL)
 * the instance that acknowledges within ACK_WAIT_MS; false when nobody holds it (its holder died or
 * its deadline passed: then the holder's own deadline write lost and it answers from the row).
 */
export async function releaseAnywhere(id: string, reply: unknown): Promise<boolean> {
  if (local.release(id, reply)) return true;
  return (await relay()?.release(id, reply)) ?? false;
}
