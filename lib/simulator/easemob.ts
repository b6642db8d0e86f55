import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { REACTION_REMOVED } from "@/lib/platforms/easemob/events";
import { EASEMOB_TIMEOUT_MS } from "@/lib/platforms/easemob/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { easemobSecretsSchema } from "@/lib/platforms/easemob/reply";
import { readCapped } from "./read-capped";

const name = z.string().trim().min(1).max(64);

export const easemobSimulationInput = z.object({
  endpointId: z.string().min(1).max(64),
  user: name,
  reaction: z.string().trim().min(1).max(64),
  messageId: name,
  op: z.enum(["add", "remove"]),
  from: name.optional(),
  to: name.optional(),
  channelType: z.enum(["chat", "groupchat"]).optional(),
  /** A developer's own app server; default: the endpoint's callback URL. */
  targetUrl: z.string().url().optional(),
});
export type EasemobSimulationInput = z.infer<typeof easemobSimulationInput>;

/** "响应包体不能超过 1,000 字符" (callback_postsending.md). */
export const EASEMOB_BODY_LIMIT_CHARS = 1000;
const READ_LIMIT_BYTES = 16 * 1024;
const SHOWN_BODY_CHARS = 2000;

interface MessageState {
  from: string;
  to: string;
  channelType: "chat" | "groupchat";
  /** Reaction → users, in the order reactions were first added. */
  reactions: Map<string, string[]>;
}

// In memory, on globalThis (Next's bundle and the callback lane share it): the simulator's own
// idea of each message's reactions, per endpoint; it starts empty after a restart.
const holder = globalThis as typeof globalThis & { __easemobSimulatorMessages?: Map<string, MessageState> };
const messages = (holder.__easemobSimulatorMessages ??= new Map());

export interface AttemptReport {
  status: number | null;
  ms: number;
  body: string;
  bodyChars: number;
  /** Easemob wants at most 1,000 characters back. */
  bodyTooLong: boolean;
  error?: string;
}

export interface EasemobSimulationResult {
  url: string;
  /** The callback exactly as sent (both attempts send the same bytes). */
  request: unknown;
  attempts: AttemptReport[];
  /** What Easemob concludes: delivered (a 200), or dropped after the one immediate retry. */
  delivered: boolean;
  reactions: { reaction: string; count: number; users: string[] }[];
}

async function attempt(url: string, headers: Record<string, string>, body: string): Promise<AttemptReport> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(EASEMOB_TIMEOUT_MS) });
    const text = await readCapped(response, READ_LIMIT_BYTES);
    const ms = Math.round(performance.now() - started);
    return { status: response.status, ms, body: text.slice(0, SHOWN_BODY_CHARS), bodyChars: text.length, bodyTooLong: text.length > EASEMOB_BODY_LIMIT_CHARS };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    return { status: null, ms, body: "", bodyChars: 0, bodyTooLong: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Applies the operation to the simulator's state; null when it changes nothing (Easemob would refuse it). */
function applyOperation(state: MessageState, input: EasemobSimulationInput): boolean {
  const users = state.reactions.get(input.reaction) ?? [];
  const has = users.includes(input.user);
  if (input.op === "add" ? has : !has) return false;
  state.reactions.set(input.reaction, input.op === "add" ? [...users, input.user] : users.filter((u) => u !== input.user));
  return true;
}

/** The reaction callback Easemob sends (callback_reaction.md): every current reaction, `op` on the changed one. */
function reactionCallback(appKey: string, input: EasemobSimulationInput, state: MessageState, now: number) {
  const records = [...state.reactions].map(([reaction, users]) => ({
    ...(reaction === input.reaction ? { op: [{ reactionType: input.op === "add" ? "create" : REACTION_REMOVED, operator: input.user }] } : {}),
    reaction,
    userList: users,
    count: users.length,
  }));
  return {
    callId: `${appKey}_${randomUUID()}`,
    eventType: "chat",
    timestamp: now,
    chat_type: "notify",
    host: "button-studio-simulator",
    appkey: appKey,
    from: input.user,
    to: state.to,
    msg_id: `${now}${Math.floor(Math.random() * 1e6).toString().padStart(6, "0")}`,
    // The sample's num (2) equals its reaction count; the docs call it the number of operations.
    payload: { data: [{ messageId: input.messageId, from: state.from, to: state.to, channel_type: state.channelType, ts: now, reactions: records }], num: records.length, channel_type: state.channelType, type: "reaction" },
    securityVersion: "1.0.0",
  };
}

/**
 * As user U, adds or removes reaction R on message M and sends the callback Easemob would send,
 * signed with the endpoint's secret; a non-200 is retried once at once, as Easemob does.
 */
export async function simulateEasemobReaction(db: Db, input: EasemobSimulationInput, origin: string): Promise<EasemobSimulationResult> {
  const endpoint = await getLiveEndpoint(db, input.endpointId);
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: input.endpointId });
  if (endpoint.platform !== "easemob") throw new HttpError(400, "wrong_platform", "wrongPlatform", { id: endpoint.id, platform: endpoint.platform, expected: "easemob" });
  const secrets = easemobSecretsSchema.parse(endpoint.secrets);
  const key = `${endpoint.id}\u0000${input.messageId}`;
  const state: MessageState = messages.get(key) ?? { from: input.from ?? input.user, to: input.to ?? "", channelType: input.channelType ?? "chat", reactions: new Map() };
  if (input.from) state.from = input.from;
  if (input.to) state.to = input.to;
  if (input.channelType) state.channelType = input.channelType;
  if (!applyOperation(state, input)) {
    throw new HttpError(409, "reaction_unchanged", "reactionUnchanged", { user: input.user, reaction: input.reaction, op: input.op });
  }
  const now = Date.now();
  const callback = reactionCallback(secrets.appKey, input, state, now);
  // Emptied reactions go out once with their op, then leave the message's list.
  for (const [reaction, users] of state.reactions) if (users.length === 0) state.reactions.delete(reaction);
  messages.set(key, state);
  const signed = getInbound("easemob").sign(JSON.stringify(callback), String(now), secrets, Buffer.alloc(32));
  const url = input.targetUrl ?? `${origin}/api/callbacks/${endpoint.id}`;
  const attempts = [await attempt(url, signed.headers, signed.body)];
  if (attempts[0]!.status !== 200) attempts.push(await attempt(url, signed.headers, signed.body));
  return {
    url,
    request: JSON.parse(signed.body) as unknown,
    attempts,
    delivered: attempts.some((a) => a.status === 200),
    reactions: [...state.reactions].map(([reaction, users]) => ({ reaction, count: users.length, users })),
  };
}
