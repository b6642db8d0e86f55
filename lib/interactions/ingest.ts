import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { readStored } from "@/lib/endpoints/stored";
import { publish } from "@/lib/live/bus";
import type { HttpAnswer, InboundAdapter, ParsedEvent, RawCallback } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { snapshotRow } from "@/lib/reactions/store";
import { readBotAnswer, type RelayAnswer, type RelayRefusal } from "@/lib/relay/answer";
import { forwardCallback, forwardWithLateAnswer, INTERACTION_HEADER, relayBudgetMs, type ForwardResult } from "@/lib/relay/forward";
import { isRelayMode, TUNNEL_TARGET } from "@/lib/relay/target";
import { tunnelConnected } from "@/lib/relay/tunnel";
import { answerFromRelay } from "./answer";
import { fallbackFor } from "./fallback";
import { heldCount, holdFor, release } from "./holds";
import { decide, platformFacts, type Decision, type Effect, type LifecycleState, type PlatformFacts } from "./lifecycle";
import { logDeliveryFailure, sendApiReply } from "./outbound";
import { storeRefused } from "./refused";
import { findRule } from "./rules";
import { insertEvents, interactionState, recordHandshake, transition, type EventStored, type EventWrite, type StoredState } from "./store";
import { atRest, keptHeaders, storedSearchText } from "./stored-request";

/** Held Discord requests answer this long before Discord's 3 s, so the fallback still arrives in time. */
export const SAFETY_MARGIN_MS = 500;
/**
 * In a burst, thousands of held requests come due together, and the loop is still reading requests that
 * arrived before it could see them (their deadline already running). Each hold therefore answers this much
 * earlier per request already held (2,000 held: 1.2 s, the most it takes). Nobody answers 2,000 clicks by
 * hand in 2.5 s; what matters then is that every fallback arrives in time. Measured with `npm run bench`.
 */
const BURST_MARGIN_PER_HOLD_MS = 0.6;
const BURST_MARGIN_MAX_MS = 1200;
/** Of a relayed request's hold, the bot's answer is awaited this much less: its write and the release still fit before the hold ends. */
const RELAY_DECIDE_MS = 150;
/** A bot that missed the deadline is still awaited this long at most (within the reply window) for the platform's later channel. */
export const RELAY_LATE_MAX_MS = 30_000;
/** A handshake is answered by Button Studio; its copy to the bot (for the bot's log) is given this long. */
const HANDSHAKE_FORWARD_MS = 10_000;
/** What /live keeps of a bot's answer body. */
const RELAY_BODY_KEPT = 2048;

/**
 * Events one callback may carry (Easemob: one per reaction record). Each is a stored row, so without
 * a bound one request could become thousands of rows; no platform batches anywhere near this.
 */
export const MAX_EVENTS_PER_CALLBACK = 100;
/** Rows after a callback's first keep its body only when it is small: the first row always has it whole. */
const SHARED_BODY_BYTES = 4096;

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
    await storeRefused(endpoint, raw, outcome.code, deps.arrivedAt ?? deps.now());
    return json(outcome.status, { error: { code: outcome.code } });
  }
  if (outcome.type === "handshake") {
    await recordHandshake(endpoint.id, true, deps.now());
    // Button Studio answers the handshake itself (the bot may be down or slow); the bot sees it for its log only.
    copyHandshake(endpoint, inbound, raw);
    return { status: outcome.status, body: outcome.body };
  }
  if (outcome.events.length === 0) return json(200, {});
  if (outcome.events.length > MAX_EVENTS_PER_CALLBACK) {
    await storeRefused(endpoint, raw, "too_many_events", deps.arrivedAt ?? deps.now());
    return json(400, { error: { code: "too_many_events" } });
  }
  // The platform's clock started when it sent the request: verification and storage spend from its budget.
  const receivedAt = deps.arrivedAt ?? deps.now();
  const stored = {
    headers: keptHeaders(endpoint, raw),
    body: atRest(endpoint, raw.body.toString("utf8")),
    decoded: outcome.decoded === undefined ? undefined : atRest(endpoint, outcome.decoded),
  };
  // Events that only get shown (Easemob sends several per callback) are stored in one transaction; the first
  // decides the answer, and a retried callback (its first event already stored) stores nothing more.
  const shared = Buffer.byteLength(stored.body) + Buffer.byteLength(stored.decoded ?? "") <= SHARED_BODY_BYTES ? stored : { ...stored, body: "", decoded: undefined };
  const receipts = outcome.events.map((event, i) => receipt(endpoint, inbound, event, i === 0 ? stored : shared, receivedAt, deps, i === 0 ? raw : null));
  const results = await insertEvents(receipts.map((r) => r.write));
  const [first, ...rest] = results.map((result, i) => afterStore(receipts[i]!, result));
  for (const other of rest) void other.catch(logFailure);
  return first!;
}

