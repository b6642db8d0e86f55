import type { z } from "zod";
import type { SimulatorApi } from "./simulator-api";
import { parseStorableJson, type JsonProblem } from "@/lib/http/json-safety";

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
  /**
   * button: a component click (or form submit); command: a slash command; submit: a submitted modal
   * (Discord MODAL_SUBMIT); preview: a link preview request; reaction: a reaction added or removed;
   * event: anything else the platform pushed.
   */
  kind: "button" | "command" | "submit" | "preview" | "reaction" | "event";
  actor?: string;
  scene?: string;
  /** Button id / custom_id, or the command name. */
  control?: string;
  /** QQ button data, Discord select values. */
  data?: string;
  /** Whether a reply is expected (a click or command), or only an acknowledgement. */
  interactive: boolean;
  /**
   * What reply rules match on, by the names in PlatformAdapter.ruleFields (e.g. control,
   * data, command; value, name, form, url). A value that is JSON text matches JSON subsets.
   */
  fields: Record<string, string>;
  /** Platform details needed to reply later (e.g. Discord's application id and token). */
  context: Record<string, string>;
  /** What the event is about when that is not the control, e.g. the message a reaction changed. */
  subject?: string;
  /** A one-line description for events that are only shown (e.g. "thread created"). */
  summary?: string;
  /**
   * The subject's whole state as of `at` (ms), carried by platforms that send it with every
   * change (Easemob's reaction list): the newest `at` wins, so an older retry never overwrites it.
   */
  snapshot?: { at: number; state: unknown; conversation: Record<string, string> };
}

export type InboundOutcome =
  | { type: "rejected"; status: 400 | 401; code: string; detail?: string }
  | { type: "handshake"; status: number; body: unknown }
  /**
   * Accepted: one callback may carry several events (Easemob: one per reaction record).
   * `decoded` is the plaintext when the bytes received were encrypted, for the inspector.
   */
  | { type: "events"; events: ParsedEvent[]; decoded?: string };

/** The refusal code for each reason a body cannot be taken as JSON (each has a message under `refusals`). */
const JSON_REFUSALS: Record<JsonProblem, string> = { invalidJson: "invalid_payload", tooDeep: "too_deep", malformedString: "malformed_string" };

/**
 * A callback body as JSON that can be stored, serialized and put in a URL (no stack-deep nesting,
 * no lone surrogates), or the 400 refusal saying why not. Never throws.
 */
export function parseCallbackJson(text: string): { ok: true; value: unknown } | { ok: false; refusal: InboundOutcome } {
  const parsed = parseStorableJson(text);
  return parsed.ok ? parsed : { ok: false, refusal: { type: "rejected", status: 400, code: JSON_REFUSALS[parsed.problem] } };
}

/** Endpoint settings that are not secret and that receive() honours. */
export interface EndpointOptions {
  /** Refuse callbacks that carry no signature (Easemob's is optional in the protocol). */
  requireSignature: boolean;
  /** Where a reply goes where the acknowledgement can carry it (InboundAdapter.replyInAck); null: the platform's default. */
  resultDelivery?: string | null;
  /** How long the acknowledgement waits for a decision (ms); null: the platform's default. */
  holdMs?: number | null;
}

/** The endpoint settings of `replyInAck`, as the endpoints API accepts them. */
export interface ReplyInAckSettings {
  resultDelivery?: string;
  holdMs?: number;
}

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

/**
 * How the app's access token is obtained from its id and secret (QQ getAppAccessToken,
 * Feishu tenant_access_token) and sent. The secret and the token go only to the platform's
 * own API bases or to this server's own simulator, never to any other API base.
 */
export interface AppTokenSpec<S> {
  /** The platform's own API bases (Feishu and Lark); deliveries needing a token go nowhere else. */
  officialBases: readonly string[];
  /** Where the token is asked for, given an allowed API base (official, or the simulator's). */
  tokenUrl(apiBase: string, simulator: boolean): string;
  requestBody(secrets: S): Record<string, string>;
  /** The token and its lifetime in seconds, or null when the answer is no token. */
  parse(body: unknown): { token: string; expiresInSec: number } | null;
  headers(token: string, secrets: S): Record<string, string>;
  /** Key under which the token is cached (the app id). */
  cacheKey(secrets: S): string;
}

