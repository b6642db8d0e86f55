import type { z } from "zod";

/**
 * The callback side of a platform adapter (server-only implementations under
 * lib/platforms/<platform>/inbound.ts, listed in inbound-registry.ts).
 */
export interface RawCallback {
  headers: Headers;
  /** The exact bytes received: signatures cover these, never re-serialized JSON. */
  body: Buffer;
}

/** A platform event in the app's own terms. */
export interface ParsedEvent {
  eventId: string;
  /** button: a component click; command: a slash command; event: anything else the platform pushed. */
  kind: "button" | "command" | "event";
  actor?: string;
  scene?: string;
  /** Button id / custom_id, or the command name. */
  control?: string;
  /** QQ button data, Discord select values. */
  data?: string;
  /** Whether a reply is expected (a click or command), or only an acknowledgement. */
  interactive: boolean;
  /** Platform details needed to reply later (e.g. Discord's application id and token). */
  context: Record<string, string>;
}

export type InboundOutcome =
  | { type: "rejected"; status: 400 | 401; code: string }
  | { type: "handshake"; status: number; body: unknown }
  | { type: "event"; event: ParsedEvent };

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * Where a reply goes: in the HTTP response (Discord), or as a call to the platform's API.
 * `auth` says what the call needs: the app's access token (QQ), or nothing (Discord webhooks carry their token in the path).
 */
export type ReplyDelivery =
  | { via: "response"; answer: HttpAnswer }
  | { via: "api"; method: "PUT" | "POST" | "PATCH"; path: string; body: unknown; auth: "app-token" | "none" };

export interface InboundAdapter<S = unknown, R = unknown> {
  secretsSchema: z.ZodType<S>;
  replySchema: z.ZodType<R>;
  /** The reply sent when no rule or person answers in time. */
  defaultFallback(event: ParsedEvent): R;
  /** How long the platform waits for the first answer. */
  deadlineMs: number;
  /** How long after receipt any reply can still reach the user (later ones expire). */
  replyWindowMs: number;
  defaultApiBase: string;
  /** Verify over the raw bytes, answer handshakes, parse events. */
  receive(request: RawCallback, secrets: S): Promise<InboundOutcome>;
  /** The immediate HTTP answer to an accepted event when the reply travels separately; null when the reply is the answer. */
  acknowledge(event: ParsedEvent): HttpAnswer | null;
  deliver(event: ParsedEvent, reply: R): ReplyDelivery;
  /** Whether a reply may answer this kind of interaction (Discord: 6 and 7 only answer components). */
  replyFits(kind: ParsedEvent["kind"], reply: R): boolean;
  /**
   * A reply after the first answer went out (a person answering after the deferred
   * fallback), from the stored request body; null when the platform has no such channel
   * or the reply cannot be sent late.
   */
  deliverLate(storedBody: string, reply: R): Extract<ReplyDelivery, { via: "api" }> | null;
  /**
   * The simulator's side of verify(): the headers the platform would send with
   * this body. Platforms that sign with their own key (Discord) use the simulator's seed.
   */
  signHeaders(body: string, timestamp: string, secrets: S, simulatorSeed: Buffer): Record<string, string>;
  /** The public, non-secret part of the secrets, safe to show (e.g. the QQ app id). */
  describeSecrets(secrets: S): Record<string, string>;
}
