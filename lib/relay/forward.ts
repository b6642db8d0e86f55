import "server-only";
import type { RawCallback } from "@/lib/platforms/inbound";
import { limitedAnswer, RELAY_ANSWER_LIMIT_BYTES, relayRequestHeaders, type ForwardOptions, type ForwardResult } from "./request";
import { postLimited } from "./post";
import { TUNNEL_TARGET } from "./target";
import { tunnelForward } from "./tunnel";

export { INTERACTION_HEADER, RELAY_ANSWER_LIMIT_BYTES, relayRequestHeaders, type ForwardOptions, type ForwardResult } from "./request";

/**
 * The time a bot may take: from now to the platform's deadline (counted from the request's arrival, as every
 * deadline here is) less a safety margin, so the fallback still goes out in time when the bot takes it all.
 */
export function relayBudgetMs(arrivedAt: Date, deadlineMs: number, marginMs: number, now: Date = new Date()): number {
  return Math.max(0, arrivedAt.getTime() + deadlineMs - marginMs - now.getTime());
}

/** Forwards one verified callback to the bot within the budget. Never throws: every failure is a result for /live. */
export async function forwardCallback(target: string, raw: RawCallback, options: ForwardOptions): Promise<ForwardResult> {
  if (target === TUNNEL_TARGET) return options.endpointId ? tunnelForward(options.endpointId, raw, options) : { error: "unreachable", ms: 0 };
  const started = performance.now();
  const limit = options.limitBytes ?? RELAY_ANSWER_LIMIT_BYTES;
  // The Buffer goes out as is (never re-serialized JSON), with the platform's own headers.
  const answer = await postLimited(target, Object.fromEntries(relayRequestHeaders(raw, options)), raw.body, limit, options.budgetMs, options.signal);
  const ms = Math.round(performance.now() - started);
  return "error" in answer ? { error: answer.error, ms } : limitedAnswer(answer.status, answer.body, limit, ms);
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