/** What the simulator sends: the (possibly encrypted or amended) body and its headers. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}
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
  /** Verify over the raw bytes, decrypt, answer handshakes, parse events. */
  receive(request: RawCallback, secrets: S, options?: EndpointOptions): Promise<InboundOutcome>;
  /**
   * The rule fields (ParsedEvent.fields) of a stored body, parsed (the plaintext of an encrypted one), so
   * the inspector shows what rules match on; absent where control and data already say it all.
   */
  fieldsOf?(body: unknown): Record<string, string>;
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
   * Late replies through an update token with a budget (Feishu: 2 updates within 30 min):
   * a person may then send up to `max` late replies, even after answering. Absent: one late reply.
   */
  lateBudget?: { max: number; windowMs: number; /** The platform's error code for a token used up. */ exhaustedCode?: number };
  /** Present when `auth: "app-token"` deliveries need an access token. */
  appToken?: AppTokenSpec<S>;
  /**
   * The simulator's side of receive(): the request the platform would send for this
   * plaintext body (signed, encrypted, or with its signature field filled in). Platforms that
   * sign with their own key (Discord) use the simulator's seed.
   */
  sign(body: string, timestamp: string, secrets: S, simulatorSeed: Buffer): SignedRequest;
  /** The public, non-secret part of the secrets, safe to show (e.g. the QQ app id). */
  describeSecrets(secrets: S): Record<string, string>;
  /** Request headers worth keeping for the inspector (lower case): signatures and tracing, never a secret. */
  keptHeaders: readonly string[];
  /**
   * The platform's own signature headers (lower case), forwarded unchanged to a relay target so the bot
   * verifies with the platform's key; empty where the signature travels in the body (Easemob's `security`).
   */
  relayHeaders: readonly string[];
  /**
   * How a relayed bot's HTTP answer reads as the reply, when the bot answers in the platform's own
   * acknowledgement format rather than with the reply itself (QQ: `{"op":12,"code":n}`); issue paths are
   * the answer's own. Absent: the answer's body is the reply, checked with `replySchema`.
   */
  relayAnswerSchema?: z.ZodType<R>;
  /**
   * For events that are only shown: whether the platform's acknowledgement waits for the relayed bot's answer
   * (Easemob: its 200 is the bot's, within the deadline). Absent: acknowledged at once, the bot's copy sent after.
   */
  relayShownWaits?: boolean;
  /**
   * What is stored of a body (raw or decoded) that may echo a secret (Feishu's verification token in
   * `header.token`): the same text with the secret replaced. Absent: stored exactly as received.
   */
  atRest?(text: string, secrets: S): string;
  /**
   * A platform that answers HTTP 2xx for a refused API call (Feishu: `code` ≠ 0): its error code, else null.
   * Absent: a 2xx answer is a success.
   */
  refusalCode?(body: unknown): number | null;
  /** The simulator's stand-in for this platform's API (lib/platforms/simulator-api.ts); absent: the simulator has none. */
  simulatorApi?: SimulatorApi;
  /**
   * The acknowledgement itself may carry the reply (QQ webhook, protocols.md §8.2), held open up to the
   * endpoint's hold window for a decision. Absent: the acknowledgement never carries one.
   */
  replyInAck?: {
    /** The endpoint settings that choose it (`resultDelivery`, `holdMs`), checked by the endpoints API. */
    settingsSchema: z.ZodType<ReplyInAckSettings>;
    /** For these settings: how long the acknowledgement is held, and whether the API call goes too; null: it carries nothing. */
    plan(options: EndpointOptions | undefined): { holdMs: number; alsoApi: boolean } | null;
    /** The acknowledgement carrying this reply. */
    answer(event: ParsedEvent, reply: R): HttpAnswer;
  };
}
