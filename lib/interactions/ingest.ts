import "server-only";
import { randomUUID } from "node:crypto";
import { remember } from "@/lib/process/remember";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { publish } from "@/lib/live/bus";
import type { HttpAnswer, ParsedEvent, RawCallback } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { holdFor } from "./holds";
import { logDeliveryFailure, sendApiReply } from "./outbound";
import { saveSnapshot } from "@/lib/reactions/store";
import { findRule } from "./rules";
import { insertInteraction, pruneRefused, recordHandshake, transition } from "./store";

/** Held Discord requests answer this long before Discord's 3 s, so the fallback still arrives in time. */
export const SAFETY_MARGIN_MS = 500;


export interface CallbackDeps {
  db: Db;
  now: () => Date;
  /** When the request arrived (before its body was read): deadlines run from here. Default: now(). */
  arrivedAt?: Date;
}

const json = (status: number, body: unknown): HttpAnswer => ({ status, body });

/** Work after the response has no caller to report to: log it, never let it crash the process. */
function logFailure(error: unknown): void {
  console.error("[callbacks] background work failed:", error instanceof Error ? error.message : String(error));
}

/** The callback path: verify, decrypt, handshake, store once, then answer by rule, by hand, or by fallback. */
export async function handleCallback(endpointId: string, raw: RawCallback, deps: CallbackDeps): Promise<HttpAnswer> {
  const endpoint = await getLiveEndpoint(deps.db, endpointId);
  if (!endpoint) return json(404, { error: { code: "not_found" } });
  const inbound = getInbound(endpoint.platform);
  const outcome = await inbound.receive(raw, endpoint.secrets, endpoint.options);
  if (outcome.type === "rejected") {
    storeRefused(endpoint, raw, outcome.code, deps.arrivedAt ?? deps.now());
    return json(outcome.status, { error: { code: outcome.code } });
  }
  if (outcome.type === "handshake") {
    recordHandshake(endpoint.id, true, deps.now());
    return { status: outcome.status, body: outcome.body };
  }
  const [first, ...rest] = outcome.events;
  if (!first) return json(200, {});
  // The platform's clock started when it sent the request: verification and storage spend from its budget.
  const receivedAt = deps.arrivedAt ?? deps.now();
  const stored = {
    headers: keptHeaders(endpoint, raw),
    body: atRest(endpoint, raw.body.toString("utf8")),
    decoded: outcome.decoded === undefined ? undefined : atRest(endpoint, outcome.decoded),
  };
  // Events that only get shown (Easemob sends several per callback) need no reply: store them all, acknowledge once.
  if (!first.interactive) {
    const existing = storeEvent(endpoint, first, randomUUID(), stored, receivedAt, null);
    if (!existing) for (const event of rest) storeEvent(endpoint, event, randomUUID(), stored, receivedAt, null);
    return inbound.acknowledge(first) ?? json(200, {});
  }
  const event = first;
  const id = randomUUID();
  const deadlineAt = new Date(receivedAt.getTime() + inbound.deadlineMs);
  // A rule or the fallback answers at once: store the interaction already answered, in one write.
  const immediate = immediateReply(endpoint, event);
  const existing = storeEvent(endpoint, event, id, stored, receivedAt, { deadlineAt, immediate });
  // A retried delivery gets what the first one got, and nothing is stored twice.
  if (existing) return inbound.acknowledge(event) ?? json(200, existing.reply ? JSON.parse(existing.reply) : inbound.defaultFallback(event));
  if (immediate) return deliverNow(endpoint, event, id, immediate.reply, immediate.source, deps);
  return hold(endpoint, event, id, deadlineAt, deps);
}

/** The headers the platform's adapter says are worth keeping for the inspector. */
function keptHeaders(endpoint: LiveEndpoint, raw: RawCallback): string {
  const names = getInbound(endpoint.platform).keptHeaders;
  return JSON.stringify(Object.fromEntries(names.flatMap((h) => (raw.headers.has(h) ? [[h, raw.headers.get(h)]] : []))));
}

