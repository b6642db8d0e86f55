import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { getPlatform, listReactionPlatforms } from "@/lib/platforms/registry";
import type { PlatformId, ReactionModel, ReactionUsers } from "@/lib/platforms/types";
import { readCapped } from "./read-capped";
import { FULL, simulatorStore } from "./store";
import { assertTargetAllowed } from "./target-check";

// The reaction simulator: acts as a user of a platform whose callbacks report message reactions
// (PlatformAdapter.reactions). What the callback looks like and how the platform treats the
// answer are the platform's (lib/platforms/<id>/); this file only keeps state and sends.

const name = z.string().trim().min(1).max(64);

export const reactionSimulationInput = z.object({
  endpointId: z.string().min(1).max(64),
  user: name,
  reaction: z.string().trim().min(1).max(64),
  messageId: name,
  op: z.enum(["add", "remove"]),
  from: name.optional(),
  to: name.optional(),
  /** One of the platform's ReactionModel.channelTypes (checked once the endpoint is known). */
  channelType: name.optional(),
  /** A developer's own app server; default: the endpoint's callback URL. */
  targetUrl: z.string().url().optional(),
});
export type ReactionSimulationInput = z.infer<typeof reactionSimulationInput>;

const READ_LIMIT_BYTES = 16 * 1024;
const SHOWN_BODY_CHARS = 2000;

interface MessageState {
  conversation: { from: string; to: string; channelType: string };
  /** [reaction, users], in the order reactions were first added. */
  reactions: [string, string[]][];
}

// The simulator's own idea of each message's reactions, per endpoint, in the simulator's store: shared by
// Next's bundle and the callback lane (and on PostgreSQL by every instance); on SQLite it starts empty after
// a restart. The newest messages changed are kept.
const MESSAGES = "easemob.messages";
const MESSAGE_LIMIT = 10_000;

export interface AttemptReport {
  status: number | null;
  ms: number;
  body: string;
  bodyChars: number;
  /** Longer than the platform accepts (ReactionModel.simulator.answerLimitChars). */
  bodyTooLong: boolean;
  error?: string;
}

export interface ReactionSimulationResult {
  url: string;
  /** The callback exactly as sent (every attempt sends the same bytes). */
  request: unknown;
  attempts: AttemptReport[];
  /** What the platform concludes: delivered, or dropped after its retries. */
  delivered: boolean;
  reactions: ReactionUsers[];
}

async function attempt(url: string, headers: Record<string, string>, body: string, sim: ReactionModel["simulator"]): Promise<AttemptReport> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(sim.timeoutMs) });
    const text = await readCapped(response, READ_LIMIT_BYTES);
    const ms = Math.round(performance.now() - started);
    return { status: response.status, ms, body: text.slice(0, SHOWN_BODY_CHARS), bodyChars: text.length, bodyTooLong: text.length > sim.answerLimitChars };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    return { status: null, ms, body: "", bodyChars: 0, bodyTooLong: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The reactions after the operation; null when it changes nothing (the platform would send nothing). */
function applyOperation(reactions: Map<string, string[]>, input: ReactionSimulationInput): Map<string, string[]> | null {
  const users = reactions.get(input.reaction) ?? [];
  const has = users.includes(input.user);
  if (input.op === "add" ? has : !has) return null;
  return new Map(reactions).set(input.reaction, input.op === "add" ? [...users, input.user] : users.filter((u) => u !== input.user));
}

/** The endpoint's reaction model; 400 for an endpoint whose platform reports no reactions. */
function reactionModel(endpoint: { id: string; platform: PlatformId }): ReactionModel {
  const adapter = getPlatform(endpoint.platform);
  if (adapter.reactions) return adapter.reactions;
  const expected = listReactionPlatforms().map((p) => p.name).join(" / ");
  throw new HttpError(400, "wrong_platform", "wrongPlatform", { id: endpoint.id, platform: adapter.name, expected });
}

/**
 * As user U, adds or removes reaction R on message M and sends the callback the platform would send,
 * signed with the endpoint's secret, retried as the platform retries an answer it does not count as delivered.
 */
export async function simulateReaction(db: Db, input: ReactionSimulationInput, origin: string, locale: Locale = "en"): Promise<ReactionSimulationResult> {
  const endpoint = await getLiveEndpoint(db, input.endpointId);
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: input.endpointId });
  const model = reactionModel(endpoint);
  if (input.channelType !== undefined && !model.channelTypes.includes(input.channelType)) {
    const issues = describeIssues([{ code: "field.enum", path: ["channelType"], params: { values: model.channelTypes.join(", ") } }], locale);
    throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues });
  }
  // Before the reaction state changes: a refused target leaves the simulated message as it was.
  assertTargetAllowed(input.targetUrl ?? `${origin}/api/callbacks/${endpoint.id}`, "targetUrl", locale);
  const inbound = getInbound(endpoint.platform);
  const secrets = inbound.secretsSchema.parse(endpoint.secrets);
  const key = `${endpoint.id}\u0000${input.messageId}`;
  const now = Date.now();
  // One change of the message at a time (across instances on PostgreSQL): the callback carries the reactions it left.
  const changed = await simulatorStore().update<MessageState, { conversation: MessageState["conversation"]; sent: ReactionUsers[]; left: [string, string[]][] } | null>(
    MESSAGES,
    key,
    (known) => {
      const conversation = { ...(known?.conversation ?? { from: input.from ?? input.user, to: input.to ?? "", channelType: input.channelType ?? model.channelTypes[0] ?? "" }) };
      if (input.from) conversation.from = input.from;
      if (input.to) conversation.to = input.to;
      if (input.channelType) conversation.channelType = input.channelType;
      const reactions = applyOperation(new Map(known?.reactions ?? []), input);
      if (!reactions) return { result: null };
      const sent = [...reactions].map(([reaction, users]) => ({ reaction, count: users.length, users }));
      // Emptied reactions go out once with their op, then leave the message's list.
      const left = [...reactions].filter(([, users]) => users.length > 0);
      return { value: { conversation, reactions: left }, result: { conversation, sent, left } };
    },
    { limit: MESSAGE_LIMIT, touch: true },
  );
  if (!changed || changed === FULL) {
    throw new HttpError(409, "reaction_unchanged", "reactionUnchanged", { user: input.user, reaction: input.reaction, op: input.op });
  }
  const callback = model.simulator.callback({ ...input, conversation: { ...changed.conversation }, reactions: changed.sent }, inbound.describeSecrets(secrets), now);
  const signed = inbound.sign(JSON.stringify(callback), String(now), secrets, Buffer.alloc(32));
  const url = input.targetUrl ?? `${origin}/api/callbacks/${endpoint.id}`;
  const sim = model.simulator;
  const attempts: AttemptReport[] = [];
  do attempts.push(await attempt(url, signed.headers, signed.body, sim));
  while (attempts.at(-1)!.status !== sim.successStatus && attempts.length < sim.attempts);
  return {
    url,
    request: JSON.parse(signed.body) as unknown,
    attempts,
    delivered: attempts.some((a) => a.status === sim.successStatus),
    reactions: changed.left.map(([reaction, users]) => ({ reaction, count: users.length, users })),
  };
}
