import { remember } from "@/lib/process/remember";

/** Failed sign-ins allowed per client before each further try must wait. */
const FREE_FAILURES = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;
/** Clients remembered at most: behind a proxy the address is a header anyone can vary, so memory stays bounded. */
const MAX_CLIENTS = 10_000;

interface Entry {
  failures: number;
  blockedUntil: number;
}

const entries = remember("login-throttle", () => new Map<string, Entry>());

/** Milliseconds this client must still wait before trying a password, 0 when it may try now. */
export function loginWaitMs(client: string, now = Date.now()): number {
  return Math.max(0, (entries.get(client)?.blockedUntil ?? 0) - now);
}

/** Past the free tries, each failure doubles the wait (1 s, 2 s, 4 s … up to 15 min): guessing gets slow fast. */
export function recordLoginResult(client: string, ok: boolean, now = Date.now()): void {
  if (ok) {
    entries.delete(client);
    return;
  }
  const failures = (entries.get(client)?.failures ?? 0) + 1;
  const over = failures - FREE_FAILURES;
  entries.delete(client);
  entries.set(client, { failures, blockedUntil: over > 0 ? now + Math.min(MAX_WAIT_MS, 1000 * 2 ** (over - 1)) : 0 });
  // A Map iterates in insertion order and a failing client was just moved to the end: the first is the stalest.
  if (entries.size > MAX_CLIENTS) entries.delete(entries.keys().next().value!);
}

export function clientKey(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "direct";
}
