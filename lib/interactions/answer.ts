import "server-only";
import type { Db } from "@/lib/db";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import type { Locale } from "@/lib/i18n/locales";
import { publish } from "@/lib/live/bus";
import type { ParsedEvent } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isHeld, release } from "./holds";
import { sendApiReply, sendDiscordFollowUp } from "./outbound";
import { interactionState, transition } from "./store";

/** Discord interaction tokens stay valid for 15 minutes (receiving-and-responding.mdx). */
const DISCORD_TOKEN_MS = 15 * 60 * 1000;

export type Delivered = "response" | "api" | "followup";

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
  if (row.status === "answered" && row.replySource === "fallback") throw new HttpError(410, "deadline_passed", "deadlinePassed");
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
  // Another answer may have won since the row was read (and released the held request).
  const fresh = interactionState(id);
  if (fresh?.status !== "pending") throw new HttpError(409, "already_answered", "alreadyAnswered", { status: fresh?.status ?? "?" });
  const event: ParsedEvent = { eventId: row.eventId, kind: row.kind as ParsedEvent["kind"], interactive: true, control: row.control ?? undefined, data: row.data ?? undefined, context: {} };
  const delivery = inbound.deliver(event, reply);
  if (delivery.via === "api") {
    win();
    await sendApiReply(endpoint, delivery).catch(() => failed(id, reply, row.endpointId, now));
    return { delivered: "api" };
  }
  // The reply belongs in the HTTP response, which has gone: only a follow-up through the webhook can still reach the user.
  const original = JSON.parse(row.body) as { application_id?: string; token?: string };
  if (fresh.replySource !== "fallback" || !original.application_id || !original.token || now.getTime() - row.receivedAt.getTime() > DISCORD_TOKEN_MS) {
    throw new HttpError(410, "deadline_passed", "deadlinePassed");
  }
  win();
  await sendDiscordFollowUp(endpoint, { applicationId: original.application_id, token: original.token }, reply as { data?: unknown }).catch(() => failed(id, reply, row.endpointId, now));
  return { delivered: "followup" };
}

function failed(id: string, reply: unknown, endpointId: string, at: Date): never {
  transition(id, "answered", { status: "failed", reply, replySource: "manual", at });
  publish({ type: "interaction.updated", id, endpointId, status: "failed" });
  throw new HttpError(502, "delivery_failed", "deliveryFailed");
}