interface Received {
  endpoint: LiveEndpoint;
  inbound: InboundAdapter;
  event: ParsedEvent;
  id: string;
  facts: PlatformFacts;
  receivedAt: Date;
  deadlineAt: Date;
  /** The reply decided so far: a rule's or the fallback. */
  reply: unknown;
  deps: CallbackDeps;
  /** The bot's URL and the request as it came, when this interaction is forwarded (a relay mode, no rule answered). */
  relay: { target: string; raw: RawCallback } | null;
  /** The fallback waits on a timer (QQ: the PUT at the deadline), not on a held request. */
  fallbackTimer?: boolean;
}

interface Receipt {
  ctx: Received;
  decision: Decision;
  write: EventWrite;
}

/** One event: the lifecycle decides from its receipt what is stored (the row and its snapshot) and what is done. */
function receipt(endpoint: LiveEndpoint, inbound: InboundAdapter, event: ParsedEvent, stored: { headers: string; body: string; decoded?: string }, receivedAt: Date, deps: CallbackDeps, raw: RawCallback | null): Receipt {
  const facts = platformFacts(inbound, event, false, endpoint.options);
  const deadlineAt = new Date(receivedAt.getTime() + facts.deadlineMs);
  // A rule or the fallback that answers at once is stored with the interaction, in one write.
  const immediate = event.interactive ? immediateReply(endpoint, event) : null;
  const ctx: Received = { endpoint, inbound, event, id: randomUUID(), facts, receivedAt, deadlineAt, reply: immediate?.reply ?? fallbackFor(endpoint, event), deps, relay: relayOf(endpoint, event, immediate, raw) };
  const state: LifecycleState = { status: "new", replySource: null, receivedAt: receivedAt.getTime(), deadlineAt: deadlineAt.getTime(), updates: 0, held: false };
  const decision = decide(state, { type: "receipt", interactive: event.interactive, decided: immediate?.source ?? null }, deps.now().getTime(), facts);
  const write = decision.write;
  if (write?.op !== "insert") throw new Error(`a receipt decides an insert, not ${write?.op ?? "nothing"}`);
  const row = {
    id: ctx.id,
    endpointId: endpoint.id,
    platform: endpoint.platform,
    eventId: event.eventId,
    kind: event.kind,
    status: write.status,
    actor: event.actor,
    scene: event.scene,
    control: event.control,
    data: event.data,
    subject: event.subject,
    summary: event.summary,
    ...stored,
    receivedAt,
    deadlineAt: event.interactive ? deadlineAt : undefined,
    // A person sees how long their answer can still go in the acknowledgement, then by the API.
    holdUntil: facts.ack && write.status === "pending" ? new Date(receivedAt.getTime() + facts.ack.holdMs) : undefined,
    answeredAt: write.status === "answered" ? receivedAt : undefined,
    reply: immediate ? JSON.stringify(immediate.reply) : undefined,
    replySource: write.replySource ?? undefined,
    replyChannel: write.channel,
    searchText: storedSearchText(endpoint, { control: event.control, data: event.data, actor: event.actor, summary: event.summary, ...stored }),
  };
  const snapshot = event.snapshot && event.subject ? snapshotRow(endpoint.id, event.subject, event.snapshot, receivedAt) : null;
  return { ctx, decision, write: { row, snapshot } };
}

