import "server-only";
import type { RawData, WebSocket } from "ws";
import type { RawCallback } from "@/lib/platforms/inbound";
import { remember } from "@/lib/process/remember";
import { limitedAnswer, RELAY_ANSWER_LIMIT_BYTES, relayRequestHeaders, type ForwardOptions, type ForwardResult } from "./request";
import { parseAnswerFrame, TUNNEL_LIMIT_MAX_BYTES, type AnswerFrame, type CallbackFrame } from "./tunnel-frames";

/**
 * The `button-studio relay` CLIs connected to this process, one per endpoint (server/tunnel.ts accepts them).
 * Only `import type` from ws here: this module is in Next's bundle too, which never opens a socket itself.
 *
 * Several instances on PostgreSQL: a tunnel serves the instance it is connected to. A callback that reaches
 * another instance finds no tunnel there and gets the endpoint's fallback at once ("no_tunnel" in /live), so
 * a tunnel behind a load balancer needs the callbacks and the CLI pinned to the same instance.
 */
interface Tunnel {
  socket: WebSocket;
  /** The endpoint's platform, named in each frame for the CLI's log line. */
  platform: string;
  /** Forwards awaiting the CLI's answer, by frame id; null means the socket is gone. */
  pending: Map<string, (answer: AnswerFrame | null) => void>;
  /** Frames made unique so far (frameId). */
  frames: number;
  /** Answers for ids nobody awaits: a few are late answers, many are a client that is not ours. */
  strays: number;
}

/** Late answers (their budget passed) are normal; past this many in a row the client is closed as foreign. */
const MAX_STRAY_ANSWERS = 64;

// Process-wide: the lane bundle accepts the sockets, while Next's bundle (its own copy of this module) forwards too.
const tunnels = () => remember("relay-tunnels", () => new Map<string, Tunnel>());

/** How often the server pings a CLI; a CLI that has not answered the previous ping by the next is cut. */
export const TUNNEL_HEARTBEAT_MS = 15_000;

/** Close code for a tunnel another connection for the same endpoint took over (the CLI stops, not reconnects). */
export const TUNNEL_REPLACED = 4000;

/**
 * Takes an accepted socket as the endpoint's tunnel, closing the one it replaces: the newest CLI wins, so a
 * developer who restarts it never waits for the old connection's heartbeat to run out.
 */
export function attachTunnel(endpoint: { id: string; platform: string }, socket: WebSocket, heartbeatMs = TUNNEL_HEARTBEAT_MS): void {
  const endpointId = endpoint.id;
  const registry = tunnels();
  const previous = registry.get(endpointId);
  if (previous) {
    registry.delete(endpointId);
    settleAll(previous);
    previous.socket.close(TUNNEL_REPLACED, "replaced");
  }
  const tunnel: Tunnel = { socket, platform: endpoint.platform, pending: new Map(), frames: 0, strays: 0 };
  registry.set(endpointId, tunnel);

  let alive = true;
  socket.on("pong", () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, heartbeatMs);
  heartbeat.unref();

  socket.on("message", (data: RawData, isBinary: boolean) => {
    const answer = isBinary ? null : parseAnswerFrame(rawText(data));
    // The CLI is ours: a frame it should never send means a broken or foreign client, not one to reason with.
    if (!answer) return socket.close(1008, "malformed frame");
    // An answer nobody awaits any more (its budget passed) is dropped; a stream of them is not a CLI of ours.
    const waiting = tunnel.pending.get(answer.id);
    if (waiting) {
      tunnel.strays = 0;
      return waiting(answer);
    }
    if (++tunnel.strays > MAX_STRAY_ANSWERS) socket.close(1008, "answers for nothing awaited");
  });
  // An error is always followed by close; listening keeps it from being thrown as unhandled.
  socket.on("error", () => undefined);
  socket.on("close", () => {
    clearInterval(heartbeat);
    if (registry.get(endpointId) === tunnel) registry.delete(endpointId);
    settleAll(tunnel);
  });
}

/** Whether a `button-studio relay` CLI is connected for this endpoint, to this process. */
export function tunnelConnected(endpointId: string): boolean {
  const tunnel = tunnels().get(endpointId);
  return tunnel !== undefined && tunnel.socket.readyState === tunnel.socket.OPEN;
}

/**
 * forwardCallback through the endpoint's CLI: the same bytes and headers go in a frame, the CLI posts them to
 * the bot and sends back its answer. The same budget, signal and limit apply; a socket that closes meanwhile
 * is `unreachable` at once. `ms` is counted here, so it includes the tunnel's own round trip. Never throws.
 */
export function tunnelForward(endpointId: string, raw: RawCallback, options: ForwardOptions): Promise<ForwardResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const tunnel = tunnels().get(endpointId);
  if (!tunnel || tunnel.socket.readyState !== tunnel.socket.OPEN) return Promise.resolve({ error: "unreachable", ms: ms() });
  if (options.signal?.aborted) return Promise.resolve({ error: "timeout", ms: ms() });
  const limit = Math.min(options.limitBytes ?? RELAY_ANSWER_LIMIT_BYTES, TUNNEL_LIMIT_MAX_BYTES);
  const id = frameId(tunnel, options.interactionId);
  const frame: CallbackFrame = {
    type: "callback",
    id,
    platform: tunnel.platform,
    ...(options.control !== undefined ? { control: options.control } : {}),
    headers: Object.fromEntries(relayRequestHeaders(raw, options)),
    body: raw.body.toString("base64"),
    budgetMs: options.budgetMs,
    limitBytes: limit,
  };

  return new Promise<ForwardResult>((resolve) => {
    const finish = (result: ForwardResult) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (tunnel.pending.get(id) === settle) tunnel.pending.delete(id);
      resolve(result);
    };
    const onAbort = () => finish({ error: "timeout", ms: ms() });
    const timer = setTimeout(onAbort, Math.max(1, options.budgetMs));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const settle = (answer: AnswerFrame | null) => finish(resultOf(answer, limit, ms()));
    tunnel.pending.set(id, settle);
    try {
      tunnel.socket.send(JSON.stringify(frame), (error) => error && settle(null));
    } catch {
      settle(null);
    }
  });
}

function resultOf(answer: AnswerFrame | null, limit: number, ms: number): ForwardResult {
  if (answer === null) return { error: "unreachable", ms };
  if ("error" in answer) return { error: answer.error, ms };
  return limitedAnswer(answer.status, Buffer.from(answer.body, "base64"), limit, ms);
}

/**
 * The interaction id, unless a forward of the same id is still awaited (handshakes share one): then made unique
 * with the tunnel's counter — O(1), where scanning `.2`, `.3`… grew with every copy still awaited.
 */
function frameId(tunnel: Tunnel, interactionId: string): string {
  return tunnel.pending.has(interactionId) ? `${interactionId}.${++tunnel.frames}` : interactionId;
}

/** Every forward still waiting on a socket that is gone: none of their answers can come any more. */
function settleAll(tunnel: Tunnel): void {
  for (const settle of [...tunnel.pending.values()]) settle(null);
}

function rawText(data: RawData): string {
  return Buffer.isBuffer(data) ? data.toString("utf8") : Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data).toString("utf8");
}
