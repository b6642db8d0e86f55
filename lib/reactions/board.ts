import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";

export const CHANNEL_TYPES = ["chat", "groupchat"] as const;

export const reactionBoardQuery = z.object({
  endpointId: z.string().min(1).max(64),
  messageId: z.string().min(1).max(200).optional(),
  from: z.string().max(200).optional(),
  to: z.string().max(200).optional(),
  channelType: z.enum(CHANNEL_TYPES).optional(),
});
export type ReactionBoardQuery = z.infer<typeof reactionBoardQuery>;

/** Stored snapshot state: what the Easemob adapter writes (reaction, count, userList); parsed, never trusted. */
const stateSchema = z.array(z.object({ reaction: z.string(), count: z.number(), userList: z.array(z.string()).default([]) }));
const conversationSchema = z.object({ from: z.string().default(""), to: z.string().default(""), channelType: z.string().default("") });
/** Enough of a stored reaction callback to read an operation's own time (payload.data[i].ts). */
const storedBodySchema = z.object({ payload: z.object({ data: z.array(z.object({ ts: z.number().optional() }).loose()) }).loose() }).loose();

const MESSAGES_LIMIT = 100;
const TIMELINE_LIMIT = 50;

export interface TimelineEntry {
  /** Platform time of the operation (ms), else when it was received. */
  at: number;
  actor: string | null;
  reaction: string | null;
  op: string | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The op's own time: the record the event id's `#index` points at, else the time of receipt. */
function operationTime(eventId: string, body: string, receivedAt: Date): number {
  const index = Number(eventId.slice(eventId.lastIndexOf("#") + 1));
  const parsed = storedBodySchema.safeParse(parseJson(body));
  const ts = parsed.success && Number.isInteger(index) ? parsed.data.payload.data[index]?.ts : undefined;
  // A time no date can hold, or one far ahead of receipt, is not the op's time.
  const plausible = ts !== undefined && Number.isSafeInteger(ts) && ts > 0 && ts <= receivedAt.getTime() + 24 * 60 * 60 * 1000;
  return plausible ? ts : receivedAt.getTime();
}

async function timelines(db: Db, endpointId: string, messageIds: string[]): Promise<Map<string, TimelineEntry[]>> {
  const rows = await db.interaction.findMany({
    where: { endpointId, kind: "reaction", subject: { in: messageIds }, status: { not: "refused" } },
    select: { subject: true, eventId: true, actor: true, control: true, data: true, body: true, receivedAt: true },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: messageIds.length * TIMELINE_LIMIT,
  });
  const byMessage = new Map<string, TimelineEntry[]>();
  for (const row of rows) {
    const list = byMessage.get(row.subject ?? "") ?? [];
    if (list.length < TIMELINE_LIMIT) list.push({ at: operationTime(row.eventId, row.body, row.receivedAt), actor: row.actor, reaction: row.control, op: row.data });
    byMessage.set(row.subject ?? "", list);
  }
  for (const list of byMessage.values()) list.sort((a, b) => a.at - b.at);
  return byMessage;
}

/** Per message: its current reactions (from the newest snapshot) and the operations that led there. */
export async function reactionBoard(db: Db, query: ReactionBoardQuery) {
  const endpoint = await db.endpoint.findUnique({ where: { id: query.endpointId }, select: { id: true } });
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: query.endpointId });
  const rows = await db.messageSnapshot.findMany({
    where: { endpointId: endpoint.id, ...(query.messageId ? { messageId: query.messageId } : {}) },
    orderBy: [{ updatedAt: "desc" }, { messageId: "asc" }],
    take: MESSAGES_LIMIT * 4,
  });
  const snapshots = rows
    .map((row) => ({
      messageId: row.messageId,
      at: Number(row.at),
      updatedAt: row.updatedAt.toISOString(),
      state: stateSchema.safeParse(parseJson(row.state)).data ?? [],
      conversation: conversationSchema.safeParse(parseJson(row.conversation)).data ?? { from: "", to: "", channelType: "" },
    }))
    .filter(({ conversation: c }) => (!query.from || c.from === query.from) && (!query.to || c.to === query.to) && (!query.channelType || c.channelType === query.channelType))
    .slice(0, MESSAGES_LIMIT);
  const history = await timelines(db, endpoint.id, snapshots.map((s) => s.messageId));
  return {
    items: snapshots.map((s) => ({
      messageId: s.messageId,
      reactions: s.state.filter((r) => r.count > 0).map((r) => ({ reaction: r.reaction, count: r.count, users: r.userList })),
      updatedAt: s.updatedAt,
      at: s.at,
      conversation: s.conversation,
      timeline: history.get(s.messageId) ?? [],
    })),
  };
}

export type ReactionBoard = Awaited<ReturnType<typeof reactionBoard>>;
export type ReactionBoardItem = ReactionBoard["items"][number];
