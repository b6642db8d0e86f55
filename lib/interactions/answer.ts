import "server-only";
import type { Db } from "@/lib/db";
import { getLiveEndpoint, type LiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import type { Locale } from "@/lib/i18n/locales";
import { publish } from "@/lib/live/bus";
import type { InboundAdapter, ParsedEvent } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isHeld, release } from "./holds";
import { DeliveryError, logDeliveryFailure, sendApiReply } from "./outbound";
import { exhaustUpdates, interactionState, recordUpdate, refundUpdate, reserveUpdate, transition } from "./store";

export type Delivered = "response" | "api" | "followup" | "update";

/**
 * A person's answer. Exactly one answer wins (a conditional update); a second
 * gets 409, and one that can no longer reach the platform gets 410.
 */
export async function answerInteraction(db: Db, id: string, input: unknown, locale: Locale, now = new Date()): Promise<{ delivered: Delivered }> {
  const row = await db.interaction.findUnique({ where: { id } });
  if (!row) throw new HttpError(404, "not_found", "interactionNotFound", { id });
  const endpoint = await getLiveEndpoint(db, row.endpointId);
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: row.endpointId });
  const inbound = getInbound(endpoint.platform);
  const reply = parseInput(inbound.replySchema, input, locale);
  if (!inbound.replyFits(row.kind as ParsedEvent["kind"], reply)) throw new HttpError(400, "reply_not_allowed", "replyNotAllowed", { kind: row.kind });
  const tooLate = () => new HttpError(410, "deadline_passed", "deadlinePassed");
  if (row.status === "expired" || (row.status === "answered" && row.replySource === "fallback" && !inbound.lateBudget)) throw tooLate();
  const budget = inbound.lateBudget;
  // With an update budget (Feishu's card token) a person may keep updating after the first answer.
  const updatable = budget !== undefined && (row.status === "answered" || (row.status === "pending" && row.replySource === "fallback"));
  if (updatable) return updateLate(endpoint, row, reply, budget, now);
  if (row.status !== "pending") throw new HttpError(409, "already_answered", "alreadyAnswered", { status: row.status });

  const win = () => {
    if (!transition(id, "pending", { status: "answered", reply, replySource: "manual", at: now })) {
      throw new HttpError(409, "already_answered", "alreadyAnswered", { status: "answered" });
    }
    publish({ type: "interaction.updated", id, endpointId: row.endpointId, status: "answered" });
  };

  if (isHeld(id)) {
    win();
    release(id, reply);
    return { delivered: "response" };
  }
  // The held response just went (the fallback): with an update budget, this answer is an update, counted like the rest.
  if (budget) return updateLate(endpoint, row, reply, budget, now);
  // Another answer may have won since the row was read (and released the held request).
  const fresh = interactionState(id);
  if (fresh?.status !== "pending") throw new HttpError(409, "already_answered", "alreadyAnswered", { status: fresh?.status ?? "?" });
  const inTime = row.deadlineAt !== null && now.getTime() <= row.deadlineAt.getTime();
  const event: ParsedEvent = { eventId: row.eventId, kind: row.kind as ParsedEvent["kind"], interactive: true, control: row.control ?? undefined, data: row.data ?? undefined, fields: {}, context: {} };
  const direct = inbound.deliver(event, reply);
  if (inTime && direct.via === "api") {
    win();
    await sendApiReply(endpoint, direct).catch((error: unknown) => failed(endpoint, id, reply, error, now));
    return { delivered: "api" };
  }
  // The first answer has gone (the deferred fallback): only the platform's later channel can still reach the user.
  const withinWindow = now.getTime() - row.receivedAt.getTime() <= inbound.replyWindowMs;
  const late = fresh.replySource === "fallback" && withinWindow ? inbound.deliverLate(row.decoded ?? row.body, reply) : null;
  if (!late) throw tooLate();
  win();
  await sendApiReply(endpoint, late).catch((error: unknown) => failed(endpoint, id, reply, error, now));
  return { delivered: "followup" };
}

type StoredRow = NonNullable<Awaited<ReturnType<Db["interaction"]["findUnique"]>>>;

/** A late update through the platform's update token, counted against its budget (Feishu: 2 within 30 min). */
async function updateLate(endpoint: LiveEndpoint, row: StoredRow, reply: unknown, budget: NonNullable<InboundAdapter["lateBudget"]>, now: Date): Promise<{ delivered: Delivered }> {
  if (now.getTime() - row.receivedAt.getTime() > budget.windowMs) {
    throw new HttpError(410, "update_window_passed", "updateWindowPassed", { minutes: Math.round(budget.windowMs / 60_000) });
  }
  const late = getInbound(endpoint.platform).deliverLate(row.decoded ?? row.body, reply);
  if (!late) throw new HttpError(410, "deadline_passed", "deadlinePassed");
  // The use is reserved first, so two answers racing for the last one cannot both send.
  if (!reserveUpdate(row.id, budget.max)) throw new HttpError(410, "update_limit_reached", "updateLimitReached", { max: budget.max });
  await sendApiReply(endpoint, late).catch((error: unknown) => {
    logDeliveryFailure(endpoint, error);
    // The platform says the token is used up: so it is here too.
    if (error instanceof DeliveryError && budget.exhaustedCode !== undefined && error.platformCode === budget.exhaustedCode) {
      exhaustUpdates(row.id, budget.max);
      throw new HttpError(410, "update_limit_reached", "updateLimitReached", { max: budget.max });
    }
    // A failed update changes nothing stored and gives the use back, unless it may have arrived (a timeout).
    if (!(error instanceof DeliveryError && error.maybeDelivered)) refundUpdate(row.id);
    throw new HttpError(502, "delivery_failed", "deliveryFailed");
  });
  recordUpdate(row.id, reply, now);
  publish({ type: "interaction.updated", id: row.id, endpointId: row.endpointId, status: "answered" });
  return { delivered: "update" };
}

function failed(endpoint: LiveEndpoint, id: string, reply: unknown, error: unknown, at: Date): never {
  logDeliveryFailure(endpoint, error);
  transition(id, "answered", { status: "failed", reply, replySource: "manual", at });
  publish({ type: "interaction.updated", id, endpointId: endpoint.id, status: "failed" });
  throw new HttpError(502, "delivery_failed", "deliveryFailed");
}
