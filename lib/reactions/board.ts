import "server-only";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { parseStorableJson } from "@/lib/http/json-safety";
import { getPlatform, isPlatformId, listReactionPlatforms } from "@/lib/platforms/registry";
import type { ReactionModel } from "@/lib/platforms/types";
import { encodeBoardCursor, readBoardCursor } from "./cursor";
import type { ReactionBoard, ReactionBoardItem, ReactionBoardQuery, TimelineEntry } from "./schema";

export { reactionBoardQuery, type ReactionBoard, type ReactionBoardItem, type ReactionBoardQuery, type TimelineEntry } from "./schema";

/** Messages per page: a big endpoint is read a page at a time ("Load more"). */
export const BOARD_PAGE_SIZE = 20;
/** Operations shown per message, the newest. */
export const TIMELINE_LIMIT = 20;
/** Reactions and users shown per message: the counts say how many there are in all. */
const REACTIONS_SHOWN = 50;
const USERS_SHOWN = 20;
/** Rows read per query while filtering by conversation, and at most per request: a page costs O(1) however sparse the matches. */
const SCAN_BATCH = 100;
const SCAN_LIMIT = 1000;
/** Clocks differ; an op time a day ahead of its receipt is not its time. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

type Conversation = ReactionBoardItem["conversation"];
const NO_CONVERSATION: Conversation = { from: "", to: "", channelType: "" };

function parse(text: string): unknown {
  const parsed = parseStorableJson(text);
  return parsed.ok ? parsed.value : undefined;
}

function readConversation(text: string): Conversation {
  const value = parse(text);
  if (typeof value !== "object" || value === null) return NO_CONVERSATION;
  const field = (key: string) => {
    const v = (value as Record<string, unknown>)[key];
    return typeof v === "string" ? v : "";
  };
  return { from: field("from"), to: field("to"), channelType: field("channelType") };
}

/** The endpoint and its platform's reaction model; 404 for an unknown endpoint, 400 for one without reactions. */
async function boardEndpoint(db: Db, endpointId: string): Promise<{ id: string; model: ReactionModel }> {
  const endpoint = await db.endpoint.findUnique({ where: { id: endpointId }, select: { id: true, platform: true } });
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: endpointId });
  const adapter = isPlatformId(endpoint.platform) ? getPlatform(endpoint.platform) : undefined;
  const model = adapter?.reactions;
  if (!model) {
    const expected = listReactionPlatforms().map((p) => p.name).join(" / ");
    throw new HttpError(400, "wrong_platform", "wrongPlatform", { id: endpoint.id, platform: adapter?.name ?? endpoint.platform, expected });
  }
  return { id: endpoint.id, model };
}

/** The newest operations on one message, oldest first, each at its own platform time when the stored body says it. */
async function timeline(db: Db, endpointId: string, messageId: string, model: ReactionModel) {
  const rows = await db.interaction.findMany({
    where: { endpointId, subject: messageId, kind: "reaction", status: { not: "refused" } },
    select: { eventId: true, actor: true, control: true, data: true, body: true, receivedAt: true },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: TIMELINE_LIMIT + 1,
  });
  const entries: TimelineEntry[] = rows.slice(0, TIMELINE_LIMIT).map((row) => {
    const ts = model.operationTime(parse(row.body), row.eventId);
    // A time no date can hold, or one far ahead of receipt, is not the op's time.
    const plausible = ts !== null && Number.isSafeInteger(ts) && ts > 0 && ts <= row.receivedAt.getTime() + FUTURE_TOLERANCE_MS;
    return { at: plausible ? ts : row.receivedAt.getTime(), actor: row.actor, reaction: row.control, op: model.opOf(row.data) };
  });
  return { entries: entries.sort((a, b) => a.at - b.at), older: rows.length > TIMELINE_LIMIT };
}

interface Position {
  at: Date;
  id: string;
}

const fits = (c: Conversation, q: ReactionBoardQuery) => (!q.from || c.from === q.from) && (!q.to || c.to === q.to) && (!q.channelType || c.channelType === q.channelType);

/**
 * One page of message positions, newest change first, that fit the conversation filter. Reads at most
 * SCAN_LIMIT rows: a sparse filter may give a short (even empty) page with a cursor to go on from.
 */
async function pagePositions(db: Db, endpointId: string, query: ReactionBoardQuery) {
  const filtered = Boolean(query.from || query.to || query.channelType);
  const read = (after: Position | undefined, take: number) =>
    db.messageSnapshot.findMany({
      where: {
        endpointId,
        ...(query.messageId ? { messageId: query.messageId } : {}),
        ...(after ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, messageId: { lt: after.id } }] } : {}),
      },
      select: { messageId: true, updatedAt: true, conversation: filtered },
      orderBy: [{ updatedAt: "desc" }, { messageId: "desc" }],
      take,
    });
  let after: Position | undefined = readBoardCursor(query.cursor);
  if (!filtered) {
    const rows = await read(after, BOARD_PAGE_SIZE + 1);
    const picked = rows.slice(0, BOARD_PAGE_SIZE).map((row) => ({ at: row.updatedAt, id: row.messageId }));
    const last = picked.at(-1);
    return { picked, nextCursor: rows.length > BOARD_PAGE_SIZE && last ? encodeBoardCursor(last.at, last.id) : null };
  }
  const picked: Position[] = [];
  let scanned = 0;
  let more = true;
  while (more && picked.length < BOARD_PAGE_SIZE && scanned < SCAN_LIMIT) {
    const rows = await read(after, SCAN_BATCH);
    more = rows.length === SCAN_BATCH;
    for (const [i, row] of rows.entries()) {
      scanned++;
      after = { at: row.updatedAt, id: row.messageId };
      if (fits(readConversation(row.conversation), query)) picked.push(after);
      if (picked.length === BOARD_PAGE_SIZE) {
        more ||= i < rows.length - 1;
        break;
      }
    }
  }
  return { picked, nextCursor: more && after ? encodeBoardCursor(after.at, after.id) : null };
}

/** A page of an endpoint's messages: each one's current reactions (its newest snapshot) and the operations that led there. */
export async function reactionBoard(db: Db, query: ReactionBoardQuery): Promise<ReactionBoard> {
  const { id: endpointId, model } = await boardEndpoint(db, query.endpointId);
  const { picked, nextCursor } = await pagePositions(db, endpointId, query);
  const rows = await db.messageSnapshot.findMany({ where: { endpointId, messageId: { in: picked.map((p) => p.id) } } });
  const byId = new Map(rows.map((row) => [row.messageId, row]));
  const items: ReactionBoardItem[] = [];
  for (const { id } of picked) {
    const row = byId.get(id);
    if (!row) continue;
    const reactions = model.readState(parse(row.state)).filter((r) => r.count > 0);
    const { entries, older } = await timeline(db, endpointId, id, model);
    items.push({
      messageId: id,
      reactions: reactions.slice(0, REACTIONS_SHOWN).map((r) => ({ reaction: r.reaction, count: r.count, users: r.users.slice(0, USERS_SHOWN) })),
      moreReactions: Math.max(0, reactions.length - REACTIONS_SHOWN),
      updatedAt: row.updatedAt.toISOString(),
      at: Number(row.at),
      conversation: readConversation(row.conversation),
      timeline: entries,
      olderOperations: older,
    });
  }
  return { items, nextCursor };
}
