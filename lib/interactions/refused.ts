import "server-only";
import { randomUUID } from "node:crypto";
import type { LiveEndpoint } from "@/lib/endpoints/cache";
import { publish } from "@/lib/live/bus";
import type { RawCallback } from "@/lib/platforms/inbound";
import { remember } from "@/lib/process/remember";
import { insertInteraction, pruneRefused } from "./store";
import { atRest, keptHeaders, storedSearchText } from "./stored-request";

/** Enough of a refused body to see what it was; anyone can send these, so they stay small and few. */
const REFUSED_BODY_BYTES = 4096;
const REFUSED_KEPT = 200;
const REFUSED_PUBLISHED_PER_SECOND = 10;
/** Pruning runs once per this many refusals of an endpoint: each run touches at most REFUSED_KEPT + this many rows. */
const REFUSED_PRUNE_EVERY = 25;
const refusedSeen = remember("refused-callbacks", () => new Map<string, { second: number; published: number; sincePrune: number }>());

/**
 * A refused callback is kept (status "refused", the reason as its summary) so /live can say why.
 * Only the newest REFUSED_KEPT per endpoint survive (pruned every REFUSED_PRUNE_EVERY, through an index
 * of the endpoint's refused rows, so the cost never grows with its other interactions), bodies are cut,
 * and /live hears of at most ten a second per endpoint (the rest show on reload): a flood of forged
 * requests can neither fill the disk or the browser nor slow the server down.
 */
export async function storeRefused(endpoint: LiveEndpoint, raw: RawCallback, code: string, at: Date): Promise<void> {
  const id = randomUUID();
  // Redacted whole, then cut: a cut through an echoed secret would leave its beginning in plain text.
  const whole = Buffer.from(atRest(endpoint, raw.body.toString("utf8")), "utf8");
  const body = whole.length > REFUSED_BODY_BYTES ? `${whole.subarray(0, REFUSED_BODY_BYTES).toString("utf8")}…` : whole.toString("utf8");
  // Counted before the writes: concurrent refusals each see their own count while the first is still being stored.
  const second = Math.floor(at.getTime() / 1000);
  const seen = refusedSeen.get(endpoint.id) ?? { second, published: 0, sincePrune: 0 };
  if (seen.second !== second) Object.assign(seen, { second, published: 0 });
  const publishIt = ++seen.published <= REFUSED_PUBLISHED_PER_SECOND;
  const pruneNow = ++seen.sincePrune >= REFUSED_PRUNE_EVERY;
  if (pruneNow) seen.sincePrune = 0;
  refusedSeen.set(endpoint.id, seen);
  await insertInteraction({
    id,
    endpointId: endpoint.id,
    platform: endpoint.platform,
    eventId: `refused:${id}`,
    kind: "event",
    status: "refused",
    summary: code,
    headers: keptHeaders(endpoint, raw),
    body,
    receivedAt: at,
    searchText: storedSearchText(endpoint, { summary: code, body }),
  });
  // Pruning is housekeeping: if it fails (the next one catches up), the refusal is still answered.
  if (pruneNow) await pruneRefused(endpoint.id, REFUSED_KEPT).catch((error: unknown) => console.error("[callbacks] pruning refused callbacks failed:", error instanceof Error ? error.message : String(error)));
  if (publishIt) publish({ type: "interaction.created", id, endpointId: endpoint.id, status: "refused" });
}