/** Once stored: a retried delivery gets what the first one got (nothing was stored twice), a new one its effects. */
async function afterStore({ ctx, decision }: Receipt, result: EventStored): Promise<HttpAnswer> {
  if (result.existing) return run(decision.ifLost?.effects ?? [], ctx, result.existing);
  // An event only shown has no reply to wait for: the bot gets it, and where the platform's acknowledgement is
  // the bot's (Easemob) it waits for the bot within the deadline; elsewhere (QQ's message events) it goes at once.
  if (ctx.relay && !ctx.event.interactive) {
    const shown = relayShown(ctx, ctx.relay);
    if (ctx.inbound.relayShownWaits) await shown;
    else void shown.catch(logFailure);
  }
  if (result.snapshotChanged) publish({ type: "snapshot.updated", id: ctx.event.subject!, endpointId: ctx.endpoint.id, status: "updated" });
  if (ctx.event.interactive && noTunnel(ctx.endpoint) && decision.write?.op === "insert" && decision.write.replySource === "fallback") {
    // After the response: /live shows that the fallback went because no tunnel is connected.
    setImmediate(() => void ctx.deps.db.interaction.update({ where: { id: ctx.id }, data: { relay: JSON.stringify({ target: TUNNEL_TARGET, used: false, reason: { code: "no_tunnel" } }) } }).catch(logFailure));
  }
  return run(decision.effects, ctx);
}

/** Runs a decision's effects in order; the HTTP answer is the last one an effect gave. */
async function run(effects: readonly Effect[], ctx: Received, before?: StoredState): Promise<HttpAnswer> {
  let answer: HttpAnswer | null = null;
  for (const effect of effects) {
    switch (effect.type) {
      case "publish":
        publish({ type: effect.event, id: ctx.id, endpointId: ctx.endpoint.id, status: effect.status });
        break;
      case "acknowledge":
        answer = ctx.inbound.acknowledge(ctx.event) ?? json(200, {});
        break;
      case "acknowledgeWithReply":
        answer = acknowledgeWith(ctx, ctx.reply);
        break;
      case "respond":
        answer = respond(ctx);
        break;
      case "respondAsBefore":
        // Where the acknowledgement carried the reply, a retry gets the stored one in it again.
        answer = ctx.facts.ack && before?.reply ? acknowledgeWith(ctx, storedReply(ctx, before)) : (ctx.inbound.acknowledge(ctx.event) ?? json(200, storedReply(ctx, before)));
        break;
      case "sendApi":
        // Nothing that can be done after the response goes before it: the API call runs once the answer is out.
        setImmediate(() => void sendApi(ctx).catch(logFailure));
        break;
      case "hold":
        // The bot's answer in time releases the hold like a person's would (answerFromRelay); else the fallback goes.
        if (ctx.relay) startRelay(ctx, ctx.relay, effect.until, effect.carries === "response" ? SAFETY_MARGIN_MS : 0);
        answer = effect.carries === "acknowledgement" ? await holdAcknowledgement(ctx, effect.until) : await holdThenFallback(ctx, effect.until);
        break;
      case "fallbackAt":
        // QQ: the acknowledgement went (or is held); the bot has until the fallback's timer, its answer then goes by PUT.
        if (ctx.relay) startRelay(ctx, ctx.relay, effect.at, 0);
        ctx.fallbackTimer = true;
        setTimeout(() => void deadlinePassed(ctx).catch(logFailure), Math.max(0, effect.at - ctx.deps.now().getTime()));
        break;
      case "sendLate":
        // Only a person's answer goes late (answer.ts); a receipt or a deadline never decides one.
        throw new Error("a late send is not decided on the callback path");
    }
  }
  return answer ?? json(200, {});
}

/** The decided reply as the HTTP answer (Discord, Feishu); an acknowledgement where the reply travels by API. */
function respond(ctx: Received): HttpAnswer {
  const delivery = ctx.inbound.deliver(ctx.event, ctx.reply);
  return delivery.via === "response" ? delivery.answer : (ctx.inbound.acknowledge(ctx.event) ?? json(200, {}));
}

/** The acknowledgement carrying this reply (QQ's op 12 with the code). */
function acknowledgeWith(ctx: Received, reply: unknown): HttpAnswer {
  return ctx.inbound.replyInAck?.answer(ctx.event, reply) ?? ctx.inbound.acknowledge(ctx.event) ?? json(200, {});
}

/**
 * Holds the acknowledgement for a person within the endpoint's hold window (QQ "ack" / "both"). The window
 * is the endpoint's own choice (at most 2.5 s), so only the burst margin is taken off it. Then: the fallback
 * in the acknowledgement (ack), or a plain acknowledgement, the reply following by API (both).
 */
