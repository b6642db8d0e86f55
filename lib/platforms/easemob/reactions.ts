import { z } from "zod";
import type { ReactionModel, ReactionOp, SimulatedReaction } from "../types";
import { REACTION_ADDED, REACTION_REMOVED } from "./events";

/** Post-send callback timeout: "超过 10 秒" counts as a failure (2023 callback.md; protocols.md §4). */
export const EASEMOB_TIMEOUT_MS = 10_000;
/** "响应包体不能超过 1,000 字符" (callback_postsending.md). */
export const EASEMOB_BODY_LIMIT_CHARS = 1000;
/** Conversation types of a reaction record's `channel_type` (callback_reaction.md). */
export const EASEMOB_CHANNEL_TYPES = ["chat", "groupchat"] as const;

/** The stored snapshot state, as events.ts writes it (reaction, count, userList); parsed, never trusted. */
const stateSchema = z.array(z.looseObject({ reaction: z.string(), count: z.number().int().min(0), userList: z.array(z.string()).default([]) }));
/** Enough of a stored reaction callback to read an operation's own time (payload.data[i].ts). */
const storedBodySchema = z.looseObject({ payload: z.looseObject({ data: z.array(z.looseObject({ ts: z.number().optional() })) }) });

function opOf(data: string | null): ReactionOp {
  return data === REACTION_ADDED ? "add" : data === REACTION_REMOVED ? "remove" : "other";
}

/** Event ids are `<delivery>#<record index>` (events.ts): the record holds the op's time. */
function operationTime(body: unknown, eventId: string): number | null {
  const index = Number(eventId.slice(eventId.lastIndexOf("#") + 1));
  if (!Number.isSafeInteger(index) || index < 0) return null;
  const parsed = storedBodySchema.safeParse(body);
  return (parsed.success ? parsed.data.payload.data[index]?.ts : undefined) ?? null;
}

/** The reaction callback Easemob sends (callback_reaction.md): every current reaction, `op` on the changed one. */
function callback(change: SimulatedReaction, app: Record<string, string>, now: number): Record<string, unknown> {
  const appKey = app.appKey ?? "";
  const records = change.reactions.map(({ reaction, users }) => ({
    ...(reaction === change.reaction ? { op: [{ reactionType: change.op === "add" ? REACTION_ADDED : REACTION_REMOVED, operator: change.user }] } : {}),
    reaction,
    userList: users,
    count: users.length,
  }));
  const { from, to, channelType } = change.conversation;
  return {
    callId: `${appKey}_${crypto.randomUUID()}`,
    eventType: "chat",
    timestamp: now,
    chat_type: "notify",
    host: "button-studio-simulator",
    appkey: appKey,
    from: change.user,
    to,
    msg_id: `${now}${Math.floor(Math.random() * 1e6).toString().padStart(6, "0")}`,
    // The sample's num (2) equals its reaction count; the docs call it the number of operations.
    payload: { data: [{ messageId: change.messageId, from, to, channel_type: channelType, ts: now, reactions: records }], num: records.length, channel_type: channelType, type: "reaction" },
    securityVersion: "1.0.0",
  };
}

export const easemobReactions: ReactionModel = {
  channelTypes: EASEMOB_CHANNEL_TYPES,
  readState: (state) => (stateSchema.safeParse(state).data ?? []).map((r) => ({ reaction: r.reaction, count: r.count, users: r.userList })),
  opOf,
  operationTime,
  simulator: {
    timeoutMs: EASEMOB_TIMEOUT_MS,
    // A non-200 is retried once, at once (callback_postsending.md).
    attempts: 2,
    successStatus: 200,
    answerLimitChars: EASEMOB_BODY_LIMIT_CHARS,
    callback,
  },
};
