import "server-only";
import { z } from "zod";
import type { LiveEndpoint } from "@/lib/endpoints/cache";
import { getInbound } from "@/lib/platforms/inbound-registry";
import type { ReplyDelivery } from "@/lib/platforms/inbound";

const OUTBOUND_TIMEOUT_MS = 5000; // QQ send.md recommends an HTTP timeout of at least 5 s.
const QQ_TOKEN_URL = "https://bots.qq.com/app/getAppAccessToken";

/** The simulator's platform API on this very server (loopback, or the configured PUBLIC_URL). */
function isOwnSimulator(apiBase: string): boolean {
  try {
    const url = new URL(apiBase);
    const own = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : null;
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return url.pathname.replace(/\/+$/, "") === "/api/simulator/platform" && (loopback || url.origin === own);
  } catch {
    return false;
  }
}

const qqTokenSchema = z.object({ access_token: z.string(), expires_in: z.union([z.string(), z.number()]) });
const tokens = new Map<string, { token: string; until: number }>();

/** QQ's app access token, fetched with appId + secret and reused until 60 s before it expires (api-use.md). */
async function qqAccessToken(endpoint: LiveEndpoint, apiBase: string): Promise<string> {
  const secrets = endpoint.secrets as { appId: string; secret: string };
  const cached = tokens.get(`${apiBase}|${secrets.appId}`);
  if (cached && cached.until > Date.now()) return cached.token;
  // The app secret goes only to QQ itself or to this server's own simulator: a custom API base
  // elsewhere must never be able to collect a write-only secret.
  const url = endpoint.apiBaseUrl && isOwnSimulator(endpoint.apiBaseUrl) ? `${apiBase}/app/getAppAccessToken` : QQ_TOKEN_URL;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appId: secrets.appId, clientSecret: secrets.secret }),
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  const body = qqTokenSchema.parse(await response.json());
  tokens.set(`${apiBase}|${secrets.appId}`, { token: body.access_token, until: Date.now() + (Number(body.expires_in) - 60) * 1000 });
  return body.access_token;
}

/** Sends a reply that travels as an API call (QQ PUT /interactions/{id}, Discord webhooks); throws when refused. */
export async function sendApiReply(endpoint: LiveEndpoint, delivery: Extract<ReplyDelivery, { via: "api" }>): Promise<void> {
  const apiBase = endpoint.apiBaseUrl ?? getInbound(endpoint.platform).defaultApiBase;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (delivery.auth === "app-token") {
    const secrets = endpoint.secrets as { appId: string };
    headers.authorization = `QQBot ${await qqAccessToken(endpoint, apiBase)}`;
    headers["x-union-appid"] = secrets.appId;
  }
  const response = await fetch(`${apiBase}${delivery.path}`, {
    method: delivery.method,
    headers,
    body: JSON.stringify(delivery.body),
    redirect: "manual",
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`platform answered ${response.status}`);
}
