import "server-only";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { publish } from "@/lib/live/bus";
import type { InboundAdapter, ParsedEvent } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { fallbackFor } from "./fallback";
import { isHeld } from "./holds";
import { decide, EXPIRY_GRACE_MS, platformFacts, type Decision, type Effect, type LifecycleState, type PlatformFacts } from "./lifecycle";
import { logDeliveryFailure, sendApiReply } from "./outbound";
import { interactionStore, transition, type PendingRow } from "./store";

/**
 * How long past its deadline a fallback is left to the timer of the instance that received the
 * interaction. Past it, any instance's sweep claims it: the receiving one died, or is late (then
 * the conditional write decides which of the two sends, never both).
 */
export const OVERDUE_GRACE_MS = 1000;
/** Rows claimed per platform and sweep; the rest wait for the next one (a second later). */
const CLAIM_LIMIT = 200;

/** A claimed interaction whose fallback this instance now sends. */
export interface Overdue {
  row: PendingRow;
  endpoint: LiveEndpoint;
  inbound: InboundAdapter;
  event: ParsedEvent;
  facts: PlatformFacts;
  decision: Decision;
  reply: unknown;
  at: Date;
}

/** The event as stored, enough to address its reply (as a person's answer rebuilds it). */
const eventOf = (row: PendingRow): ParsedEvent => ({ eventId: row.eventId, kind: row.kind as ParsedEvent["kind"], interactive: true, control: row.control ?? undefined, data: row.data ?? undefined, fields: {}, context: {} });
/** Held here only: a hold ends long before the deadline it guards (QQ: at most 2.5 s of 15 s), so asking other instances would only wait. */
const stateOf = (row: PendingRow): LifecycleState => ({ status: row.status, replySource: row.replySource, receivedAt: row.receivedAt, deadlineAt: row.deadlineAt, updates: row.updates, held: isHeld(row.id) });
/** Any click: whether a platform's reply can travel by API at all does not depend on which. */
const ANY_CLICK: ParsedEvent = { eventId: "", kind: "button", interactive: true, fields: {}, context: {} };

/**
 * Claims the interactions whose fallback is overdue (pending, undecided, deadline passed by the
 * grace, still within the reply window and its grace) and makes their conditional write: each one
 * is claimed by exactly one sweeper, whichever instance runs it, and never by a sweeper and the
 * receiving instance's timer both. The lifecycle (`overdue`) decides what can still be sent.
 */
export async function claimOverdue(db: Db, now = new Date()): Promise<Overdue[]> {
  const claimed: Overdue[] = [];
  for (const platform of PLATFORM_IDS) {
    const inbound = getInbound(platform);
    // Where a reply only travels as the HTTP answer, a dead instance's held request took it along; where
    // no reply window is open at all (events only shown), nothing is ever owed.
    if (platformFacts(inbound, ANY_CLICK, false).replyVia !== "api" || inbound.replyWindowMs === 0) continue;
    const dueBefore = new Date(now.getTime() - OVERDUE_GRACE_MS);
    const plans = new Map<string, Overdue>();
    const query = { platform, receivedFrom: new Date(now.getTime() - inbound.replyWindowMs - EXPIRY_GRACE_MS), receivedBefore: dueBefore, undecidedDueBefore: dueBefore, limit: CLAIM_LIMIT };
    const won = await interactionStore().claimPending(query, async (row) => {
      const endpoint = await getLiveEndpoint(db, row.endpointId).catch(() => null);
      if (!endpoint) return null;
      const event = eventOf(row);
      const facts = platformFacts(inbound, event, false, endpoint.options);
      const decision = decide(stateOf(row), { type: "overdue" }, now.getTime(), facts);
      const write = decision.write;
      if (write?.op !== "transition") return null;
      const reply = fallbackFor(endpoint, event);
      plans.set(row.id, { row, endpoint, inbound, event, facts, decision, reply, at: now });
      return { op: "transition", to: { status: write.status, reply, replySource: write.replySource, at: now, channel: write.channel } };
    });
    for (const row of won) claimed.push(plans.get(row.id)!);
  }
  return claimed;
}

/** Runs the claimed decisions' effects: the announcement, then the fallback by API. */
export async function deliverOverdue(claimed: readonly Overdue[]): Promise<void> {
  await Promise.all(claimed.map((overdue) => runEffects(overdue, overdue.decision.effects)));
}

/** Claims and sends in one go (what a sweep does; tests wait for the sends). Returns the rows claimed. */
export async function sendOverdueFallbacks(db: Db, now = new Date()): Promise<PendingRow[]> {
  const claimed = await claimOverdue(db, now);
  await deliverOverdue(claimed);
  return claimed.map((overdue) => overdue.row);
}

async function runEffects(overdue: Overdue, effects: readonly Effect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.type === "publish") publish({ type: effect.event, id: overdue.row.id, endpointId: overdue.row.endpointId, status: effect.status });
    else if (effect.type === "sendApi") await send(overdue);
  }
}

/** The fallback as an API call (QQ's PUT); a refusal marks the interaction failed, as on the callback path. */
async function send(overdue: Overdue): Promise<void> {
  const delivery = overdue.inbound.deliver(overdue.event, overdue.reply);
  if (delivery.via !== "api") return;
  try {
    await sendApiReply(overdue.endpoint, delivery);
  } catch (error) {
    logDeliveryFailure(overdue.endpoint, error);
    const state = overdue.decision.next;
    const failed = decide(state, { type: "deliveryFailed", channel: "answer", maybeDelivered: false, exhausted: false }, Date.now(), overdue.facts);
    const write = failed.write;
    if (write?.op !== "transition") return;
    if (await transition(overdue.row.id, { status: write.from, replySource: state.replySource }, { status: write.status, reply: overdue.reply, replySource: write.replySource, at: new Date() })) {
      await runEffects(overdue, failed.effects.filter((e) => e.type === "publish"));
    }
  }
}
