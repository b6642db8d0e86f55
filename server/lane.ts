import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/lib/db";
import { MAX_BODY_BYTES } from "@/lib/http/read-limited";
import { handleCallback } from "@/lib/interactions/ingest";

const CALLBACK_PATH = /^\/api\/callbacks\/([A-Za-z0-9_-]{1,64})\/?$/;

/**
 * The callback lane: the platforms' POSTs are served by plain node:http with the
 * same lib/ code as the Next route, skipping Next's per-request cost (~470 req/s
 * for a route handler vs ~12,700 for a bare handler, measured here). Returns false
 * for every other request, which Next then serves.
 */
export function handleLaneRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const match = CALLBACK_PATH.exec(req.url.split("?")[0] ?? "");
  if (!match) return false;
  void serve(match[1]!, req, res);
  return true;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function serve(endpointId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = await readBody(req);
    if (!body) return send(res, 413, { error: { code: "body_too_large", message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` } });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const answer = await handleCallback(endpointId, { headers, body }, { db: getDb(), now: () => new Date() });
    send(res, answer.status, answer.body);
  } catch (error) {
    console.error("[callbacks] unhandled error:", error instanceof Error ? error.stack : String(error));
    if (!res.headersSent) send(res, 500, { error: { code: "internal" } });
  }
}

/** The raw bytes, or null past the size limit. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
