import { z } from "zod";

/**
 * What the endpoints API answers for an endpoint, shared with the browser, which parses it instead
 * of trusting a cast (view.ts builds it and `satisfies` it). Client-safe: zod only.
 */
export const endpointViewSchema = z.object({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  mode: z.string(),
  /** The platform reply sent when nothing else answers, read back through its schema (the stored text when it no longer parses). */
  fallback: z.unknown(),
  apiBaseUrl: z.string().nullable(),
  requireSignature: z.boolean(),
  /** Where the reply goes where the acknowledgement can carry it (QQ: ack | put | both) and the hold window; null: the default. */
  resultDelivery: z.string().nullable(),
  holdMs: z.number().nullable(),
  /** Where relayed callbacks go (modes relay and rules-then-relay): an http(s) URL, or "tunnel"; null otherwise. */
  relayTarget: z.string().nullable(),
  /** The API base may not receive the app's token (saved before the rule): replies needing it fail. */
  apiBaseRefused: z.boolean(),
  callbackUrl: z.string(),
  /** Never a secret: that secrets are set, and the public identifiers they contain (an app id, a public key). */
  // The index type admits `true` only so TypeScript can express `configured` beside string values.
  secrets: z.object({ configured: z.literal(true) }).catchall(z.union([z.string(), z.literal(true)])),
  /** Each rule as stored, read through its schemas (the stored text of a part that no longer parses). */
  rules: z.array(z.object({ match: z.unknown(), reply: z.unknown() })),
  /** Why the newest refused callback was refused, so the page can say how to fix it. */
  lastRefusal: z.object({ at: z.string(), code: z.string() }).nullable(),
  handshake: z.object({ at: z.string(), ok: z.boolean() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndpointView = z.infer<typeof endpointViewSchema>;

/** `GET /api/endpoints`. */
export const endpointListSchema = z.object({ endpoints: z.array(endpointViewSchema) });
export type EndpointList = z.infer<typeof endpointListSchema>;
