import "server-only";
import type { z } from "zod";
import { CHANNELS, type PgLink } from "@/lib/cluster/link";
import { processLink } from "@/lib/cluster/process-link";
import type { Db } from "@/lib/db";
import { databaseKind } from "@/lib/db/url";
import { compileRule, type CompiledRule } from "@/lib/interactions/rules";
import type { EndpointOptions } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { remember } from "@/lib/process/remember";
import { isRelayMode } from "@/lib/relay/target";
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
  /** Where relayed callbacks go; null unless the mode relays (an unknown stored mode reads as "rules"). */
  relayTarget: string | null;
  secrets: unknown;
  options: EndpointOptions;
  rules: CompiledRule[];
}

export interface EndpointCache {
  get(db: Db, id: string): Promise<LiveEndpoint | null>;
  /** Drops the endpoint here and, on PostgreSQL, on every instance (resolves once the NOTIFY is sent). */
  forget(id: string): Promise<void>;
  /** LISTENs now rather than at the first read (start-up). */
  start(): Promise<void>;
}

/**
 * Decrypted secrets and compiled rules, loaded once per endpoint. With a link (PostgreSQL, several
 * instances) every instance LISTENs on `studio_endpoint` and drops the id a change announces, and
 * drops everything when its LISTEN connection was re-made (announcements may have been missed).
 */
export function createEndpointCache(link: PgLink | null): EndpointCache {
  const entries = new Map<string, Promise<LiveEndpoint | null>>();
  let listening: Promise<unknown> | null = null;

  function ensureListening(): Promise<unknown> | null {
    if (!link) return null;
    listening ??= link
      .listen(CHANNELS.endpoint, (id) => entries.delete(id), () => entries.clear())
      .catch((error: unknown) => {
        listening = null;
        throw error;
      });
    return listening;
  }

  return {
    get(db, id) {
      let entry = entries.get(id);
      if (!entry) {
        // Listening before the first read: a change committed after the read is then always heard.
        const ready = ensureListening();
        const loaded: Promise<LiveEndpoint | null> = ready ? ready.then(() => load(db, id)) : load(db, id);
        entry = loaded;
        entries.set(id, loaded);
        // Unknown ids are not cached (an endpoint created a moment later must be found), nor failures;
        // only this entry is dropped, never a newer one loaded after an invalidation.
        const drop = () => entries.get(id) === loaded && entries.delete(id);
        loaded.then((endpoint) => endpoint === null && drop(), drop);
      }
      return entry;
    },
    start: async () => {
      await ensureListening();
    },
    async forget(id) {
      entries.delete(id);
      if (link) await link.notify(CHANNELS.endpoint, id);
    },
  };
}

// Process-wide: a custom server lane and Next's bundle each load their own copy of this module.
function cache(): EndpointCache {
  return remember("live-endpoint-cache", () => createEndpointCache(databaseKind() === "postgres" ? processLink() : null));
}

export function getLiveEndpoint(db: Db, id: string): Promise<LiveEndpoint | null> {
  return cache().get(db, id);
}

/** On PostgreSQL, LISTENs for other instances' changes (lib/cluster/start.ts); nothing on SQLite. */
export function startEndpointCache(): Promise<void> {
  return cache().start();
}

/**
 * After an endpoint changed or was deleted: await it before answering. This instance drops its copy
 * at once, every other one when the NOTIFY reaches it (about a millisecond after this resolves); a
 * callback in between is answered as one that arrived just before the change.
 */
export function forgetEndpoint(id: string): Promise<void> {
  return cache().forget(id);
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
  if (!row || !isPlatformId(row.platform)) return null;
  const inbound = getInbound(row.platform);
  // Read through the reply and rule schemas: a row that no longer parses falls back, never a 500 (stored.ts).
  const config = readLiveConfig(row, inbound.replySchema);
  return {
    id: row.id,
    platform: row.platform,
    // A relay mode without a target (a row edited by hand) answers as "rules": at once, by rule or fallback.
    mode: isRelayMode(config.mode) && !row.relayTarget ? "rules" : config.mode,
    fallback: config.fallback,
    apiBaseUrl: row.apiBaseUrl,
    relayTarget: isRelayMode(config.mode) ? row.relayTarget : null,
    secrets: readStoredSecrets(inbound.secretsSchema, openEndpointSecrets(row)),
    options: { requireSignature: row.requireSignature, resultDelivery: row.resultDelivery, holdMs: row.holdMs },
    rules: config.rules.map((rule) => compileRule(rule.id, rule.match, rule.reply)),
  };
}
