import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * Keep-alive agents for forwards: a bot answers many callbacks, so its connection is reused. node:http rather
 * than fetch: measured here, fetch (undici in Node 20) managed ~950 forwards/s where a keep-alive node:http
 * request managed ~4,000, on the same loop that serves every callback.
 */
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }) } as const;

export type PostResult = { status: number; body: Buffer } | { error: "timeout" | "unreachable" };

/**
 * POSTs `body` to `target` and reads at most `limit + 1` bytes of the answer (one more says it was larger; the
 * rest is never downloaded). Redirects are not followed: a 3xx is the bot's answer. `timeoutMs` covers
 * connecting, sending and reading the whole answer; `signal` ends it early (also a timeout). Never throws.
 */
export function postLimited(target: string, headers: Record<string, string>, body: Buffer, limit: number, timeoutMs: number, signal?: AbortSignal): Promise<PostResult> {
  const url = URL.parse(target);
  const agent = url ? agents[url.protocol as keyof typeof agents] : undefined;
  if (!url || !agent) return Promise.resolve({ error: "unreachable" });
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const request = (url.protocol === "https:" ? https : http).request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // Past the limit the answer is no reply anyway: stop reading, and drop the connection it was on.
        if (size > limit) {
          finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
          request.destroy();
        }
      });
      response.on("end", () => finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", () => finish({ error: "unreachable" }));
      response.on("aborted", () => finish({ error: "unreachable" }));
    });
    const onAbort = () => {
      finish({ error: "timeout" });
      request.destroy();
    };
    const timer = setTimeout(onAbort, Math.max(1, timeoutMs));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    // Refused, reset, DNS: the bot could not be reached (a timeout already settled before the destroy's error).
    request.on("error", () => finish({ error: "unreachable" }));
    request.end(body);
  });
}
