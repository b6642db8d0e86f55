/**
 * The interaction lifecycle as one pure decision: given what is stored of an interaction, the
 * platform's facts and what just happened, what it becomes and what must be done. No I/O and no
 * clock (`now` is passed in), so every transition has a row in lifecycle.test.ts.
 *
 *   new ──receipt──▶ received                        (only shown: acknowledged, nothing to answer)
 *   new ──receipt──▶ answered (rule | fallback)      (decided at once, one write)
 *   new ──receipt──▶ pending ──reply──▶ answered (manual)
 *                      │  └──deadline──▶ answered (fallback)   reply sent by API (QQ)
 *                      │  └──overdue───▶ answered (fallback)   the same, by another instance's sweep
 *                      │  └──deadline──▶ pending (fallback)    reply is the HTTP answer (Discord, Feishu): the
 *                      │                   └──reply──▶ answered (manual)  as a follow-up, or a card update
 *                      └──sweep──▶ expired
 *   answered ──delivery failed──▶ failed;   answered ──reply──▶ answered (an update, while the budget lasts)
 *   pending ──relayAnswered──▶ answered (relay)   the developer's bot answered (relay modes): as a person's reply,
 *                                                  in the held request, or late after the fallback (follow-up / update);
 *                                                  never over a person's or a rule's answer
 *
 * Where the acknowledgement itself can carry the reply (QQ's op 12 with a code, `facts.ack`), it is held
 * for the hold window: a rule answers in it at once; a person or (ack only) the fallback within the
 * window answers in it too. With `alsoApi` (QQ "both") the API call goes as well, and once the window
 * passed a plain acknowledgement leaves and the reply goes by API only. `channel` records which carried it.
 *
 * Deadlines are measured from `receivedAt`, the moment the request arrived. The conditional writes
 * in store.ts (`transition`, `reserveUpdate`, the insert's dedupe) stay what makes exactly one answer
 * win: a decision names its write, and what happens instead when that write loses (`ifLost`).
 */
import type { EndpointOptions, InboundAdapter, ParsedEvent } from "@/lib/platforms/inbound";

/** A reply a person's answer reached the platform by (`ack`: in the held acknowledgement, QQ). */
export type Delivered = "response" | "ack" | "api" | "followup" | "update";
/** Which channel carried the reply where the acknowledgement can carry it: the acknowledgement, the API call (QQ's PUT), or both. */
export type ReplyChannel = "ack" | "put" | "both";
export type ReplySource = "rule" | "fallback" | "manual" | "relay";

export interface LifecycleState {
  /** As stored (`INTERACTION_STATUSES`), or "new" before the receipt is stored. */
  status: string;
  replySource: string | null;
  /** When the request arrived (ms): every deadline counts from here. */
  receivedAt: number;
  /** As stored; absent, receivedAt + deadlineMs. */
  deadlineAt: number | null;
  /** Late updates used (the platform's update budget). */
  updates: number;
  /** A request for this interaction is held open on this process, waiting for a person. */
  held: boolean;
}

export interface PlatformFacts {
  /** How long the platform waits for the first answer. */
  deadlineMs: number;
  /** How long after receipt any reply can still reach the user. */
  replyWindowMs: number;
  /** Late replies through an update token with a budget (Feishu: 2 within 30 min). */
  lateBudget?: { max: number; windowMs: number };
  /** The reply is the HTTP answer (Discord, Feishu), or an API call after an acknowledgement (QQ). */
  replyVia: "response" | "api";
  /** The platform has a later channel for this reply (deliverLate gives a delivery). */
  lateChannel: boolean;
  /**
   * The acknowledgement can carry the reply (InboundAdapter.replyInAck, per endpoint): it is held up to
   * `holdMs` after arrival for a decision; `alsoApi`: the API call goes too. Without `alsoApi` the hold
   * window is the deadline. Absent: the acknowledgement goes at once and carries nothing.
   */
  ack?: { holdMs: number; alsoApi: boolean };
}

/**
 * The facts of a platform for one event. `lateChannel`: whether the platform's later channel can
 * carry this reply (deliverLate gave a delivery); the caller knows, having built it.
 */
