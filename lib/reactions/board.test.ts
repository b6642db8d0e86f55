import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import type { HttpError } from "@/lib/http/errors";
import { BOARD_PAGE_SIZE, reactionBoard, TIMELINE_LIMIT } from "./board";
import { reactionBoardSchema } from "./schema";
import { saveSnapshot } from "./store";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());

let n = 0;
/** A stored reaction callback whose record #index carries the op time `ts`. */
async function storeOp(endpointId: string, messageId: string, actor: string, reaction: string, op: string, ts: number, receivedAt: Date) {
  const body = JSON.stringify({ payload: { type: "reaction", data: [{ messageId: "other", ts: 1 }, { messageId, ts }] } });
  await db.interaction.create({
    data: { id: `i${++n}`, endpointId, platform: "easemob", eventId: `call${n}#1`, kind: "reaction", status: "answered", actor, control: reaction, data: op, subject: messageId, headers: "{}", body, receivedAt },
  });
}

async function endpoint(platform = "easemob") {
  return db.endpoint.create({ data: { platform, name: "E", fallback: "null", secrets: "sealed" } });
}

const state = (users: string[]) => [{ reaction: "👍", count: users.length, userList: users }];

/** Every page from the first, following nextCursor; each answer checked against the schema the browser parses it with. */
async function allPages(endpointId: string, filter: Record<string, string> = {}) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = reactionBoardSchema.parse(await reactionBoard(db, { endpointId, ...filter, cursor }));
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("reaction board (real database: SQLite and PostgreSQL)", () => {
  it("shows each message's newest reactions and its operations in the order they happened", async () => {
    const { id } = await endpoint();
    await saveSnapshot(id, "m1", { at: 30, state: [{ reaction: "👍", count: 1, userList: ["b"] }, { reaction: "❤️", count: 0, userList: [] }], conversation: { from: "a", to: "b", channelType: "chat" } }, new Date(2000));
    await saveSnapshot(id, "m2", { at: 10, state: [{ reaction: "🎉", count: 2, userList: ["a", "c"] }], conversation: { from: "a", to: "g1", channelType: "groupchat" } }, new Date(1000));
    // Received out of order: the op time in the stored body decides the order.
    await storeOp(id, "m1", "b", "👍", "create", 20, new Date(1500));
    await storeOp(id, "m1", "a", "👍", "create", 10, new Date(1600));
    await storeOp(id, "m1", "a", "👍", "delete", 30, new Date(1700));

    const board = await reactionBoard(db, { endpointId: id });
    expect(board.items.map((i) => i.messageId)).toEqual(["m1", "m2"]);
    expect(board.nextCursor).toBeNull();
    expect(board.items[0]).toEqual({
      messageId: "m1",
      reactions: [{ reaction: "👍", count: 1, users: ["b"] }],
      moreReactions: 0,
      updatedAt: new Date(2000).toISOString(),
      at: 30,
      conversation: { from: "a", to: "b", channelType: "chat" },
      timeline: [
        { at: 10, actor: "a", reaction: "👍", op: "add" },
        { at: 20, actor: "b", reaction: "👍", op: "add" },
        { at: 30, actor: "a", reaction: "👍", op: "remove" },
      ],
      olderOperations: false,
    });
    expect((await reactionBoard(db, { endpointId: id, messageId: "m2" })).items.map((i) => i.messageId)).toEqual(["m2"]);
    expect((await reactionBoard(db, { endpointId: id, channelType: "groupchat" })).items.map((i) => i.messageId)).toEqual(["m2"]);
    expect((await reactionBoard(db, { endpointId: id, to: "b" })).items.map((i) => i.messageId)).toEqual(["m1"]);
  });

  it("pages a big endpoint by (updatedAt, message id): every message once, newest first, same-time ties included", async () => {
    const { id } = await endpoint();
    const total = BOARD_PAGE_SIZE * 2 + 7;
    // Message ids the platform chose, any characters; every third pair shares a millisecond.
    const ids = Array.from({ length: total }, (_, i) => `msg ${i} ✓|.${"x".repeat(i % 3)}`);
    for (const [i, messageId] of ids.entries()) await saveSnapshot(id, messageId, { at: i + 1, state: state(["u"]), conversation: { from: "a", to: i % 2 ? "odd" : "even", channelType: "chat" } }, new Date(1_000_000 + Math.floor(i / 2) * 1000));

    const pages = await allPages(id);
    expect(pages.map((p) => p.items.length)).toEqual([BOARD_PAGE_SIZE, BOARD_PAGE_SIZE, 7]);
    const seen = pages.flatMap((p) => p.items.map((i) => i.messageId));
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual([...ids].sort());
    const times = pages.flatMap((p) => p.items.map((i) => i.updatedAt));
    expect(times).toEqual([...times].sort().reverse());

    // A filter pages too, and only ever returns what fits it.
    const odd = (await allPages(id, { to: "odd" })).flatMap((p) => p.items);
    expect(odd.map((i) => i.messageId).sort()).toEqual(ids.filter((_, i) => i % 2).sort());
  });

  it("bounds each message: the newest operations, the first users, the first reactions", async () => {
    const { id } = await endpoint();
    const users = Array.from({ length: 500 }, (_, i) => `user${i}`);
    const many = Array.from({ length: 80 }, (_, i) => ({ reaction: `r${i}`, count: 1, userList: ["a"] }));
    await saveSnapshot(id, "busy", { at: 1, state: [{ reaction: "👍", count: users.length, userList: users }, ...many], conversation: { from: "a", to: "b", channelType: "chat" } }, new Date(5000));
    for (let i = 0; i < TIMELINE_LIMIT + 15; i++) await storeOp(id, "busy", `u${i}`, "👍", "create", 100 + i, new Date(1000 + i));

    const [item] = (await reactionBoard(db, { endpointId: id })).items;
    expect(item!.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(item!.timeline.at(-1)).toMatchObject({ actor: `u${TIMELINE_LIMIT + 14}`, at: 100 + TIMELINE_LIMIT + 14 });
    expect(item!.olderOperations).toBe(true);
    expect(item!.reactions[0]).toMatchObject({ reaction: "👍", count: 500 });
    expect(item!.reactions[0]!.users.length).toBeLessThan(50);
    expect(item!.reactions.length + item!.moreReactions).toBe(81);
    expect(item!.reactions.length).toBeLessThan(81);
  });

  it.each([
    ["garbage", "!!!"],
    ["no message part", Buffer.from(`${new Date(1000).toISOString()}|m`).toString("base64url")],
    ["a date past the database's range", `${Buffer.from("+010000-01-01T00:00:00.000Z|m").toString("base64url")}.${Buffer.from("x").toString("base64url")}`],
    ["a message part that is not base64url", `${Buffer.from(`${new Date(1000).toISOString()}|m`).toString("base64url")}.a+b`],
    ["an empty message part", `${Buffer.from(`${new Date(1000).toISOString()}|m`).toString("base64url")}.`],
  ])("answers a cursor with %s with 400 invalid_cursor", async (_name, cursor) => {
    const { id } = await endpoint();
    await expect(reactionBoard(db, { endpointId: id, cursor })).rejects.toMatchObject({ status: 400, code: "invalid_cursor" } satisfies Partial<HttpError>);
  });

  it("is a 404 for an unknown endpoint and a 400 for one whose platform reports no reactions", async () => {
    await expect(reactionBoard(db, { endpointId: "nope" })).rejects.toMatchObject({ status: 404, code: "not_found" } satisfies Partial<HttpError>);
    const { id } = await endpoint("qq");
    await expect(reactionBoard(db, { endpointId: id })).rejects.toMatchObject({ status: 400, code: "wrong_platform" } satisfies Partial<HttpError>);
  });
});
