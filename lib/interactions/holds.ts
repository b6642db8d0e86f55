import "server-only";
import { remember } from "@/lib/process/remember";

/** Callbacks held open while a person decides (Discord manual mode): interaction id → release. */
type Release = (reply: unknown) => void;

const holds = remember("held-requests", () => new Map<string, Release>());

/** Waits until a person answers (resolves with the reply) or `ms` pass (resolves null). */
export function holdFor(id: string, ms: number): Promise<unknown | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      holds.delete(id);
      resolve(null);
    }, ms);
    holds.set(id, (reply: unknown) => {
      clearTimeout(timer);
      holds.delete(id);
      resolve(reply);
    });
  });
}

/** Hands a reply to the held request; false when none is held (anymore). */
export function release(id: string, reply: unknown): boolean {
  const waiting = holds.get(id);
  if (!waiting) return false;
  waiting(reply);
  return true;
}

/** How many requests are held open right now (they come due together in a burst). */
export function heldCount(): number {
  return holds.size;
}

export function isHeld(id: string): boolean {
  return holds.has(id);
}