export function platformFacts(
  inbound: Pick<InboundAdapter, "deadlineMs" | "replyWindowMs" | "lateBudget" | "acknowledge" | "replyInAck">,
  event: ParsedEvent,
  lateChannel: boolean,
  options?: EndpointOptions,
): PlatformFacts {
  // An acknowledgement as the HTTP answer means the reply itself travels by API (QQ's op 12)…
  const replyVia = inbound.acknowledge(event) === null ? "response" : "api";
  // …unless the endpoint has the acknowledgement carry it (QQ "ack" / "both").
  const ack = replyVia === "api" ? (inbound.replyInAck?.plan(options) ?? null) : null;
  // Only the acknowledgement carries it: nothing can reach the user once it left.
  const ackOnly = ack !== null && !ack.alsoApi;
  return {
    deadlineMs: ackOnly ? ack.holdMs : inbound.deadlineMs,
    replyWindowMs: ackOnly ? ack.holdMs : inbound.replyWindowMs,
    lateBudget: inbound.lateBudget,
    replyVia,
    lateChannel,
    ...(ack ? { ack } : {}),
  };
}

export type LifecycleEvent =
  /** A callback was accepted; `decided` when a rule or (rules mode) the fallback answers it at once. */
  | { type: "receipt"; interactive: boolean; decided: "rule" | "fallback" | null }
  /** A person's reply. */
  | { type: "reply" }
  /** The developer's bot answered a relayed interaction with a reply the platform accepts (lib/relay/answer.ts). */
  | { type: "relayAnswered" }
  /** The hold's deadline passed with nobody answering: the fallback. */
  | { type: "deadline" }
  /** The acknowledgement's hold window passed with nobody deciding, and the reply may still go by API (QQ "both"). */
  | { type: "holdEnded" }
  /** A late update reached the platform. */
  | { type: "updated" }
  /**
   * A reply did not reach the platform. `answer`: a first answer or follow-up by API; `update`: a late
   * update (`exhausted`: the platform says its budget is spent; `maybeDelivered`: it may have arrived).
   */
  | { type: "deliveryFailed"; channel: "answer" | "update"; maybeDelivered: boolean; exhausted: boolean }
  /**
   * The fallback sweep found the deadline passed with nothing decided and no request held here: the
   * instance that received it (with its fallback timer) is gone, or late.
   */
  | { type: "overdue" }
  /** The expiry sweep passes by. */
  | { type: "sweep" };

/** The one write a decision makes; the conditional ones may lose to another answer. */
export type Write =
  /** Conditional: a retried delivery of the same event is stored once. */
  | { op: "insert"; status: "received" | "pending" | "answered"; replySource: ReplySource | null; channel?: ReplyChannel }
  /** Conditional on the status still being `from`, and the reply source what was decided on (store.transition). */
  | { op: "transition"; from: "pending" | "answered"; status: "pending" | "answered" | "failed"; replySource: string; channel?: ReplyChannel }
  /** Conditional: one use of the update budget, while one is left. */
  | { op: "reserveUpdate"; max: number }
  | { op: "recordUpdate" }
  | { op: "refundUpdate" }
  | { op: "exhaustUpdates"; max: number }
  /** Conditional on the status still being pending. */
  | { op: "expire" };

export type Effect =
  /** The platform's acknowledgement is the HTTP answer (QQ op 12); the reply goes by API. */
  | { type: "acknowledge" }
  /** The acknowledgement carrying the reply (QQ's op 12 with the code): to the callback, or to the request held for it. */
  | { type: "acknowledgeWithReply" }
  /** The reply is the HTTP answer: to the callback itself, or to the request held for it. */
  | { type: "respond" }
  /** A retried delivery gets what the first one got: the acknowledgement, or the stored reply. */
  | { type: "respondAsBefore" }
  /** The reply as an API call (the adapter's `deliver`). */
  | { type: "sendApi" }
  /** The reply through the platform's later channel (`deliverLate`). */
  | { type: "sendLate"; as: "followup" | "update" }
  /** Hold the request open for a person until `until` (ms; the caller keeps its own safety margin). */
  | { type: "hold"; until: number; /** What the held request answers with: the reply itself, or the acknowledgement carrying it (QQ). */ carries: "response" | "acknowledgement" }
  /** Send the fallback at `at` (ms) unless a person answered: a `deadline` event then. */
  | { type: "fallbackAt"; at: number }
  | { type: "publish"; event: "interaction.created" | "interaction.updated"; status: string };

export type Refusal =
  | { status: 409; code: "already_answered"; messageKey: "alreadyAnswered"; params: { status: string } }
  | { status: 410; code: "deadline_passed"; messageKey: "deadlinePassed"; params: Record<string, never> }
  | { status: 410; code: "update_window_passed"; messageKey: "updateWindowPassed"; params: { minutes: number } }
  | { status: 410; code: "update_limit_reached"; messageKey: "updateLimitReached"; params: { max: number } }
  | { status: 502; code: "delivery_failed"; messageKey: "deliveryFailed"; params: Record<string, never> };

