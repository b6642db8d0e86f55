import { z } from "zod";

/** `GET /api/reactions`: one endpoint's messages, newest change first, a page at a time. */
export const reactionBoardQuery = z.object({
  endpointId: z.string().min(1).max(64),
  messageId: z.string().min(1).max(200).optional(),
  from: z.string().max(200).optional(),
  to: z.string().max(200).optional(),
  channelType: z.string().max(64).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(1024).optional(),
});
export type ReactionBoardQuery = z.infer<typeof reactionBoardQuery>;

const timelineEntry = z.object({
  /** Platform time of the operation (ms), else when it was received. */
  at: z.number(),
  actor: z.string().nullable(),
  reaction: z.string().nullable(),
  op: z.enum(["add", "remove", "other"]),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const boardItem = z.object({
  messageId: z.string(),
  /** Current reactions; `users` holds the first few of `count`. */
  reactions: z.array(z.object({ reaction: z.string(), count: z.number(), users: z.array(z.string()) })),
  /** Reactions left out of `reactions` (a message may carry many). */
  moreReactions: z.number(),
  updatedAt: z.string(),
  at: z.number(),
  conversation: z.object({ from: z.string(), to: z.string(), channelType: z.string() }),
  /** The newest operations, oldest first. */
  timeline: z.array(timelineEntry),
  /** Older operations exist than the ones in `timeline`. */
  olderOperations: z.boolean(),
});
export type ReactionBoardItem = z.infer<typeof boardItem>;

/** The API's answer, shared with the browser, which parses it instead of trusting a cast. */
export const reactionBoardSchema = z.object({
  items: z.array(boardItem),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ReactionBoard = z.infer<typeof reactionBoardSchema>;
