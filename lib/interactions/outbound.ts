import "server-only";
import { networkInterfaces } from "node:os";
import type { LiveEndpoint } from "@/lib/endpoints/cache";
import type { AppTokenSpec, ReplyDelivery } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { remember } from "@/lib/process/remember";

const OUTBOUND_TIMEOUT_MS = 5000; // QQ send.md recommends an HTTP timeout of at least 5 s.
/** A token is renewed this long before it expires, so none is used as it lapses. */
const TOKEN_MARGIN_SEC = 60;

/**
 * This machine's own addresses (loopback and every interface), as URL hostnames. scripts/server.mjs
 * listens on all of them, so no other process can hold PORT on any of them.
 */
function localHostnames(): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]"]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) names.add(address.family === "IPv6" ? `[${address.address}]` : address.address);
  }
  return names;
}

/**
 * The simulator's platform API on this very server: the configured PUBLIC_URL, or one of this
 * machine's addresses on the port this server listens on (another process on another port is not
 * this server, and must not collect secrets).
 */
export function isOwnSimulator(apiBase: string): boolean {
  try {
    const url = new URL(apiBase);
    const own = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : null;
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const local = port === (process.env.PORT ?? "3000") && localHostnames().has(url.hostname);
    return url.pathname.replace(/\/+$/, "") === "/api/simulator/platform" && (local || url.origin === own);
  } catch {
    return false;
  }
}

/** API bases the operator trusts with app tokens besides the platforms' own (a proxy, a load-test stub). */
function trustedBases(): string[] {
  return (process.env.TRUSTED_API_BASES ?? "").split(",").map((b) => b.trim().replace(/\/+$/, "")).filter(Boolean);
}

/** Whether deliveries that need the app's token may go to this API base. */
export function tokenAllowed(spec: AppTokenSpec<unknown>, apiBase: string): boolean {
  const base = apiBase.replace(/\/+$/, "");
  return isOwnSimulator(base) || spec.officialBases.includes(base) || trustedBases().includes(base);
}

const tokens = remember("app-tokens", () => new Map<string, { token: string; until: number }>());

/** The app's access token (QQ app token, Feishu tenant token), reused until shortly before it expires. */
async function appToken(endpoint: LiveEndpoint, spec: AppTokenSpec<unknown>, apiBase: string): Promise<string> {
  const key = `${endpoint.platform}|${apiBase}|${spec.cacheKey(endpoint.secrets)}`;
  const cached = tokens.get(key);
  if (cached && cached.until > Date.now()) return cached.token;
  // Only for an allowed base (sendApiReply checks): the secret never reaches anyone else.
  const official = spec.officialBases.includes(apiBase);
  const url = spec.tokenUrl(apiBase, !official);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(spec.requestBody(endpoint.secrets)),
    redirect: "manual",
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  const parsed = spec.parse(await response.json().catch(() => null));
  if (!parsed) throw new Error(`token request answered ${response.status} without a token`);
  tokens.set(key, { token: parsed.token, until: Date.now() + Math.max(0, parsed.expiresInSec - TOKEN_MARGIN_SEC) * 1000 });
  return parsed.token;
}

/** Sends a reply that travels as an API call (QQ PUT /interactions/{id}, Discord webhooks, Feishu card updates); throws when refused. */
export async function sendApiReply(endpoint: LiveEndpoint, delivery: Extract<ReplyDelivery, { via: "api" }>): Promise<void> {
  const inbound = getInbound(endpoint.platform);
  const apiBase = endpoint.apiBaseUrl ?? inbound.defaultApiBase;
  let headers: Record<string, string> = { "content-type": "application/json" };
  if (delivery.auth === "app-token") {
    if (!inbound.appToken) throw new Error(`${endpoint.platform} has no app token`);
    // The token works like the secret: it goes to the platform's own API or this server's simulator only.
    if (!tokenAllowed(inbound.appToken, apiBase)) throw new Error("the app token goes only to the platform's own API or this server's simulator");
    headers = { ...headers, ...inbound.appToken.headers(await appToken(endpoint, inbound.appToken, apiBase), endpoint.secrets) };
  }
  let response: Response;
  try {
    response = await fetch(`${apiBase}${delivery.path}`, {
      method: delivery.method,
      headers,
      body: JSON.stringify(delivery.body),
      redirect: "manual",
      signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
    });
  } catch (error) {
    // A timeout may have reached the platform; a refused connection did not.
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new DeliveryError(timedOut ? "no answer in time" : "platform unreachable", { maybeDelivered: timedOut });
  }
  if (!response.ok) throw new DeliveryError(`platform answered ${response.status}`, { maybeDelivered: false });
  // Some platforms (Feishu) answer 2xx for a refused call: the adapter reads its error code.
  // The answer is always read: an unread body keeps its connection from going back to the pool.
  const answer: unknown = await response.json().catch(() => null);
  const code = inbound.refusalCode?.(answer) ?? null;
  if (code !== null) throw new DeliveryError(`platform refused: code ${code}`, { maybeDelivered: false, platformCode: code });
}

/** A reply the platform did not take; `maybeDelivered` when it may have arrived all the same (a timeout). */
export class DeliveryError extends Error {
  readonly maybeDelivered: boolean;
  readonly platformCode?: number;
  constructor(message: string, details: { maybeDelivered: boolean; platformCode?: number }) {
    super(message);
    this.maybeDelivered = details.maybeDelivered;
    this.platformCode = details.platformCode;
  }
}

/** Why a reply did not reach the platform, for the operator's log; never the body, never a secret. */
export function logDeliveryFailure(endpoint: LiveEndpoint, error: unknown): void {
  console.error(`[callbacks] reply for endpoint ${endpoint.id} (${endpoint.platform}) not delivered:`, error instanceof Error ? error.message : String(error));
}
