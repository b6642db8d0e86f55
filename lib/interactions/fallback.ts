import "server-only";
import type { LiveEndpoint } from "@/lib/endpoints/cache";
import type { ParsedEvent } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";

/** The endpoint's own fallback where it fits the event, else the platform's default for its kind. */
export function fallbackFor(endpoint: LiveEndpoint, event: ParsedEvent): unknown {
  const inbound = getInbound(endpoint.platform);
  return endpoint.fallback !== null && endpoint.fallback !== undefined && inbound.replyFits(event.kind, endpoint.fallback) ? endpoint.fallback : inbound.defaultFallback(event);
}
