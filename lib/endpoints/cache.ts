import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { compileRule, type CompiledRule } from "@/lib/interactions/rules";
import type { EndpointOptions } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { remember } from "@/lib/process/remember";
import { openEndpointSecrets } from "./secrets";
import type { EndpointMode } from "./input";
import { readLiveConfig } from "./stored";

/** What the callback path needs of an endpoint, decrypted and compiled once. */
export interface LiveEndpoint {
  id: string;
  platform: PlatformId;
  mode: EndpointMode;
  fallback: unknown | null;
  apiBaseUrl: string | null;
  secrets: unknown;
  options: EndpointOptions;
  rules: CompiledRule[];
}

// Process-wide: a custom server lane and Next's bundle each load their own copy of this module.
const cache = remember("live-endpoints", () => new Map<string, Promise<LiveEndpoint | null>>());

export function getLiveEndpoint(db: Db, id: string): Promise<LiveEndpoint | null> {
  let entry = cache.get(id);
  if (!entry) {
    entry = load(db, id);
    cache.set(id, entry);
    entry.catch(() => cache.delete(id));
  }
  return entry;
}

export function forgetEndpoint(id: string): void {
  cache.delete(id);
}

/**
 * Secrets saved under an older, looser schema (e.g. a short Feishu token) still load as they were
 * stored: a tightened rule applies to new input, it must not make an endpoint answer 500.
 */
export function readStoredSecrets(schema: z.ZodType, stored: unknown): unknown {
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : stored;
}

async function load(db: Db, id: string): Promise<LiveEndpoint | null> {
  const row = await db.endpoint.findUnique({ where: { id }, include: { rules: { orderBy: { position: "asc" } } } });
  if (!row || !isPlatformId(row.platform)) {
    // Unknown ids are not cached: an endpoint created a moment later must be found.
    cache.delete(id);
    return null;
  }
  const inbound = getInbound(row.platform);
  // Read through the reply and rule schemas: a row that no longer parses falls back, never a 500 (stored.ts).
  const config = readLiveConfig(row, inbound.replySchema);
  return {
    id: row.id,
    platform: row.platform,
    mode: config.mode,
    fallback: config.fallback,
    apiBaseUrl: row.apiBaseUrl,
    secrets: readStoredSecrets(inbound.secretsSchema, openEndpointSecrets(row)),
    options: { requireSignature: row.requireSignature, resultDelivery: row.resultDelivery, holdMs: row.holdMs },
    rules: config.rules.map((rule) => compileRule(rule.id, rule.match, rule.reply)),
  };
}
