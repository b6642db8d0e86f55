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
  /** Whose CLI carries the forward when the target is `tunnel` (without it, the forward is unreachable). */
  endpointId?: string;
  /** The control clicked, for the line the CLI prints. */
  control?: string;
}

/** What the bot said (`body` as text), or why nothing usable came; `ms` from sending to the end of reading. */
export type ForwardResult =
  | { status: number; body: string; ms: number }
  | { error: "timeout" | "unreachable"; ms: number }
  /** The answer outgrew the limit: its status and first `limitBytes`, for /live, but it is no reply. */
  | { error: "too_large"; status: number; body: string; ms: number };

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

/** An answer's first `limit` bytes as text, and whether there was more: what /live keeps of an oversized one. */
export function limitedAnswer(status: number, bytes: Buffer, limit: number, ms: number): ForwardResult {
  const body = bytes.subarray(0, limit).toString("utf8");
  return bytes.byteLength > limit ? { error: "too_large", status, body, ms } : { status, body, ms };
}
