import { z } from "zod";

/**
 * What the interactions API answers, shared with the browser, which parses it instead of trusting a
 * cast (list.ts builds these and `satisfies` them). Client-safe: zod only.
 *
 * Platform, kind, status and reply source stay plain strings: they are stored text, and the UI
 * already shows one it does not know (an older row) without breaking the whole list.
 */
export const interactionSummarySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  platform: z.string(),
  eventId: z.string(),
  kind: z.string(),
  status: z.string(),
  actor: z.string().nullable(),
  scene: z.string().nullable(),
  control: z.string().nullable(),
  data: z.string().nullable(),
  /** Late updates sent so far: changes with each, so every open inspector refreshes. */
  updates: z.number(),
  subject: z.string().nullable(),
  summary: z.string().nullable(),
  replySource: z.string().nullable(),
  /** Which channel carried the reply where the acknowledgement can carry it (QQ): ack | put | both; else null. */
  replyChannel: z.string().nullable(),
  receivedAt: z.string(),
  deadlineAt: z.string().nullable(),
  /** Until when the acknowledgement can still carry the reply (QQ ack / both); then only the API (until deadlineAt). */
  holdUntil: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type InteractionSummary = z.infer<typeof interactionSummarySchema>;

/** `GET /api/interactions/:id`: the inspector's detail. */
export const interactionDetailSchema = interactionSummarySchema.extend({
  /** As received, secrets the platform echoes redacted. */
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  /** The plaintext of an encrypted body; `parsed` is read from it when present. */
  decoded: z.string().nullable(),
  /** The body as JSON when it is safe to show parsed, else null (the text is always in body/decoded). */
  parsed: z.unknown(),
  /** The fields reply rules match on, read from the body, where the platform says more than control and data; else null. */
  fields: z.record(z.string(), z.string()).nullable(),
  verified: z.boolean(),
  /** The reply sent, as stored (any platform's shape); null when none. */
  reply: z.unknown(),
  /** Late card updates still allowed (platforms with an update budget), else null. */
  updatesLeft: z.number().nullable(),
  /**
   * A relayed interaction's forward (issue 16), as ingest.ts records it: target, late, ms, the bot's status and
   * body start, `used` (the channel that carried its answer, or false), `reason` (why not); null when not relayed.
   */
  relay: z.record(z.string(), z.unknown()).nullable(),
  deadlineMs: z.number().nullable(),
  answeredInMs: z.number().nullable(),
});
export type InteractionDetail = z.infer<typeof interactionDetailSchema>;

/**
 * The detail's `relay` record read for /live's inspector (ingest.ts `recordRelay`, or `{target: "tunnel", used:
 * false, reason: {code: "no_tunnel"}}`). Read apart from the detail and leniently: a record written by an older
 * or newer build shows what it can, and never makes the whole detail unreadable.
 */
export const relayRecordSchema = z.object({
  /** The bot's URL, or "tunnel". */
  target: z.string().catch(""),
  /** The answer came after the hold ended (the fallback had gone); only the platform's later channel could carry it. */
  late: z.boolean().catch(false),
  ms: z.number().optional().catch(undefined),
  /** The bot's HTTP status and the start of its body (absent when it could not be reached or timed out). */
  status: z.number().optional().catch(undefined),
  body: z.string().optional().catch(undefined),
  /** The channel that carried the bot's answer to the platform (lifecycle `Delivered`), or false. */
  used: z.union([z.string(), z.literal(false)]).catch(false),
  /** Why the answer is not the reply (lib/relay/answer.ts `RelayRefusal`, or no_tunnel). */
  reason: z
    .object({
      code: z.string(),
      status: z.number().optional().catch(undefined),
      ms: z.number().optional().catch(undefined),
      issues: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), params: z.record(z.string(), z.unknown()).optional() })).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  /** A valid answer the lifecycle refused (lifecycle `Refusal` code: already_answered, deadline_passed, …). */
  refused: z.string().optional().catch(undefined),
});
export type RelayRecord = z.infer<typeof relayRecordSchema>;

/** `GET /api/interactions`: newest first, a page at a time. */
export const interactionPageSchema = z.object({
  items: z.array(interactionSummarySchema),
  /**
   * Where the next page starts; null on the last page. A search page may hold fewer items than asked, even
   * none, and still have a next one: the search stopped after a bounded number of rows (list.ts).
   */
  nextCursor: z.string().nullable(),
  /** The search, as applied (trimmed), when the request had one: what the inspector highlights. */
  q: z.string().optional(),
});
export type InteractionPage = z.infer<typeof interactionPageSchema>;
