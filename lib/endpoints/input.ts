import { z } from "zod";
import { ruleMatchSchema } from "@/lib/interactions/rules";
import { RELAY_MODES, relayTargetSchema } from "@/lib/relay/target";

/** The modes answered here (the new-endpoint dialog offers these; a relay mode also needs a target). */
export const LOCAL_MODES = ["rules", "manual", "rules-then-manual"] as const;
export const ENDPOINT_MODES = [...LOCAL_MODES, ...RELAY_MODES] as const;
export type EndpointMode = (typeof ENDPOINT_MODES)[number];

const apiBaseUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: "http(s)" })
  .transform((u) => u.replace(/\/+$/, ""));

/** Ordered: the first rule that fits an interaction answers it. The reply is checked against the platform. */
const rulesInput = z.array(z.object({ match: ruleMatchSchema, reply: z.unknown() })).max(200);

/** Secrets and fallback are checked against the platform's own schemas in the service. */
export const createEndpointInput = z.object({
  platform: z.string(),
  name: z.string().trim().min(1).max(120),
  mode: z.enum(ENDPOINT_MODES).default("rules"),
  apiBaseUrl: apiBaseUrl.optional(),
  fallback: z.unknown().optional(),
  secrets: z.record(z.string(), z.unknown()),
  /** Refuse unsigned callbacks where the protocol makes the signature optional (Easemob). */
  requireSignature: z.boolean().default(true),
  /** Where the reply goes where the acknowledgement can carry it (QQ); checked by the platform's own schema. */
  resultDelivery: z.unknown().optional(),
  holdMs: z.unknown().optional(),
  /** Where relayed callbacks go (modes relay and rules-then-relay only): an http(s) URL, or "tunnel". */
  relayTarget: relayTargetSchema.nullable().optional(),
  rules: rulesInput.default([]),
});

export const updateEndpointInput = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  mode: z.enum(ENDPOINT_MODES).optional(),
  apiBaseUrl: apiBaseUrl.nullable().optional(),
  fallback: z.unknown().optional(),
  /** Replaces all secrets when given; secrets are never read back. */
  secrets: z.record(z.string(), z.unknown()).optional(),
  requireSignature: z.boolean().optional(),
  resultDelivery: z.unknown().optional(),
  holdMs: z.unknown().optional(),
  /** null clears it; a mode that does not relay clears it too. */
  relayTarget: relayTargetSchema.nullable().optional(),
  /** Replaces the whole ordered list when given. */
  rules: rulesInput.optional(),
});

export type CreateEndpointInput = z.infer<typeof createEndpointInput>;
export type UpdateEndpointInput = z.infer<typeof updateEndpointInput>;
