import "server-only";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import type { Locale } from "@/lib/i18n/locales";
import { publish } from "@/lib/live/bus";
import type { InboundAdapter, ParsedEvent, ReplyDelivery } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { heldAnywhere, releaseAnywhere } from "./holds";
import { decide, platformFacts, type Decision, type Delivered, type LifecycleEvent, type LifecycleState, type Outcome, type PlatformFacts, type Write } from "./lifecycle";
import { DeliveryError, logDeliveryFailure, sendApiReply } from "./outbound";
import { exhaustUpdates, interactionState, recordUpdate, refundUpdate, reserveUpdate, transition, type StoredState } from "./store";

export type { Delivered } from "./lifecycle";

type ApiDelivery = Extract<ReplyDelivery, { via: "api" }>;
/** A delivery built from stored data; building may fail on a row stored before the body was checked (a lone surrogate in an id). */
type Built<T> = { ok: true; value: T } | { ok: false; error: unknown };

function build<T>(make: () => T): Built<T> {
  try {
    return { ok: true, value: make() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * A person's answer. What happens is decided by the lifecycle (lifecycle.ts); the conditional
 * writes in store.ts make exactly one answer win: a second gets 409, one that can no longer reach
 * the platform 410.
 */
export async function answerInteraction(db: Db, id: string, input: unknown, locale: Locale, now = new Date()): Promise<{ delivered: Delivered }> {
  return { delivered: delivered(await applyReply(db, id, (inbound, kind) => {
    const reply = parseInput(inbound.replySchema, input, locale);
    if (!inbound.replyFits(kind, reply)) throw new HttpError(400, "reply_not_allowed", "replyNotAllowed", { kind });
    return reply;
  }, { type: "reply" }, now)) };
}

/**
 * The developer's bot answered a relayed interaction (already read by readBotAnswer, so the platform accepts it):
 * decided as a person's answer would be (`relayAnswered`), in the held request, or late through the platform's
 * later channel. What it came to; a refusal is no error here (a person answered first, the window closed).
 */
export function answerFromRelay(db: Db, id: string, reply: unknown, now = new Date()): Promise<Outcome> {
  return applyReply(db, id, () => reply, { type: "relayAnswered" }, now);
}

async function applyReply(db: Db, id: string, read: (inbound: InboundAdapter, kind: ParsedEvent["kind"]) => unknown, lifecycleEvent: Extract<LifecycleEvent, { type: "reply" | "relayAnswered" }>, now: Date): Promise<Outcome> {
  const row = await db.interaction.findUnique({ where: { id } });
  if (!row) throw new HttpError(404, "not_found", "interactionNotFound", { id });
  const endpoint = await getLiveEndpoint(db, row.endpointId);
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: row.endpointId });
  const inbound = getInbound(endpoint.platform);
  const kind = row.kind as ParsedEvent["kind"];
  const reply = read(inbound, kind);
  const event: ParsedEvent = { eventId: row.eventId, kind, interactive: true, control: row.control ?? undefined, data: row.data ?? undefined, fields: {}, context: {} };
  const late = build(() => inbound.deliverLate(row.decoded ?? row.body, reply));
  // A late delivery that cannot be built from the stored body is a channel that fails, not one that is absent.
  const facts = platformFacts(inbound, event, !late.ok || late.value !== null, endpoint.options);
  // Whether a request is held is asked BEFORE the status is read: an answer that wins meanwhile releases the hold
  // only after its write, so a hold found gone is always seen with the status that explains it (answered: 409),
  // never as "pending and not held", which would wrongly refuse this answer with 410.
  const held = mayBeHeld(row, facts, { deadlineAt: row.deadlineAt, holdUntil: row.holdUntil }, now) && (await heldAnywhere(id));
  // Read after the other awaits, just before deciding: another answer may have won (and released the held request) meanwhile;
  // one that wins between this read and the write makes the write lose (it expects the status and source read here).
  const fresh = await interactionState(id);
  if (!fresh) throw new HttpError(404, "not_found", "interactionNotFound", { id });
  const state: LifecycleState = {
    status: fresh.status,
    replySource: fresh.replySource,
    receivedAt: row.receivedAt.getTime(),
    deadlineAt: row.deadlineAt?.getTime() ?? null,
    // Possibly stale: only a pre-check, the conditional reserve decides.
    updates: row.updates,
    held: held && fresh.status === "pending" && fresh.replySource === null,
  };
  const run = new Run(endpoint, inbound, id, reply, now, facts, { direct: () => build(() => inbound.deliver(event, reply)), late: () => late });
  return run.step(state, lifecycleEvent);
}

/**
 * Whether a request for this interaction can still be held open somewhere: asking other instances
 * costs a wait for their acknowledgement, so only while a hold can last (pending, undecided, before the
 * hold's end: the deadline where the reply is the HTTP answer, the acknowledgement's window where it
 * carries the reply; never where the reply only goes by API).
 */
function mayBeHeld(stored: Pick<StoredState, "status" | "replySource">, facts: PlatformFacts, times: { deadlineAt: Date | null; holdUntil: Date | null }, now: Date): boolean {
  const holdEnds = facts.replyVia === "response" ? times.deadlineAt : facts.ack ? times.holdUntil : null;
  return stored.status === "pending" && stored.replySource === null && holdEnds !== null && now < holdEnds;
}

function delivered(outcome: Outcome): Delivered {
  if (outcome.type === "refused") {
    const { status, code, messageKey, params } = outcome.refusal;
    throw new HttpError(status, code, messageKey, params);
  }
  if (outcome.type !== "delivered") throw new Error("a reply decided nothing");
  return outcome.via;
}

/** Carries out decisions for one person's reply: the write, then its effects, then what the sends lead to. */
class Run {
  constructor(
    private readonly endpoint: LiveEndpoint,
    private readonly inbound: InboundAdapter,
    private readonly id: string,
    private readonly reply: unknown,
    private readonly now: Date,
    private readonly facts: PlatformFacts,
    private readonly deliveries: { direct: () => Built<ReplyDelivery | null>; late: () => Built<ApiDelivery | null> },
  ) {}

  async step(state: LifecycleState, event: LifecycleEvent): Promise<Outcome> {
    const decision = decide(state, event, this.now.getTime(), this.facts);
    if (decision.write && !(await this.write(decision.write, state))) {
      const lost = decision.ifLost ?? { effects: [], outcome: decision.outcome };
      return (await this.effects(decision.next, lost.effects)) ?? lost.outcome;
    }
    return (await this.effects(decision.next, decision.effects)) ?? decision.outcome;
  }

  /** The store's conditional updates, from the state the decision was made on: false when another answer changed the row first. */
  private async write(write: Write, decidedOn: LifecycleState): Promise<boolean> {
    const at = this.now;
    switch (write.op) {
      case "transition":
        return transition(this.id, { status: write.from, replySource: decidedOn.replySource }, { status: write.status, reply: this.reply, replySource: write.replySource, at, channel: write.channel });
      case "reserveUpdate":
        return reserveUpdate(this.id, write.max);
      case "recordUpdate":
        await recordUpdate(this.id, this.reply, at);
        return true;
      case "refundUpdate":
        await refundUpdate(this.id);
        return true;
      case "exhaustUpdates":
        await exhaustUpdates(this.id, write.max);
        return true;
      case "insert":
      case "expire":
        throw new Error(`a reply never makes the ${write.op} write`);
    }
  }

  /** Runs effects in order; a send that fails or succeeds leads to the next decision, whose outcome replaces this one. */
  private async effects(next: LifecycleState, effects: Decision["effects"]): Promise<Outcome | null> {
    for (const effect of effects) {
      switch (effect.type) {
        case "publish":
          publish({ type: effect.event, id: this.id, endpointId: this.endpoint.id, status: effect.status });
          break;
        case "respond":
          // Wherever it is held; when nobody holds it any more, its holder's deadline write lost and it answers from the row.
          await releaseAnywhere(this.id, this.reply);
          break;
        case "sendApi":
        case "sendLate": {
          const channel = effect.type === "sendLate" && effect.as === "update" ? "update" : "answer";
          const built = effect.type === "sendApi" ? this.deliveries.direct() : this.deliveries.late();
          const error = await this.send(built);
          if (error !== null) return this.step(next, { type: "deliveryFailed", channel, ...this.failure(error) });
          if (channel === "update") await this.step(next, { type: "updated" });
          break;
        }
        default:
          // acknowledge, acknowledgeWithReply, respondAsBefore, hold, fallbackAt: the callback path's, never a reply's.
          break;
      }
    }
    return null;
  }

  /** Sends a built API delivery; the error when it did not go through (null when it did). */
  private async send(built: Built<ReplyDelivery | null>): Promise<unknown> {
    if (!built.ok) {
      logDeliveryFailure(this.endpoint, built.error);
      return new DeliveryError("the reply cannot be addressed from the stored request", { maybeDelivered: false });
    }
    if (built.value?.via !== "api") return new DeliveryError("no API delivery for this reply", { maybeDelivered: false });
    try {
      await sendApiReply(this.endpoint, built.value);
      return null;
    } catch (error) {
      logDeliveryFailure(this.endpoint, error);
      return error;
    }
  }

  private failure(error: unknown): { maybeDelivered: boolean; exhausted: boolean } {
    const code = this.inbound.lateBudget?.exhaustedCode;
    return {
      maybeDelivered: error instanceof DeliveryError && error.maybeDelivered,
      // The platform says the update token is used up (Feishu 300040).
      exhausted: error instanceof DeliveryError && code !== undefined && error.platformCode === code,
    };
  }
}
