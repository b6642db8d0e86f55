import "server-only";
import { randomUUID } from "node:crypto";
import { CHANNELS, MAX_PAYLOAD_BYTES, type PgLink } from "./link";

/** How long an instance waits for the holder's acknowledgement before deciding nobody holds the request. */
export const ACK_WAIT_MS = 150;

/** This instance's held requests (lib/interactions/holds.ts). */
export interface LocalHolds {
  isHeld(id: string): boolean;
  release(id: string, reply: unknown): boolean;
}

/** A reply that does not fit a NOTIFY is read by the holder from the row the winning answer wrote. */
type Request = { op: "probe" | "release"; id: string; from: string; nonce: string; reply?: unknown; inRow?: true };
type Ack = { nonce: string; to: string };

export interface HoldRelay {
  /** LISTENs (once); a holder must be listening before anyone can release what it holds. */
  start(): Promise<void>;
  /** Whether some other instance holds `id`: it acknowledges within `waitMs`, or nobody does. */
  probe(id: string): Promise<boolean>;
  /** Hands `reply` to whichever other instance holds `id`; false when none acknowledged in time. */
  release(id: string, reply: unknown): Promise<boolean>;
  close(): Promise<void>;
}

/** JSON another instance (or the winning answer's write) produced; null rather than a throw. */
function readJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

function parse<T>(payload: string, valid: (value: Record<string, unknown>) => boolean): T | null {
  const value = readJson(payload)?.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return valid(value as Record<string, unknown>) ? (value as T) : null;
}

const isRequest = (v: Record<string, unknown>) => (v.op === "probe" || v.op === "release") && typeof v.id === "string" && typeof v.from === "string" && typeof v.nonce === "string";
const isAck = (v: Record<string, unknown>) => typeof v.nonce === "string" && typeof v.to === "string";

/**
 * Held requests across instances: a request held open on A (the HTTP answer to a Discord or Feishu
 * callback) gets the reply a person sent through B. B NOTIFYs `studio_release`; every instance hears
 * it, the one holding the id answers its held request and NOTIFYs an acknowledgement back to B. The
 * row stays the truth: a release that is lost leaves the hold to its deadline, where the lost
 * conditional write reads the winner's reply from the row (ingest.ts).
 */
export function createHoldRelay(link: PgLink, local: LocalHolds, waitMs = ACK_WAIT_MS): HoldRelay {
  const waiting = new Map<string, () => void>();
  let listening: Promise<Array<() => Promise<void>>> | null = null;

  async function readReply(id: string): Promise<{ reply: unknown } | null> {
    const [row] = await link.query<{ reply: string | null }>(`SELECT "reply" FROM "Interaction" WHERE "id" = $1`, [id]);
    const read = row?.reply ? readJson(row.reply) : null;
    return read ? { reply: read.value } : null;
  }

  function onRequest(payload: string): void {
    const request = parse<Request>(payload, isRequest);
    if (!request || request.from === link.instance || !local.isHeld(request.id)) return;
    if (request.op === "release") {
      if (!request.inRow) local.release(request.id, request.reply);
      else
        readReply(request.id).then(
          (read) => read && local.release(request.id, read.reply),
          (error: unknown) => console.error("held request: reply not read", error),
        );
    }
    const ack: Ack = { nonce: request.nonce, to: request.from };
    link.notify(CHANNELS.releaseAck, JSON.stringify(ack)).catch((error: unknown) => console.error("held request: acknowledgement not sent", error));
  }

  function onAck(payload: string): void {
    const ack = parse<Ack>(payload, isAck);
    if (ack?.to === link.instance) waiting.get(ack.nonce)?.();
  }

  function start(): Promise<void> {
    listening ??= Promise.all([link.listen(CHANNELS.release, onRequest), link.listen(CHANNELS.releaseAck, onAck)]).catch((error: unknown) => {
      listening = null;
      throw error;
    });
    return listening.then(() => undefined);
  }

  async function ask(op: Request["op"], id: string, reply?: unknown): Promise<boolean> {
    await start();
    const nonce = randomUUID();
    let request: Request = { op, id, from: link.instance, nonce, ...(op === "release" ? { reply } : {}) };
    let payload = JSON.stringify(request);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      request = { op, id, from: link.instance, nonce, inRow: true };
      payload = JSON.stringify(request);
    }
    let acknowledged = false;
    let settle = () => {};
    const answered = new Promise<void>((resolve) => (settle = resolve));
    waiting.set(nonce, () => {
      acknowledged = true;
      settle();
    });
    try {
      await link.notify(CHANNELS.release, payload);
      const timer = setTimeout(settle, waitMs);
      await answered;
      clearTimeout(timer);
    } finally {
      waiting.delete(nonce);
    }
    return acknowledged;
  }

  return {
    start,
    probe: (id) => ask("probe", id),
    release: (id, reply) => ask("release", id, reply),
    async close() {
      const stops = await listening?.catch(() => null);
      listening = null;
      await Promise.all((stops ?? []).map((stop) => stop()));
    },
  };
}
