import "server-only";
import type { RawCallback } from "@/lib/platforms/inbound";

/** Read this much of a bot's answer: every platform's reply fits many times over, and /live shows the start of the rest. */
export const RELAY_ANSWER_LIMIT_BYTES = 64 * 1024;

/** The header that tells the bot (and its logs) which stored interaction a forwarded callback is. */
export const INTERACTION_HEADER = "x-button-studio-interaction";

export interface ForwardOptions {
  /** The interaction's id, sent as `X-Button-Studio-Interaction`. */
  interactionId: string;
  /** The platform's signature headers (InboundAdapter.relayHeaders), copied unchanged. */
  relayHeaders: readonly string[];
  /** How long the bot has, from now, to answer in full (relayBudgetMs). */
  budgetMs: number;
  /** Ends the forward early (a person answered in /live, the request was closed). */
  signal?: AbortSignal;
  limitBytes?: number;
}

/** What the bot said (`body` as text), or why nothing usable came; `ms` from sending to the end of reading. */
export type ForwardResult =
  | { status: number; body: string; ms: number }
  | { error: "timeout" | "unreachable"; ms: number }
  /** The answer outgrew the limit: its status and first `limitBytes`, for /live, but it is no reply. */
  | { error: "too_large"; status: number; body: string; ms: number };

/**
 * The time a bot may take: from now to the platform's deadline (counted from the request's arrival, as every
 * deadline here is) less a safety margin, so the fallback still goes out in time when the bot takes it all.
 */
export function relayBudgetMs(arrivedAt: Date, deadlineMs: number, marginMs: number, now: Date = new Date()): number {
  return Math.max(0, arrivedAt.getTime() + deadlineMs - marginMs - now.getTime());
}

/** The request a bot receives: the exact bytes and the platform's own signature headers, so its verification passes unchanged. */
export function relayRequestHeaders(raw: RawCallback, options: Pick<ForwardOptions, "interactionId" | "relayHeaders">): Headers {
  const headers = new Headers({ "content-type": raw.headers.get("content-type") ?? "application/json" });
  for (const name of options.relayHeaders) {
    const value = raw.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set(INTERACTION_HEADER, options.interactionId);
  return headers;
}

/** Forwards one verified callback to the bot within the budget. Never throws: every failure is a result for /live. */
export async function forwardCallback(target: string, raw: RawCallback, options: ForwardOptions): Promise<ForwardResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(Math.max(1, options.budgetMs));
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const limit = options.limitBytes ?? RELAY_ANSWER_LIMIT_BYTES;
  try {
    // The Buffer goes out as is (never re-serialized JSON); no redirects: a 3xx is the bot's answer, not a new target.
    const response = await fetch(target, { method: "POST", headers: relayRequestHeaders(raw, options), body: Uint8Array.from(raw.body), redirect: "manual", signal });
    const read = await readLimited(response, limit);
    return read.over ? { error: "too_large", status: response.status, body: read.text, ms: ms() } : { status: response.status, body: read.text, ms: ms() };
  } catch {
    // An abort (the budget, or the caller's signal) while connecting or reading is a timeout; anything else
    // (refused, reset, DNS, a malformed URL) means the bot could not be reached.
    return { error: signal.aborted ? "timeout" : "unreachable", ms: ms() };
  }
}

/**
 * The same forward, read twice: `inTime` settles by `budgetMs` (a timeout if the bot has not answered in full:
 * the fallback goes), while `final` keeps waiting up to `lateBudgetMs` (the platform's reply window), so a
 * slow bot's answer is still recorded and can take the platform's delayed channel. One request is sent.
 */
export function forwardWithLateAnswer(target: string, raw: RawCallback, options: ForwardOptions & { lateBudgetMs: number }): { inTime: Promise<ForwardResult>; final: Promise<ForwardResult> } {
  const started = performance.now();
  const final = forwardCallback(target, raw, { ...options, budgetMs: Math.max(options.budgetMs, options.lateBudgetMs) });
  let timer: NodeJS.Timeout | undefined;
  const cutoff = new Promise<ForwardResult>((resolve) => {
    timer = setTimeout(() => resolve({ error: "timeout", ms: Math.round(performance.now() - started) }), Math.max(0, options.budgetMs));
  });
  const inTime = Promise.race([final, cutoff]).finally(() => clearTimeout(timer));
  return { inTime, final };
}

/** Reads just past `limit` bytes at most, then cancels: the rest is never downloaded. */
async function readLimited(response: Response, limit: number): Promise<{ text: string; over: boolean }> {
  if (!response.body) return { text: "", over: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  try {
    while (!over) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      over = size > limit;
    }
  } finally {
    if (over) await reader.cancel().catch(() => undefined);
  }
  return { text: Buffer.concat(chunks).subarray(0, limit).toString("utf8"), over };
}
