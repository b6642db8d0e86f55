import { z } from "zod";

const stamp = z.union([z.number(), z.string()]);

/** Common parameters of every post-send callback (callback_message_send.md, 公共参数); `payload` varies. */
export const envelopeSchema = z.looseObject({
  callId: z.string().optional(),
  security: z.string().optional(),
  timestamp: stamp.optional(),
  chat_type: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  // callback_thread.md types it Long, the others String.
  msg_id: stamp.optional(),
  payload: z.looseObject({ type: z.string().optional() }),
});
export type EasemobEnvelope = z.infer<typeof envelopeSchema>;

const reactionOp = z.looseObject({ reactionType: z.string().optional(), operator: z.string().optional() });

/** One reaction of a message; `op` only on the record this operation changed (callback_reaction.md). */
const reactionRecord = z.looseObject({
  reaction: z.string(),
  count: z.number().int().min(0).optional(),
  userList: z.array(z.string()).optional(),
  op: z.array(reactionOp).optional(),
});

export const reactionDataSchema = z.looseObject({
  messageId: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  channel_type: z.string().optional(),
  ts: z.number().optional(),
  reactions: z.array(reactionRecord),
});
export type ReactionData = z.infer<typeof reactionDataSchema>;

export const reactionPayloadSchema = z.looseObject({
  type: z.literal("reaction"),
  channel_type: z.string().optional(),
  num: z.number().optional(),
  // One reaction callback reports the messages an operation changed: the docs show one record. 100 is far
  // above any real batch and keeps one request from becoming thousands of stored rows.
  data: z.array(reactionDataSchema).min(1).max(100),
});

/** Thread notifications carry one object, not a list (callback_thread.md). */
export const threadPayloadSchema = z.looseObject({
  type: z.literal("thread"),
  data: z.looseObject({ id: z.string().optional(), name: z.string().optional(), operation: z.string().optional(), from: z.string().optional() }),
});

export const messagePayloadSchema = z.looseObject({ bodies: z.array(z.looseObject({ type: z.string().optional() })).optional() });