async function holdAcknowledgement(ctx: Received, until: number): Promise<HttpAnswer> {
  const manual = await holdUntil(ctx, until, 0);
  if (manual !== null) return acknowledgeWith(ctx, manual);
  const decision = decide(stateOf(ctx), { type: "holdEnded" }, ctx.deps.now().getTime(), ctx.facts);
  return decision.write ? deadlinePassed(ctx) : run(decision.effects, ctx);
}

/** What the first delivery of this event was answered with, read with the platform's reply schema. */
function storedReply(ctx: Received, before?: StoredState): unknown {
  const read = before?.reply ? readStored(ctx.inbound.replySchema, before.reply) : null;
  return read?.ok ? read.value : ctx.inbound.defaultFallback(ctx.event);
}

/** Holds the request open for a person (the reply is the HTTP answer), then falls back. */
async function holdThenFallback(ctx: Received, until: number): Promise<HttpAnswer> {
  const manual = await holdUntil(ctx, until, SAFETY_MARGIN_MS);
  if (manual !== null) return json(200, manual);
  return deadlinePassed(ctx);
}

/** Waits for a person until `until` less `safetyMs` and the burst margin; their reply, or null. */
function holdUntil(ctx: Received, until: number, safetyMs: number): Promise<unknown | null> {
  const margin = safetyMs + Math.min(BURST_MARGIN_MAX_MS, heldCount() * BURST_MARGIN_PER_HOLD_MS);
  return holdFor(ctx.id, Math.max(0, until - margin - ctx.deps.now().getTime()));
}

/** The lifecycle state of a held interaction; as stored when given, else as it was received (pending, undecided). */
function stateOf(ctx: Received, stored?: StoredState): LifecycleState {
  return { status: stored?.status ?? "pending", replySource: stored?.replySource ?? null, receivedAt: ctx.receivedAt.getTime(), deadlineAt: ctx.deadlineAt.getTime(), updates: 0, held: false };
}

/**
 * The hold's deadline. Nobody answered while it was held (an answer would have released it), so it is
 * decided as still open; the conditional write finds out if someone decided meanwhile, and only then is
 * the row read (in a burst thousands come due together: one write each, no read).
 */
async function deadlinePassed(ctx: Received): Promise<HttpAnswer> {
  const state = stateOf(ctx);
  const decision = decide(state, { type: "deadline" }, ctx.deps.now().getTime(), ctx.facts);
  const fallback = { ...ctx, reply: fallbackFor(ctx.endpoint, ctx.event) };
  const write = decision.write;
  if (write?.op === "transition") {
    // Another instance's sweep may have sent this fallback already (this one was late): the write says who did.
    const won = await transition(ctx.id, { status: write.from, replySource: state.replySource }, { status: write.status, reply: fallback.reply, replySource: write.replySource, at: ctx.deps.now(), channel: write.channel });
    if (won) return run(decision.effects, fallback);
  }
  // Someone else decided first (a person's answer the hold just missed): the held request carries what is stored.
  const now = await interactionState(ctx.id);
  const answered = now?.status === "answered" && now.reply ? readStored(ctx.inbound.replySchema, now.reply) : null;
  const effects = write?.op === "transition" ? (decision.ifLost?.effects ?? []) : decision.effects;
  return run(effects, answered?.ok ? { ...ctx, reply: answered.value } : fallback);
}

/** Sends the decided reply as an API call (QQ's PUT); a refusal marks the interaction failed. */
async function sendApi(ctx: Received): Promise<void> {
  const delivery = ctx.inbound.deliver(ctx.event, ctx.reply);
  if (delivery.via !== "api") return;
  try {
    await sendApiReply(ctx.endpoint, delivery);
  } catch (error) {
    logDeliveryFailure(ctx.endpoint, error);
    const state = stateOf(ctx, (await interactionState(ctx.id)) ?? { id: ctx.id, status: "answered", reply: null, replySource: null });
    const decision = decide(state, { type: "deliveryFailed", channel: "answer", maybeDelivered: false, exhausted: false }, ctx.deps.now().getTime(), ctx.facts);
    const write = decision.write;
    if (write?.op === "transition" && (await transition(ctx.id, { status: write.from, replySource: state.replySource }, { status: write.status, reply: ctx.reply, replySource: write.replySource, at: ctx.deps.now() }))) {
      await run(decision.effects, ctx);
    }
  }
}

