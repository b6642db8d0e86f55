import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { serveCallback } from "@/lib/interactions/callback-http";
import { malformedPathAnswer } from "@/lib/http/malformed-path";
import { isClientAbort } from "@/lib/http/respond";

export { handleTunnelUpgrade } from "./tunnel";

const CALLBACK_PATH = /^\/api\/callbacks\/([^/?]*)\/?$/;

/**
 * The callback lane: the platforms' POSTs are served by plain node:http with the
 * same lib/ code as the Next route, skipping Next's per-request cost (~470 req/s
 * for a route handler vs ~12,700 for a bare handler, measured here). It also answers
 * any request whose path does not percent-decode (Next would answer a plain-text 500).
 * Returns false for every other request, which Next then serves.
 */
export function handleLaneRequest(req: IncomingMessage, res: ServerResponse): boolean {
  // Taken first: the platform's deadline runs from the request's arrival, not from when it was read.
  const arrivedAt = arrivalOf(req);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const malformed = malformedPathAnswer(path, header(req, "accept-language"));
  if (malformed) {
    req.resume();
    send(res, malformed.status, malformed.body, false);
    return true;
  }
  if (req.method !== "POST") return false;
  const match = CALLBACK_PATH.exec(path);
  if (!match) return false;
  void serve(decodeURIComponent(match[1]!), arrivedAt, req, res);
  return true;
}

/**
 * When a connection was accepted: under a burst the loop reaches a request's bytes well after the
 * connection came in, and a platform counts its deadline from when it sent the request.
 */
const acceptedAt = new WeakMap<Socket, number>();

/** Called by the server for every new connection (scripts/server.mjs). */
export function noteConnection(socket: Socket): void {
  acceptedAt.set(socket, Date.now());
}

/** The first request on a connection arrived when the connection did; later ones when they are seen. */
function arrivalOf(req: IncomingMessage): Date {
  const accepted = acceptedAt.get(req.socket);
  if (accepted === undefined) return new Date();
  acceptedAt.delete(req.socket);
  return new Date(accepted);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

function send(res: ServerResponse, status: number, body: unknown, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(text);
}

async function serve(endpointId: string, arrivedAt: Date, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  try {
    const answer = await serveCallback({ endpointId, headers, chunks: req, arrivedAt });
    send(res, answer.status, answer.body, answer.close === true);
    // Past the drain limit the rest of the body is not read: the connection is closed once the 413 is out.
    if (answer.close) res.once("finish", () => req.destroy());
  } catch (error) {
    // The client went away mid-body (an abort, a reset): nobody is left to answer, and nothing is wrong here.
    if (req.destroyed || isClientAbort(error)) return;
    console.error("[callbacks] unhandled error:", error instanceof Error ? error.stack : String(error));
    send(res, 500, { error: { code: "internal" } }, true);
  }
}
