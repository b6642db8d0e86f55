import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { z } from "zod";
import { hasValidApiToken } from "@/lib/auth/api-token";
import { getDb } from "@/lib/db";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { errorResponse } from "@/lib/http/respond";
import { ENDPOINT_ID } from "@/lib/interactions/callback-http";
import type { Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { attachTunnel, TUNNEL_HEARTBEAT_MS } from "@/lib/relay/tunnel";
import { TUNNEL_MAX_FRAME_BYTES, TUNNEL_PATH } from "@/lib/relay/tunnel-frames";

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

const tunnelQuery = z.object({ endpoint: z.string().regex(ENDPOINT_ID) });

/**
 * Accepts `button-studio relay` CLIs: `GET /api/relay/tunnel?endpoint=<id>` with `Authorization: Bearer
 * <API_TOKEN>`, upgraded to a WebSocket that becomes the endpoint's tunnel. Refusals are plain HTTP JSON
 * answers before the upgrade (401, 400, 404), so a CLI can print why and stop. Returns false for upgrade
 * requests on other paths, which the server then drops.
 */
export function tunnelUpgradeHandler({ heartbeatMs = TUNNEL_HEARTBEAT_MS } = {}): UpgradeHandler {
  const server = new WebSocketServer({ noServer: true, maxPayload: TUNNEL_MAX_FRAME_BYTES });
  return (req, socket, head) => {
    // URL.parse, not new URL: a request target such as `http://[bad` must not throw in the server's upgrade event.
    const url = URL.parse(req.url ?? "/", "http://tunnel");
    if (url?.pathname !== TUNNEL_PATH) return false;
    // Until the upgrade, nothing else listens: a reset would be thrown as an unhandled error.
    socket.on("error", () => socket.destroy());
    const locale = negotiateLocale(undefined, header(req, "accept-language"));
    // The token first, before the query or the database: a caller without it costs a header comparison.
    if (!hasValidApiToken(header(req, "authorization"))) {
      void refuse(socket, new HttpError(401, "unauthorized", "unauthorized", { header: "Authorization: Bearer <API_TOKEN>" }), locale);
      return true;
    }
    void accept(server, url, req, socket, head, locale, heartbeatMs);
    return true;
  };
}

export const handleTunnelUpgrade = tunnelUpgradeHandler();

async function accept(server: WebSocketServer, url: URL, req: IncomingMessage, socket: Duplex, head: Buffer, locale: Locale, heartbeatMs: number): Promise<void> {
  try {
    const { endpoint: endpointId } = parseInput(tunnelQuery, { endpoint: url.searchParams.get("endpoint") ?? undefined }, locale);
    const endpoint = await getLiveEndpoint(getDb(), endpointId);
    if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: endpointId });
    // The CLI may have given up while the endpoint was read.
    if (socket.destroyed) return;
    server.handleUpgrade(req, socket, head, (ws) => attachTunnel(endpoint, ws, heartbeatMs));
  } catch (error) {
    if (!(error instanceof HttpError)) console.error("[tunnel] upgrade failed:", error instanceof Error ? error.stack : String(error));
    await refuse(socket, error instanceof HttpError ? error : new HttpError(500, "internal", "internal"), locale);
  }
}

/** The same JSON error body as the API's, written straight on the socket: there is no ServerResponse on an upgrade. */
async function refuse(socket: Duplex, error: HttpError, locale: Locale): Promise<void> {
  const body = await errorResponse(error, locale).text();
  if (socket.destroyed) return;
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ""}\r\n` +
      "content-type: application/json\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      "connection: close\r\n\r\n" +
      body,
  );
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}
