import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { compileRule, ruleMatchSchema, type CompiledRule } from "@/lib/interactions/rules";
import type { EndpointOptions } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { openEndpointSecrets } from "./secrets";
import type { EndpointMode } from "./input";

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

// On globalThis: a custom server lane and Next's bundle each load their own copy of this module.
const holder = globalThis as typeof globalThis & { __buttonStudioEndpoints?: Map<string, Promise<LiveEndpoint | null>> };
const cache = (holder.__buttonStudioEndpoints ??= new Map());

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
  return {
    id: row.id,
    platform: row.platform,
    mode: row.mode as EndpointMode,
    fallback: JSON.parse(row.fallback) as unknown,
    apiBaseUrl: row.apiBaseUrl,
    secrets: readStoredSecrets(inbound.secretsSchema, openEndpointSecrets(row)),
    options: { requireSignature: row.requireSignature },
    rules: row.rules.map((rule) => compileRule(rule.id, ruleMatchSchema.parse(JSON.parse(rule.match)), JSON.parse(rule.reply))),
  };
}