/** What is stored of a text the platform sent: with any secret it echoes replaced (the adapter knows which). */
function atRest(endpoint: LiveEndpoint, text: string): string {
  const inbound = getInbound(endpoint.platform);
  return inbound.atRest ? inbound.atRest(text, endpoint.secrets) : text;
}

type Decision = { deadlineAt: Date; immediate: { reply: unknown; source: "rule" | "fallback" } | null } | null;

/** One synchronous write per event; null when it was new, else what is stored for its event id. */
function storeEvent(endpoint: LiveEndpoint, event: ParsedEvent, id: string, stored: { headers: string; body: string; decoded?: string }, receivedAt: Date, decision: Decision) {
  const pending = decision !== null && !decision.immediate;
  // Events only shown (no reply expected) were received, not answered: the acknowledgement was all.
  const status = decision === null ? "received" : pending ? "pending" : "answered";
  const existing = insertInteraction({
    id,
    endpointId: endpoint.id,
    platform: endpoint.platform,
    eventId: event.eventId,
    kind: event.kind,
    status,
    actor: event.actor,
    scene: event.scene,
    control: event.control,
    data: event.data,
    subject: event.subject,
    summary: event.summary,
    ...stored,
    receivedAt,
    deadlineAt: decision?.deadlineAt,
    answeredAt: decision === null || pending ? undefined : receivedAt,
    reply: decision?.immediate ? JSON.stringify(decision.immediate.reply) : undefined,
    replySource: decision?.immediate?.source,
  });
  if (existing) return existing;
  publish({ type: "interaction.created", id, endpointId: endpoint.id, status });
  if (event.snapshot && event.subject && saveSnapshot(endpoint.id, event.subject, event.snapshot, receivedAt)) {
    publish({ type: "snapshot.updated", id: event.subject, endpointId: endpoint.id, status: "updated" });
  }
  return null;
}

/** Enough of a refused body to see what it was; anyone can send these, so they stay small and few. */
const REFUSED_BODY_BYTES = 4096;
const REFUSED_KEPT = 200;
const REFUSED_PUBLISHED_PER_SECOND = 10;
/** Pruning runs once per this many refusals of an endpoint: each run touches at most REFUSED_KEPT + this many rows. */
const REFUSED_PRUNE_EVERY = 25;
const refusedSeen = remember("refused-callbacks", () => new Map<string, { second: number; published: number; sincePrune: number }>());

/**
 * A refused callback is kept (status "refused", the reason as its summary) so /live can say why.
 * Only the newest REFUSED_KEPT per endpoint survive, bodies are cut, and /live hears of at most
 * ten a second per endpoint (the rest show on reload): a flood of forged requests cannot fill the disk or the browser.
 */
function storeRefused(endpoint: LiveEndpoint, raw: RawCallback, code: string, at: Date): void {
  const id = randomUUID();
  // Redacted whole, then cut: a cut through an echoed secret would leave its beginning in plain text.
  const whole = Buffer.from(atRest(endpoint, raw.body.toString("utf8")), "utf8");
  const body = whole.length > REFUSED_BODY_BYTES ? `${whole.subarray(0, REFUSED_BODY_BYTES).toString("utf8")}…` : whole.toString("utf8");
  insertInteraction({
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
  });
  const second = Math.floor(at.getTime() / 1000);
  const seen = refusedSeen.get(endpoint.id) ?? { second, published: 0, sincePrune: 0 };
  if (seen.second !== second) Object.assign(seen, { second, published: 0 });
  seen.published++;
  // Amortized and bounded: an index range over this endpoint's refused rows only, never its other interactions.
  if (++seen.sincePrune >= REFUSED_PRUNE_EVERY) {
    seen.sincePrune = 0;
    pruneRefused(endpoint.id, REFUSED_KEPT);
  }
  refusedSeen.set(endpoint.id, seen);
  if (seen.published > REFUSED_PUBLISHED_PER_SECOND) return;
  publish({ type: "interaction.created", id, endpointId: endpoint.id, status: "refused" });
}

