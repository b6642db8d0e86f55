import type { Endpoint, Rule } from "@/lib/db/generated/client";
import type { EndpointView } from "./view-schema";

export type { EndpointView };

/** An endpoint as the API shows it: its secrets only as the public identifiers they contain. */
export function endpointView(
  row: Endpoint & { rules: Rule[] },
  /** The fallback and rules read back through their schemas (stored.ts readShownConfig). */
  shown: { fallback: unknown; rules: { match: unknown; reply: unknown }[] },
  publicSecrets: Record<string, string>,
  origin: string,
  lastRefusal: { at: Date; code: string } | null = null,
  apiBaseRefused = false,
): EndpointView {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    mode: row.mode,
    fallback: shown.fallback,
    apiBaseUrl: row.apiBaseUrl,
    requireSignature: row.requireSignature,
    /** As stored; null: the platform's default (only platforms whose acknowledgement can carry the reply use them). */
    resultDelivery: row.resultDelivery,
    holdMs: row.holdMs,
    /** Where relayed callbacks go (an http(s) URL, or "tunnel"); null unless the mode relays. */
    relayTarget: row.relayTarget,
    /** The API base may not receive the app's token (saved before the rule): replies needing it fail. */
    apiBaseRefused,
    callbackUrl: `${origin}/api/callbacks/${row.id}`,
    secrets: { configured: true, ...publicSecrets },
    rules: shown.rules,
    /** Why the newest refused callback was refused, so the page can say how to fix it. */
    lastRefusal: lastRefusal ? { at: lastRefusal.at.toISOString(), code: lastRefusal.code } : null,
    handshake: row.handshakeAt ? { at: row.handshakeAt.toISOString(), ok: row.handshakeOk === true } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } satisfies EndpointView;
}

/** PUBLIC_URL when set (behind a proxy), else the origin the request came to. */
export function publicOrigin(request: Request): string {
  return (process.env.PUBLIC_URL || new URL(request.url).origin).replace(/\/+$/, "");
}