/** The reply a rule (or, in rules mode, the fallback) gives without asking anyone; null when a person or the bot decides. */
function immediateReply(endpoint: LiveEndpoint, event: ParsedEvent): { reply: unknown; source: "rule" | "fallback" } | null {
  const inbound = getInbound(endpoint.platform);
  // A rule whose reply cannot answer this kind of event (a toast for a link preview) is passed over.
  const rule = endpoint.mode === "manual" || endpoint.mode === "relay" ? undefined : findRule(endpoint.rules, event, (reply) => inbound.replyFits(event.kind, reply));
  if (rule) return { reply: rule.reply, source: "rule" };
  if (endpoint.mode === "rules" || noTunnel(endpoint)) return { reply: fallbackFor(endpoint, event), source: "fallback" };
  return null;
}

/**
 * Whether this interaction goes to the developer's bot: a relay mode whose target can be reached (a URL, or the
 * tunnel while a CLI is connected), an interaction no rule answered, or an event that is only shown. The first
 * event of a callback only: the bot receives the callback once, as the platform sent it.
 */
function relayOf(endpoint: LiveEndpoint, event: ParsedEvent, immediate: unknown, raw: RawCallback | null): Received["relay"] {
  const target = relayTargetOf(endpoint);
  if (!raw || !target || immediate !== null) return null;
  return { target, raw };
}

/** Endpoints with a handshake copy on its way to the bot: one at a time each. */
const handshakeCopies = new Set<string>();

/**
 * A copy of a handshake for the bot's log. Some handshakes need no signature (QQ's op 13), so anyone can send
 * them: one copy in flight per endpoint, the rest dropped, keeps that from piling up forwards. A handshake
 * that itself came from a relay (it carries our header: a target pointing back at a callback URL) is not
 * copied again, or two endpoints would hand it back and forth for ever.
 */
function copyHandshake(endpoint: LiveEndpoint, inbound: InboundAdapter, raw: RawCallback): void {
  const target = relayTargetOf(endpoint);
  if (!target || raw.headers.has(INTERACTION_HEADER) || handshakeCopies.has(endpoint.id)) return;
  handshakeCopies.add(endpoint.id);
  setImmediate(() => {
    void forwardCallback(target, raw, { interactionId: "handshake", endpointId: endpoint.id, relayHeaders: inbound.relayHeaders, budgetMs: HANDSHAKE_FORWARD_MS }).finally(() => handshakeCopies.delete(endpoint.id));
  });
}

/** Where this endpoint's callbacks go now: its URL, or the tunnel while a CLI is connected; null when nothing relays. */
function relayTargetOf(endpoint: LiveEndpoint): string | null {
  if (!isRelayMode(endpoint.mode) || !endpoint.relayTarget) return null;
  return endpoint.relayTarget === TUNNEL_TARGET && !tunnelConnected(endpoint.id) ? null : endpoint.relayTarget;
}

/**
 * Forwards an event that is only shown (Easemob's messages and reactions): the platform reads no reply, so the
 * acknowledgement goes once the bot has answered or the budget has passed, whatever the bot said (the event is
 * stored: an error status would only make the platform send it again). /live shows the bot's answer.
 */
async function relayShown(ctx: Received, relay: NonNullable<Received["relay"]>): Promise<void> {
  const budgetMs = relayBudgetMs(ctx.receivedAt, ctx.facts.deadlineMs, SAFETY_MARGIN_MS, ctx.deps.now());
  const result = await forwardCallback(relay.target, relay.raw, { interactionId: ctx.id, endpointId: ctx.endpoint.id, relayHeaders: ctx.inbound.relayHeaders, budgetMs });
  const answer = readBotAnswer(ctx.inbound, result);
  // Written after the acknowledgement: the platform's deadline does not wait for /live's record.
  setImmediate(() => void recordRelay(ctx, relay.target, result, answer, false, null, ctx.inbound.relayShownWaits ? "ack" : undefined).catch(logFailure));
}

/** A relay endpoint whose target is the tunnel with no CLI connected: nobody can answer, so the fallback goes at once. */
function noTunnel(endpoint: LiveEndpoint): boolean {
  return isRelayMode(endpoint.mode) && endpoint.relayTarget === TUNNEL_TARGET && !tunnelConnected(endpoint.id);
}