/** What the person who answered is told; `none` for the platform's own events. */
export type Outcome = { type: "none" } | { type: "delivered"; via: Delivered } | { type: "refused"; refusal: Refusal };

export interface Decision {
  /** The state once the write (if any) has been made. */
  next: LifecycleState;
  write: Write | null;
  /** Run in order once the write is made (or at once when there is none). */
  effects: Effect[];
  outcome: Outcome;
  /** For a conditional write: what happens instead when it changes nothing (another answer won). */
  ifLost?: { effects: Effect[]; outcome: Outcome };
}

/** Grace after a reply window closes before the sweep expires it, so a reply racing the window is not cut off. */
export const EXPIRY_GRACE_MS = 5000;

const NONE: Outcome = { type: "none" };
const delivered = (via: Delivered): Outcome => ({ type: "delivered", via });
const refused = (refusal: Refusal): Outcome => ({ type: "refused", refusal });

export const alreadyAnswered = (status: string): Refusal => ({ status: 409, code: "already_answered", messageKey: "alreadyAnswered", params: { status } });
const deadlinePassed: Refusal = { status: 410, code: "deadline_passed", messageKey: "deadlinePassed", params: {} };
const updateWindowPassed = (windowMs: number): Refusal => ({ status: 410, code: "update_window_passed", messageKey: "updateWindowPassed", params: { minutes: Math.round(windowMs / 60_000) } });
const updateLimitReached = (max: number): Refusal => ({ status: 410, code: "update_limit_reached", messageKey: "updateLimitReached", params: { max } });
const deliveryFailed: Refusal = { status: 502, code: "delivery_failed", messageKey: "deliveryFailed", params: {} };

const updated = (status: string): Effect => ({ type: "publish", event: "interaction.updated", status });

/** Nothing changes, nothing is done; the person (if any) is told `outcome`. */
function stay(state: LifecycleState, outcome: Outcome = NONE, effects: Effect[] = []): Decision {
  return { next: state, write: null, effects, outcome };
}

export function decide(state: LifecycleState, event: LifecycleEvent, now: number, facts: PlatformFacts): Decision {
  switch (event.type) {
    case "receipt":
      return receipt(state, event, facts);
    case "reply":
      return reply(state, now, facts);
    case "relayAnswered":
      // Only while nothing but the fallback answered: a person (or a rule) has the last word over the bot.
      if (state.status !== "pending" || (state.replySource !== null && state.replySource !== "fallback")) return stay(state);
      return reply(state, now, facts, "relay");
    case "deadline":
      return deadline(state, facts);
    case "holdEnded":
      // The acknowledgement leaves without a code; the reply (a person's, else the fallback's) goes by API.
      return facts.ack?.alsoApi ? stay(state, NONE, [{ type: "acknowledge" }]) : deadline(state, facts);
    case "updated":
      return {
        next: { ...state, status: "answered", replySource: state.replySource ?? "manual" },
        write: { op: "recordUpdate" },
        effects: [updated("answered")],
        outcome: NONE,
      };
    case "deliveryFailed":
      return deliveryFailure(state, event, facts);
    case "overdue":
      return overdue(state, now, facts);
    case "sweep":
      return sweep(state, now, facts);
  }
}

