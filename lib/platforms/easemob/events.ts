import type { ParsedEvent } from "../inbound";
import { messagePayloadSchema, reactionPayloadSchema, threadPayloadSchema, type EasemobEnvelope, type ReactionData } from "./payload";

/** Easemob names only `create` (callback_reaction.md); the simulator sends `delete` for a removal. */
export const REACTION_ADDED = "create";
export const REACTION_REMOVED = "delete";

export type ParsedEvents = { ok: true; events: ParsedEvent[] } | { ok: false };

/** The current reactions of a message, without the op detail and without emptied ones. */
function reactionState(entry: ReactionData) {
  return entry.reactions
    .map((r) => ({ reaction: r.reaction, count: r.count ?? r.userList?.length ?? 0, userList: r.userList ?? [] }))
    .filter((r) => r.count > 0);
}

function reactionEvent(base: string, index: number, entry: ReactionData, channelType: string | undefined, at: number | undefined): ParsedEvent {
  const changed = entry.reactions.find((r) => (r.op?.length ?? 0) > 0);
  const op = changed?.op?.[0];
  const type = op?.reactionType;
  const conversation = { from: entry.from ?? "", to: entry.to ?? "", channelType: entry.channel_type ?? channelType ?? "" };
  return {
    eventId: `${base}#${index}`,
    kind: "reaction",
    actor: op?.operator,
    scene: conversation.channelType || undefined,
    control: changed?.reaction,
    data: type,
    subject: entry.messageId,
    interactive: false,
    fields: { ...(changed ? { reaction: changed.reaction } : {}), ...(type ? { op: type } : {}), ...(op?.operator ? { operator: op.operator } : {}) },
    context: {},
    summary: changed ? `${op?.operator ?? "?"} ${type === REACTION_REMOVED ? "-" : "+"}${changed.reaction}` : `reactions of ${entry.messageId}`,
    snapshot: { at: entry.ts ?? at ?? 0, state: reactionState(entry), conversation },
  };
}

/** A callback that is only shown: a message, a thread notification, anything else Easemob posts. */
function shownEvent(base: string, envelope: EasemobEnvelope): ParsedEvent | null {
  const { payload } = envelope;
  let summary: string;
  if (payload.type === "thread") {
    const thread = threadPayloadSchema.safeParse(payload);
    if (!thread.success) return null;
    summary = `thread ${thread.data.data.name ?? thread.data.data.id ?? ""} ${thread.data.data.operation ?? ""}`.replace(/\s+/g, " ").trim();
  } else {
    const message = messagePayloadSchema.safeParse(payload);
    if (!message.success) return null;
    const type = message.data.bodies?.[0]?.type ?? payload.type ?? envelope.chat_type ?? "unknown";
    summary = `${type} message from ${envelope.from ?? "?"} to ${envelope.to ?? "?"}`;
  }
  return {
    eventId: `${base}#0`,
    kind: "event",
    actor: envelope.from,
    scene: envelope.chat_type,
    subject: envelope.msg_id === undefined ? undefined : String(envelope.msg_id),
    interactive: false,
    fields: {},
    context: {},
    summary,
  };
}

/**
 * One event per reaction record, else one shown event. `base` identifies the delivery, so
 * Easemob's immediate retry of the same callback yields the same event ids.
 */
export function parseEvents(base: string, envelope: EasemobEnvelope): ParsedEvents {
  if (envelope.chat_type === "notify" && envelope.payload.type === "reaction") {
    const reaction = reactionPayloadSchema.safeParse(envelope.payload);
    if (!reaction.success) return { ok: false };
    const at = envelope.timestamp === undefined ? undefined : Number(envelope.timestamp);
    const events = reaction.data.data.map((entry, i) => reactionEvent(base, i, entry, reaction.data.channel_type, Number.isFinite(at) ? at : undefined));
    return { ok: true, events };
  }
  const event = shownEvent(base, envelope);
  return event ? { ok: true, events: [event] } : { ok: false };
}