/** Interactions whose forward has started (QQ "both" has a fallback timer and a hold: the first one starts it). */
const relayStarted = new WeakSet<Received>();

/**
 * Forwards a held interaction to the bot. The bot has until the hold ends (less the margins and the time its
 * answer takes to be written); a valid answer by then is decided like a person's and releases the held request
 * with it. Otherwise the hold's fallback goes, and a valid answer arriving later (within the reply window,
 * RELAY_LATE_MAX_MS at most) takes the platform's later channel where it has one. /live reads the row's `relay`.
 */
function startRelay(ctx: Received, relay: NonNullable<Received["relay"]>, until: number, safetyMs: number): void {
  if (relayStarted.has(ctx)) return;
  relayStarted.add(ctx);
  const now = ctx.deps.now().getTime();
  const margin = safetyMs + Math.min(BURST_MARGIN_MAX_MS, heldCount() * BURST_MARGIN_PER_HOLD_MS);
  const budgetMs = Math.max(0, until - margin - RELAY_DECIDE_MS - now);
  const lateBudgetMs = Math.max(budgetMs, Math.min(RELAY_LATE_MAX_MS, ctx.receivedAt.getTime() + ctx.facts.replyWindowMs - now));
  const forward = forwardWithLateAnswer(relay.target, relay.raw, { interactionId: ctx.id, endpointId: ctx.endpoint.id, control: ctx.event.control, relayHeaders: ctx.inbound.relayHeaders, budgetMs, lateBudgetMs });
  const settle = async (result: ForwardResult, late: boolean): Promise<boolean> => {
    const answer = readBotAnswer(ctx.inbound, result, ctx.event.kind);
    // The bot failed before the hold ended (down, an error status, an answer the platform would refuse): the
    // fallback goes now rather than at the hold's end, so the user's client stops waiting. A timeout is the hold's end anyway.
    if (!answer.ok && !late && answer.reason.code !== "timeout") {
      release(ctx.id, null);
      // Where the fallback waits on a timer (QQ's PUT), it goes now too; the conditional write keeps it to one.
      if (ctx.fallbackTimer) void deadlinePassed(ctx).catch(logFailure);
    }
    const outcome = answer.ok ? await answerFromRelay(ctx.deps.db, ctx.id, answer.reply, ctx.deps.now()) : null;
    await recordRelay(ctx, relay.target, result, answer, late, outcome);
    return answer.ok || !("error" in result) || result.error !== "timeout";
  };
  void (async () => {
    // Settled in time: an answer (used or refused), or a failure that waiting longer cannot change.
    if (await settle(await forward.inTime, false)) return;
    await settle(await forward.final, true);
  })().catch(logFailure);
}

/** What /live shows of a forward: the bot's status, time and body start, whether its answer was the reply, and why not. */
async function recordRelay(ctx: Received, target: string, result: ForwardResult, answer: RelayAnswer<unknown>, late: boolean, outcome: Awaited<ReturnType<typeof answerFromRelay>> | null, usedAs?: "ack"): Promise<void> {
  const record = {
    target,
    late,
    ms: result.ms,
    // The bot may echo the request (Feishu's verification token in it): stored as a body is, secrets replaced.
    ...("status" in result ? { status: result.status, body: atRest(ctx.endpoint, result.body.slice(0, RELAY_BODY_KEPT)) } : {}),
    ...(answer.ok ? { used: usedAs ?? (outcome?.type === "delivered" ? outcome.via : false) } : { used: false, reason: keptReason(answer.reason) }),
    ...(outcome?.type === "refused" ? { refused: outcome.refusal.code } : {}),
  };
  await ctx.deps.db.interaction.update({ where: { id: ctx.id }, data: { relay: JSON.stringify(record) } });
}

/** /live shows the first issues of a refused answer; a broken bot's thousands would only grow every row. */
const RELAY_ISSUES_KEPT = 20;

function keptReason(reason: RelayRefusal): RelayRefusal & { issuesTotal?: number } {
  if (reason.code !== "schema" || reason.issues.length <= RELAY_ISSUES_KEPT) return reason;
  return { ...reason, issues: reason.issues.slice(0, RELAY_ISSUES_KEPT), issuesTotal: reason.issues.length };
}