function receipt(state: LifecycleState, event: Extract<LifecycleEvent, { type: "receipt" }>, facts: PlatformFacts): Decision {
  const again = { effects: [{ type: "respondAsBefore" } as const], outcome: NONE };
  const insert = (status: "received" | "pending" | "answered", replySource: ReplySource | null, effects: Effect[], channel?: ReplyChannel): Decision => ({
    next: { ...state, status, replySource },
    write: { op: "insert", status, replySource, ...(channel ? { channel } : {}) },
    effects: [{ type: "publish", event: "interaction.created", status }, ...effects],
    outcome: NONE,
    ifLost: again,
  });
  // Events only shown (no reply expected) were received, not answered: the acknowledgement is all.
  if (!event.interactive) return insert("received", null, [{ type: "acknowledge" }]);
  if (event.decided) {
    if (facts.replyVia === "response") return insert("answered", event.decided, [{ type: "respond" }]);
    // Decided at once: the acknowledgement carries it where it can, the API call where it goes.
    if (!facts.ack) return insert("answered", event.decided, [{ type: "acknowledge" }, { type: "sendApi" }], "put");
    if (facts.ack.alsoApi) return insert("answered", event.decided, [{ type: "acknowledgeWithReply" }, { type: "sendApi" }], "both");
    return insert("answered", event.decided, [{ type: "acknowledgeWithReply" }], "ack");
  }
  const deadlineAt = state.deadlineAt ?? state.receivedAt + facts.deadlineMs;
  if (facts.replyVia === "response") return insert("pending", null, [{ type: "hold", until: deadlineAt, carries: "response" }]);
  if (!facts.ack) return insert("pending", null, [{ type: "acknowledge" }, { type: "fallbackAt", at: deadlineAt }]);
  // The acknowledgement waits for a person; with the API as well, the fallback goes by API at the deadline.
  const hold: Effect = { type: "hold", until: state.receivedAt + facts.ack.holdMs, carries: "acknowledgement" };
  return insert("pending", null, facts.ack.alsoApi ? [{ type: "fallbackAt", at: deadlineAt }, hold] : [hold]);
}

/** The fallback at the hold's deadline, unless a person answered first. */
function deadline(state: LifecycleState, facts: PlatformFacts): Decision {
  const open = state.status === "pending" && state.replySource === null;
  if (facts.replyVia === "api") {
    // Only the acknowledgement carries the reply (QQ "ack"): it was held until now and must carry one.
    const inAck = facts.ack !== undefined && !facts.ack.alsoApi;
    const send: Effect[] = inAck ? [{ type: "acknowledgeWithReply" }] : [];
    if (!open) return stay(state, NONE, send);
    return {
      next: { ...state, status: "answered", replySource: "fallback" },
      write: { op: "transition", from: "pending", status: "answered", replySource: "fallback", channel: inAck ? "ack" : "put" },
      effects: [updated("answered"), ...(inAck ? send : [{ type: "sendApi" } as const])],
      outcome: NONE,
      ifLost: { effects: send, outcome: NONE },
    };
  }
  // The held request must get an answer whatever happened meanwhile.
  if (!open) return stay(state, NONE, [{ type: "respond" }]);
  // The deferred fallback keeps the interaction open: a person's later answer becomes a follow-up or an update.
  return {
    next: { ...state, replySource: "fallback" },
    write: { op: "transition", from: "pending", status: "pending", replySource: "fallback" },
    effects: [{ type: "respond" }, updated("pending")],
    outcome: NONE,
    ifLost: { effects: [{ type: "respond" }], outcome: NONE },
  };
}

/** A person's reply: exactly one answer wins; a second gets 409, one that can no longer reach the platform 410. */
function reply(state: LifecycleState, now: number, facts: PlatformFacts, source: "manual" | "relay" = "manual"): Decision {
  const budget = facts.lateBudget;
  if (state.status === "expired") return stay(state, refused(deadlinePassed));
  if (state.status === "answered" && state.replySource === "fallback" && !budget) return stay(state, refused(deadlinePassed));
  // With an update budget (Feishu's card token) a person may keep updating after the first answer.
  if (budget && (state.status === "answered" || (state.status === "pending" && state.replySource === "fallback"))) return update(state, now, facts, budget);
  if (state.status !== "pending") return stay(state, refused(alreadyAnswered(state.status)));

  const win = (effects: Effect[], via: Delivered, channel?: ReplyChannel): Decision => ({
    next: { ...state, status: "answered", replySource: source },
    write: { op: "transition", from: "pending", status: "answered", replySource: source, ...(channel ? { channel } : {}) },
    effects: [updated("answered"), ...effects],
    outcome: delivered(via),
    ifLost: { effects: [], outcome: refused(alreadyAnswered("answered")) },
  });
  if (state.held) {
    if (!facts.ack) return win([{ type: "respond" }], "response");
    // The held acknowledgement carries the code (QQ); with "both" the PUT goes too.
    return facts.ack.alsoApi ? win([{ type: "respond" }, { type: "sendApi" }], "ack", "both") : win([{ type: "respond" }], "ack", "ack");
  }
  // The held response just went (the fallback) or was lost: with an update budget, this answer is an update.
  if (budget) return update(state, now, facts, budget);
  const deadlineAt = state.deadlineAt ?? state.receivedAt + facts.deadlineMs;
  if (facts.replyVia === "api" && now <= deadlineAt) {
    // Only the acknowledgement could carry it, and it has left (the hold window is the deadline).
    if (facts.ack && !facts.ack.alsoApi) return stay(state, refused(deadlinePassed));
    return win([{ type: "sendApi" }], "api", "put");
  }
  // The first answer has gone (the deferred fallback): only the platform's later channel can still reach the user.
  const withinWindow = now - state.receivedAt <= facts.replyWindowMs;
  if (state.replySource !== "fallback" || !withinWindow || !facts.lateChannel) return stay(state, refused(deadlinePassed));
  return win([{ type: "sendLate", as: "followup" }], "followup");
}