/** The reply a rule (or, in rules mode, the fallback) gives without asking anyone; null when a person decides. */
function immediateReply(endpoint: LiveEndpoint, event: ParsedEvent): { reply: unknown; source: "rule" | "fallback" } | null {
  const inbound = getInbound(endpoint.platform);
  // A rule whose reply cannot answer this kind of event (a toast for a link preview) is passed over.
  const rule = endpoint.mode === "manual" ? undefined : findRule(endpoint.rules, event, (reply) => inbound.replyFits(event.kind, reply));
  if (rule) return { reply: rule.reply, source: "rule" };
  if (endpoint.mode === "rules") return { reply: fallbackFor(endpoint, event), source: "fallback" };
  return null;
}

/** The endpoint's own fallback where it fits the event, else the platform's default for its kind. */
function fallbackFor(endpoint: LiveEndpoint, event: ParsedEvent): unknown {
  const inbound = getInbound(endpoint.platform);
  return endpoint.fallback !== null && endpoint.fallback !== undefined && inbound.replyFits(event.kind, endpoint.fallback) ? endpoint.fallback : inbound.defaultFallback(event);
}

async function hold(endpoint: LiveEndpoint, event: ParsedEvent, id: string, deadlineAt: Date, deps: CallbackDeps): Promise<HttpAnswer> {
  const inbound = getInbound(endpoint.platform);
  const fallback = fallbackFor(endpoint, event);
  const ack = inbound.acknowledge(event);
  if (ack) {
    // The reply travels separately (QQ): acknowledge now, send the fallback at the deadline unless a person answered.
    setTimeout(() => answerNow(endpoint, event, id, fallback, "fallback", deps).catch(logFailure), Math.max(0, deadlineAt.getTime() - deps.now().getTime()));
    return ack;
  }
  // The reply is the HTTP answer (Discord): hold the request open for a person, then fall back.
  const manual = await holdFor(id, Math.max(0, deadlineAt.getTime() - deps.now().getTime() - SAFETY_MARGIN_MS));
  if (manual !== null) return json(200, manual);
  // The deferred fallback keeps the interaction open: a person's later answer becomes a follow-up.
  if (transition(id, "pending", { status: "pending", reply: fallback, replySource: "fallback", at: deps.now() })) {
    publish({ type: "interaction.updated", id, endpointId: endpoint.id, status: "pending" });
  }
  return json(200, fallback);
}

/** The fallback at the deadline, unless a person answered first. */
async function answerNow(endpoint: LiveEndpoint, event: ParsedEvent, id: string, reply: unknown, source: "rule" | "fallback", deps: CallbackDeps): Promise<HttpAnswer> {
  const inbound = getInbound(endpoint.platform);
  if (!transition(id, "pending", { status: "answered", reply, replySource: source, at: deps.now() })) {
    return inbound.acknowledge(event) ?? json(200, reply);
  }
  publish({ type: "interaction.updated", id, endpointId: endpoint.id, status: "answered" });
  return deliverNow(endpoint, event, id, reply, source, deps);
}

/** Sends a decided reply: as the HTTP answer, or as an API call once the acknowledgement is out. */
function deliverNow(endpoint: LiveEndpoint, event: ParsedEvent, id: string, reply: unknown, source: "rule" | "fallback", deps: CallbackDeps): HttpAnswer {
  const inbound = getInbound(endpoint.platform);
  const delivery = inbound.deliver(event, reply);
  if (delivery.via === "response") return delivery.answer;
  // Nothing that can be done after the response goes before it: the API call runs once the ack is out.
  setImmediate(() => {
    sendApiReply(endpoint, delivery)
      .catch((error: unknown) => {
        logDeliveryFailure(endpoint, error);
        if (transition(id, "answered", { status: "failed", reply, replySource: source, at: deps.now() })) {
          publish({ type: "interaction.updated", id, endpointId: endpoint.id, status: "failed" });
        }
      })
      .catch(logFailure);
  });
  return inbound.acknowledge(event) ?? json(200, {});
}
