import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { readStoredSecrets } from "@/lib/endpoints/cache";
import { openEndpointSecrets } from "@/lib/endpoints/secrets";
import { isOwnSimulator } from "@/lib/interactions/outbound";
import type { AppCredentials } from "@/lib/platforms/simulator-api";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import { remember } from "@/lib/process/remember";

/** The index is rebuilt at most this often, however many token requests (right or wrong) arrive. */
const REBUILD_EVERY_MS = 250;
/** A hit is trusted from an index at most this old, so a deleted endpoint or changed secret stops counting. */
const MAX_AGE_MS = 60_000;

interface Index {
  /** `platform \0 appId` → SHA-256 of each secret an endpoint pointed at this simulator holds for it. */
  apps: Map<string, Set<string>>;
  /** When the build that produced `apps` started (ms); -1 before the first. */
  builtAt: number;
  building: Promise<void> | null;
}

const index = () => remember<Index>("simulator.knownApps", () => ({ apps: new Map(), builtAt: -1, building: null }));
const keyOf = (platform: string, appId: string) => `${platform}\u0000${appId}`;
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

async function build(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db.endpoint.findMany({ where: { apiBaseUrl: { not: null } }, select: { platform: true, apiBaseUrl: true, secrets: true } });
  const apps = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!isPlatformId(row.platform) || !row.apiBaseUrl || !isOwnSimulator(row.apiBaseUrl)) continue;
    const inbound = getInbound(row.platform);
    if (!inbound.appToken || !inbound.simulatorApi?.credentials) continue;
    try {
      const secrets = readStoredSecrets(inbound.secretsSchema, openEndpointSecrets(row));
      const credentials = inbound.simulatorApi.credentials(inbound.appToken.requestBody(secrets));
      if (!credentials) continue;
      const key = keyOf(row.platform, credentials.appId);
      apps.set(key, (apps.get(key) ?? new Set()).add(digest(credentials.secret)));
    } catch {
      // A row whose secrets cannot be opened (another key) holds no app the simulator knows.
    }
  }
  return apps;
}

/** One build at a time, started no sooner than REBUILD_EVERY_MS after the previous one. */
function rebuild(db: Db): Promise<void> {
  const state = index();
  state.building ??= (async () => {
    const wait = state.builtAt + REBUILD_EVERY_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = Date.now();
    try {
      state.apps = await build(db);
      state.builtAt = started;
    } finally {
      state.building = null;
    }
  })();
  return state.building;
}

/**
 * Whether an endpoint whose API base is this simulator holds this app id and secret — what the
 * platform's token endpoint checks. A hit is a map lookup. A miss is answered from an index read
 * after the request arrived (an endpoint created a moment ago counts), and that read happens at
 * most every 250 ms and once for all waiting requests: a flood of wrong secrets costs one table
 * read per 250 ms, not one per request. A hit from an index over a minute old is checked again.
 */
export async function isKnownApp(db: Db, platform: string, credentials: AppCredentials): Promise<boolean> {
  const arrived = Date.now();
  const key = keyOf(platform, credentials.appId);
  const wanted = digest(credentials.secret);
  const state = index();
  if (arrived - state.builtAt < MAX_AGE_MS && state.apps.get(key)?.has(wanted)) return true;
  while (state.builtAt < arrived) await rebuild(db);
  return state.apps.get(key)?.has(wanted) ?? false;
}