/** A late update through the platform's update token, counted against its budget. */
function update(state: LifecycleState, now: number, facts: PlatformFacts, budget: NonNullable<PlatformFacts["lateBudget"]>): Decision {
  if (now - state.receivedAt > budget.windowMs) return stay(state, refused(updateWindowPassed(budget.windowMs)));
  // A reply the later channel cannot carry (a Feishu toast shows once, in the first answer).
  if (!facts.lateChannel) return stay(state, refused(deadlinePassed));
  if (state.updates >= budget.max) return stay(state, refused(updateLimitReached(budget.max)));
  // The use is reserved before sending, so two answers racing for the last one cannot both send.
  return {
    next: { ...state, updates: state.updates + 1 },
    write: { op: "reserveUpdate", max: budget.max },
    effects: [{ type: "sendLate", as: "update" }],
    outcome: delivered("update"),
    ifLost: { effects: [], outcome: refused(updateLimitReached(budget.max)) },
  };
}

function deliveryFailure(state: LifecycleState, event: Extract<LifecycleEvent, { type: "deliveryFailed" }>, facts: PlatformFacts): Decision {
  if (event.channel === "update") {
    const max = facts.lateBudget?.max ?? state.updates;
    // The platform says the token is used up: so it is here too, and nothing more is tried.
    if (event.exhausted) return { next: { ...state, updates: max }, write: { op: "exhaustUpdates", max }, effects: [], outcome: refused(updateLimitReached(max)) };
    // A timeout may have reached the platform: the use stays spent.
    if (event.maybeDelivered) return stay(state, refused(deliveryFailed));
    // A failed update changes nothing stored and gives the use back.
    return { next: { ...state, updates: Math.max(0, state.updates - 1) }, write: { op: "refundUpdate" }, effects: [], outcome: refused(deliveryFailed) };
  }
  return {
    next: { ...state, status: "failed" },
    write: { op: "transition", from: "answered", status: "failed", replySource: state.replySource ?? "manual" },
    effects: [updated("failed")],
    outcome: refused(deliveryFailed),
    ifLost: { effects: [], outcome: refused(deliveryFailed) },
  };
}

/**
 * The fallback a dead (or late) instance owed, sent by API where the reply goes by API at all (QQ put, both),
 * from the deadline until the reply window and its grace close. A timer still alive makes the same conditional
 * write, so one of them sends. Where only the held HTTP answer (Discord, Feishu) or acknowledgement (QQ ack)
 * could carry it, nothing can any more: the expiry sweep ends it.
 */
function overdue(state: LifecycleState, now: number, facts: PlatformFacts): Decision {
  const deadlineAt = state.deadlineAt ?? state.receivedAt + facts.deadlineMs;
  const open = state.status === "pending" && state.replySource === null && !state.held;
  const byApi = facts.replyVia === "api" && (!facts.ack || facts.ack.alsoApi);
  const due = now >= deadlineAt && now - state.receivedAt <= facts.replyWindowMs + EXPIRY_GRACE_MS;
  if (!open || !byApi || !due) return stay(state);
  return {
    next: { ...state, status: "answered", replySource: "fallback" },
    write: { op: "transition", from: "pending", status: "answered", replySource: "fallback", channel: "put" },
    effects: [updated("answered"), { type: "sendApi" }],
    outcome: NONE,
    ifLost: { effects: [], outcome: NONE },
  };
}

/** Pending past its reply window (and a grace): no held request or fallback timer survives a restart to answer it. */
function sweep(state: LifecycleState, now: number, facts: PlatformFacts): Decision {
  if (state.status !== "pending" || state.held || now - state.receivedAt <= facts.replyWindowMs + EXPIRY_GRACE_MS) return stay(state);
  return {
    next: { ...state, status: "expired" },
    write: { op: "expire" },
    effects: [updated("expired")],
    outcome: NONE,
    ifLost: { effects: [], outcome: NONE },
  };
}
