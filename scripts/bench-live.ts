// `npm run bench`, the live log across instances: a Discord callback POSTed to instance A, and its
// `interaction.created` frame read from instance B's `/api/interactions/stream` (PostgreSQL NOTIFY in between).
import { Agent, request as httpRequest } from "node:http";
import { DISCORD_SEED } from "../lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "../lib/platforms/discord/signature";
import { API_TOKEN, quantile, type Signed } from "./bench-support";

const FRAME_TIMEOUT_MS = 5_000;

export interface LiveLatency {
  samples: number;
  /** From just before the callback is sent to A until B's frame is read: the send's own round trip included. */
  p50: number;
  p95: number;
  /** The callback's own round trip on A (request sent → answer read), for the same sends. */
  roundTripP50: number;
  roundTripP95: number;
  /** Frames that did not arrive within 5 s of their send (counted as infinitely late in p50/p95). */
  missed: number;
}

function liveBodies(count: number): Signed[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({ id: `live-${process.pid}-${i}`, application_id: "A", type: 3, token: "T", version: 1, member: { user: { id: "u" } }, data: { custom_id: "live", component_type: 2 } });
    return { body, headers: { "content-type": "application/json", "x-signature-timestamp": timestamp, "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body) } };
  });
}

/**
 * Reads B's stream in the background and notes when each `interaction.created` frame of `endpointId` was read
 * (performance.now() as the chunk holding it arrived). Callbacks are sent one at a time, each after the previous
 * one's frame (or its timeout), so a callback's frame is the first one read after it was sent.
 */
async function openStream(base: string, endpointId: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/interactions/stream`, { headers: { authorization: `Bearer ${API_TOKEN}` }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`live stream on ${base}: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const arrivals: number[] = [];
  const waiter: { wake?: () => void } = {};
  const pump = (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const at = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => raw.split("\n").find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        if (field("event") === "reset") throw new Error("the live stream asked for a reset");
        const data = field("data");
        if (field("event") !== "interaction.created" || !data) continue;
        if ((JSON.parse(data) as { endpointId?: string }).endpointId !== endpointId) continue;
        arrivals.push(at);
        waiter.wake?.();
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) console.error("live stream read failed:", error);
  });
  /** Resolves when frame k (0-based, in reading order) has been read, or after `ms`. */
  const frame = (k: number, ms: number) =>
    new Promise<void>((resolve) => {
      if (arrivals.length > k) return resolve();
      const timer = setTimeout(() => {
        waiter.wake = undefined;
        resolve();
      }, ms);
      waiter.wake = () => {
        if (arrivals.length <= k) return;
        clearTimeout(timer);
        waiter.wake = undefined;
        resolve();
      };
    });
  const close = async () => {
    controller.abort();
    await pump;
  };
  return { arrivals, frame, close };
}

/** One POST on a kept-alive connection; resolves with the status once the answer's body has been read. */
function post(agent: Agent, url: URL, signed: Signed): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { ...signed.headers, "content-length": Buffer.byteLength(signed.body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(signed.body);
  });
}

/**
 * `samples` callbacks (after `warmup` unmeasured ones) sent one at a time to A's callback URL for
 * `endpointId`, each waiting for its frame on B before the next is sent.
 */
export async function liveLatency(a: string, b: string, endpointId: string, samples: number, warmup = 10): Promise<LiveLatency> {
  const stream = await openStream(b, endpointId);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${a}/api/callbacks/${endpointId}`);
  const bodies = liveBodies(warmup + samples);
  const latencies: number[] = [];
  const roundTrips: number[] = [];
  let missed = 0;
  try {
    for (let k = 0; k < bodies.length; k++) {
      const frame = stream.arrivals.length; // this callback's frame is the next one read
      const start = performance.now();
      const status = await post(agent, url, bodies[k]!);
      if (status !== 200) throw new Error(`callback ${k} to ${a}: ${status}`);
      roundTrips.push(performance.now() - start);
      await stream.frame(frame, FRAME_TIMEOUT_MS);
      const arrival = stream.arrivals[frame];
      latencies.push(arrival === undefined ? Infinity : arrival - start);
      if (arrival === undefined && k >= warmup) missed++;
    }
  } finally {
    agent.destroy();
    await stream.close();
  }
  const measured = (values: number[]) => values.slice(warmup).sort((x, y) => x - y);
  const trips = measured(roundTrips);
  const sorted = measured(latencies);
  return { samples, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), roundTripP50: quantile(trips, 0.5), roundTripP95: quantile(trips, 0.95), missed };
}
