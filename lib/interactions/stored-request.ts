import "server-only";
import type { LiveEndpoint } from "@/lib/endpoints/cache";
import type { RawCallback } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { secretValues } from "./redact";
import { searchTextOf, type Searchable } from "./search-text";

/** The headers the platform's adapter says are worth keeping for the inspector, as stored JSON. */
export function keptHeaders(endpoint: LiveEndpoint, raw: RawCallback): string {
  const names = getInbound(endpoint.platform).keptHeaders;
  return JSON.stringify(Object.fromEntries(names.flatMap((h) => (raw.headers.has(h) ? [[h, raw.headers.get(h)]] : []))));
}

/** What is stored of a text the platform sent: with any secret it echoes replaced (the adapter knows which). */
export function atRest(endpoint: LiveEndpoint, text: string): string {
  const inbound = getInbound(endpoint.platform);
  return inbound.atRest ? inbound.atRest(text, endpoint.secrets) : text;
}

/** What search matches of a stored interaction, with every secret value of the endpoint redacted (search-text.ts). */
export function storedSearchText(endpoint: LiveEndpoint, row: Searchable): string {
  return searchTextOf(row, secretValues(endpoint.secrets, getInbound(endpoint.platform).describeSecrets(endpoint.secrets)));
}
